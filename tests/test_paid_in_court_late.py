"""A part payment or a credit note on an invoice in litigation, typed into the ledger weeks
after it came, or found by a monthly run: the court file still claims the whole principal
(the fourth legal review, 2: « RECENT_DAYS = 30 » silenced it). Warned and the file redone
whatever its age, until a later file takes it into account: the journal records the file
redone (« Dossier de contentieux refait ») and what it still claims, so the next run does
not redo it again, but does when less is owed than that."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance",
           "Facture d'origine"]  # fmt: skip
# P1: 10 000 €, handed to litigation on 01/10/2026 (typed so in the ledger).
P1 = ["P1", "Client X", "professionnel", D(2026, 3, 1), D(2026, 4, 4), 10000.0, None, None,
      ADDRESS, "Contentieux", D(2026, 10, 1), None]  # fmt: skip
CREDIT = ["AV-1", "Client X", "professionnel", D(2026, 10, 20), None, -1000.0, None, None,
          ADDRESS, None, None, "P1"]  # fmt: skip
CHANGED = "Client X : la facture n° P1, remise au contentieux le 01/10/2026, a été"


def _run(ledger, tmp_path, as_of, name):
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=as_of, out_dir=tmp_path / name, pdf=False
    )
    said = [w for w in result.warnings if w.startswith(CHANGED)]
    redone = [w for w in result.warnings if "dossier de contentieux refait" in w]
    return said, redone


def _set(ledger, paid, day):
    wb = load_workbook(ledger)
    ws = wb.worksheets[0]
    heads = [c.value for c in ws[1]]
    ws.cell(2, heads.index("Montant réglé") + 1, paid)
    ws.cell(2, heads.index("Date règlement") + 1, day)
    wb.save(ledger)


def _journal(ledger):
    ws = load_workbook(ledger)["Journal des relances"]
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if r[4] and "refait" in r[4]]


@pytest.mark.parametrize(
    ("paid", "credit", "what"),
    [
        pytest.param(4000.0, False, "réglée en partie", id="part-payment"),
        pytest.param(None, True, "réduite par l'avoir du 20/10/2026", id="credit-note"),
        pytest.param(4000.0, True, "et réduite par l'avoir", id="both"),
    ],
)
def test_an_old_part_payment_or_credit_in_litigation_is_warned_once_taken_into_account(
    tmp_path, paid, credit, what
):
    rows = [P1, CREDIT] if credit else [P1]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    if paid:
        _set(ledger, paid, D(2026, 10, 15))
    # 07/12: the payment of 15/10 and the credit of 20/10 are over 30 days old.
    said, redone = _run(ledger, tmp_path, D(2026, 12, 7), "o1")
    assert len(said) == 1 and what in said[0], said
    assert len(redone) == 1, redone
    owed = 10000.0 - (paid or 0) - (1000.0 if credit else 0)
    [line] = _journal(ledger)
    assert (line[1], line[3], line[4], line[5]) == (
        "P1",
        "Contentieux",
        "Dossier de contentieux refait",
        owed,
    )
    # The next run: the file redone already claims what is owed, nothing to redo.
    said, redone = _run(ledger, tmp_path, D(2026, 12, 14), "o2")
    assert said == [] and redone == []
    # Another payment, typed late again (dated before the file redone): redone once more.
    _set(ledger, (paid or 0) + 500.0, D(2026, 11, 2))
    said, redone = _run(ledger, tmp_path, D(2026, 12, 21), "o3")
    assert len(said) == 1 and len(redone) == 1, said
    assert [r[5] for r in _journal(ledger)] == [owed, owed - 500.0]
    said, redone = _run(ledger, tmp_path, D(2026, 12, 28), "o4")
    assert said == [] and redone == []


def test_a_rerun_of_the_day_redoes_the_file_as_the_first_run_did(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", [P1], HEADERS)
    _set(ledger, 4000.0, D(2026, 10, 15))
    first = _run(ledger, tmp_path, D(2026, 12, 7), "o1")
    again = _run(ledger, tmp_path, D(2026, 12, 7), "o2")
    assert first[0] == again[0] and len(first[0]) == 1
    assert len(first[1]) == len(again[1]) == 1
    assert len(_journal(ledger)) == 1


def test_a_full_payment_in_litigation_is_still_warned_until_acknowledged(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", [P1], HEADERS)
    _set(ledger, 10000.0, D(2026, 10, 15))
    said, _ = _run(ledger, tmp_path, D(2026, 12, 7), "o1")
    assert len(said) == 1 and "a été réglée le 15/10/2026" in said[0], said


JOURNAL = ("Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû", "Intérêts",
           "Indemnité", "Courrier")  # fmt: skip


@pytest.mark.parametrize(
    ("claimed", "warned"),
    [
        # The file made at the hand-over (01/10) claimed 10 000 €: the 4 000 € of 10/05,
        # typed since, are not in it (review-lawnew M4).
        pytest.param(10000.0, True, id="payment-before-the-hand-over-not-in-the-file"),
        # The file already deducted them: nothing to redo.
        pytest.param(6000.0, False, id="payment-before-the-hand-over-in-the-file"),
    ],
)
def test_a_part_payment_dated_before_the_hand_over_but_typed_later(tmp_path, claimed, warned):
    def journal(wb):
        ws = wb.create_sheet("Journal des relances")
        ws.append(JOURNAL)
        ws.append((dt.datetime(2026, 10, 1), "P1", "Client X", "Contentieux", "Contentieux",
                   claimed, 500.0, 40.0, ""))  # fmt: skip

    ledger = write_ledger(tmp_path / "l.xlsx", [P1], HEADERS, extra=journal)
    _set(ledger, 4000.0, D(2026, 5, 10))
    said, redone = _run(ledger, tmp_path, D(2026, 12, 7), "o1")
    assert (len(said), len(redone)) == ((1, 1) if warned else (0, 0)), said
    if warned:
        assert "réglée en partie (4\u202f000,00\xa0€ reçus) le 10/05/2026" in said[0], said
        assert "absent du dernier dossier qui réclame 10\u202f000,00\xa0€" in said[0], said
        assert [r[5] for r in _journal(ledger)] == [6000.0]
