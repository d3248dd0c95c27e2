"""`relance match --apply` after the clerk's review: every payment keeps its date (the
interest is computed on each), the journal runs in the bank's order, a QR code's amount pays
the letter's penalties and the next run claims them no more, the review is never overwritten.
Each workbook is reopened with openpyxl; the next run is the real `relance run`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, write_ledger
from docx import Document
from statements import Op, camt053, credit_mutuel
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.bank import letter_reference
from relance_xlsx.cli import app

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Niveau de relance", "Date de relance", "Adresse"]  # fmt: skip
JOURNAL = ("Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
           "Intérêts", "Indemnité", "Courrier", "Référence")  # fmt: skip
# 12,15 % a year in 2026 (the ECB's 2,15 % + 10 points, both half-years in the bundled table).
RATE = 0.1215


def _ledger(tmp_path, rows, journal=()):
    def add_journal(wb):
        if journal:
            ws = wb.create_sheet("Journal des relances")
            ws.append(JOURNAL)
            for line in journal:
                ws.append(line)

    # A complete office: its letters are written, their reasons are the policy's own.
    config = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(config, encoding="utf-8")
    rows = [[*row, "1 rue A\n69002 Lyon"] for row in rows]
    return write_ledger(tmp_path / "grand-livre.xlsx", rows, HEADERS, extra=add_journal)


def _run(ledger, day):
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", day, "--dry-run", "--json"])
    assert out.exit_code == 0, out.output
    return {i["invoice"]: i for i in json.loads(out.stdout)["invoices"]}


def _sheet(ledger, name):
    return [list(r) for r in openpyxl.load_workbook(ledger)[name].iter_rows(values_only=True)]


def _interest(base, days):
    return round(base * days * RATE / 365 + 1e-9, 2)


# -- an earlier partial payment keeps its date ------------------------------------------------


def test_a_second_payment_keeps_the_first_ones_date(tmp_path):
    rows = [["FH-110", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 2860.0, 1000.0,
             D(2026, 4, 30), "Relance 1", D(2026, 10, 20)]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 1000.0, "VIR SEPA HOTEL DU CEDRE", "ACOMPTE FACTURE FH-110", ""),
    ])  # fmt: skip
    result = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    assert result.applied == 1
    row = _sheet(ledger, "Factures")[1]
    assert row[5:7] == [2000.0, dt.datetime(2026, 11, 5)]  # the total, the last date
    # Every payment, dated, in the payments sheet the reader merges.
    assert [r[:3] for r in _sheet(ledger, "Règlements")[1:]] == [
        ["FH-110", dt.datetime(2026, 4, 30), 1000.0],
        ["FH-110", dt.datetime(2026, 11, 5), 1000.0],
    ]
    # Interest by hand, each payment from its own day (the day of a payment still bears
    # interest on the amount before it): 15/04–30/04 on 2 860, 01/05–05/11 on 1 860 (the
    # half-years cut at 30/06), 06/11–20/11 on 860.
    expected = (_interest(2860, 16) + _interest(1860, 61) + _interest(1860, 128)
                + _interest(860, 15))  # fmt: skip
    assert expected == pytest.approx(136.54)
    invoice = _run(ledger, "20/11/2026")["FH-110"]
    assert invoice["interest"] == pytest.approx(expected)
    assert invoice["outstanding"] == 860.0
    # The reminder says the partial payment, not « sans règlement ».
    assert invoice["reason"] == (
        "2e relance : 1re relance du 20/10/2026 ; règlement partiel le 05/11/2026, reste dû "
        "860,00\u00a0€ ; lettre envoyée il y a 31 jours"
    )


@pytest.mark.parametrize(
    ("language", "said"),
    [
        pytest.param("fr", "Nous avons bien reçu, en règlement partiel, 2\u202f000,00\xa0€ sur la "
                     "facture n°\xa0FH-110 (dernier règlement le 5\xa0novembre\xa02026), dont il "
                     "est tenu compte dans le reste dû ci-dessous.", id="fr"),
        pytest.param("en", "We have received, in part payment, €2,000.00 on invoice FH-110 (last "
                     "payment on 5\xa0November\xa02026), which the balance below takes into "
                     "account.",
                     id="en"),
    ],
)  # fmt: skip
def test_the_reminder_after_a_partial_payment_says_it(tmp_path, language, said):
    rows = [["FH-110", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 2860.0, 1000.0,
             D(2026, 4, 30), "Relance 1", D(2026, 10, 20)]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    with (tmp_path / "relance.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[letters]\nlanguage = "{language}"\n')
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 1000.0, "VIR SEPA HOTEL DU CEDRE", "ACOMPTE FACTURE FH-110", ""),
    ])  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "20/11/2026", "--json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["to_complete"] == []
    (letter,) = doc["letters"]
    assert letter["kind"] == "relance_2"
    # As typeset: invoice numbers with a no-break hyphen, read back as typed; no-break
    # spaces after « n° » and inside a date.
    text = [p.text.replace("\u2011", "-") for p in Document(letter["path"]).paragraphs]
    assert said in text
    # Said once, after the sentence that says the invoice is still owed.
    assert sum(said in t for t in text) == 1


def test_a_third_payment_copies_nothing_twice(tmp_path):
    rows = [["FH-111", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 2860.0, 1000.0,
             D(2026, 4, 30), None, None]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    for day, amount, ref in ((D(2026, 11, 5), 1000.0, "A1"), (D(2026, 11, 18), 500.0, "A2")):
        statement = camt053(tmp_path / f"{ref}.xml", [
            Op(day, amount, "HOTEL DU CEDRE", "FACTURE FH-111", ref),
        ])  # fmt: skip
        relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    payments = [r[1:3] for r in _sheet(ledger, "Règlements")[1:]]
    assert payments == [[dt.datetime(2026, 4, 30), 1000.0], [dt.datetime(2026, 11, 5), 1000.0],
                        [dt.datetime(2026, 11, 18), 500.0]]  # fmt: skip
    assert _sheet(ledger, "Factures")[1][5] == 2500.0
    assert _run(ledger, "20/11/2026")["FH-111"]["outstanding"] == 360.0


def test_an_undated_earlier_payment_lowers_the_base_from_the_start(tmp_path):
    rows = [["FH-112", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 2860.0, 1000.0, None,
             None, None]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 1000.0, "VIR SEPA HOTEL DU CEDRE", "FACTURE FH-112", ""),
    ])  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    # Its date unknown, the first payment is not invented: only the new one is dated.
    assert [r[1:3] for r in _sheet(ledger, "Règlements")[1:]] == [
        [dt.datetime(2026, 11, 5), 1000.0]
    ]
    expected = _interest(1860, 77) + _interest(1860, 128) + _interest(860, 15)
    assert _run(ledger, "20/11/2026")["FH-112"]["interest"] == pytest.approx(expected)


# -- the journal in the bank's order ----------------------------------------------------------


def test_the_journal_runs_in_date_order(tmp_path):
    letter = letter_reference("Garage Dubois", D(2026, 10, 20), ["FG-50"])
    rows = [["FG-50", "Garage Dubois", D(2026, 9, 1), D(2026, 10, 1), 1000.0, None, None,
             "Relance 1", D(2026, 10, 20)]]  # fmt: skip
    journal = [(dt.datetime(2026, 10, 20), "FG-50", "Garage Dubois", "Relance 1", "Courrier",
                1000.0, 5.0, 40.0, "relance_1.docx", letter)]  # fmt: skip
    ledger = _ledger(tmp_path, rows, journal)
    statement = credit_mutuel(tmp_path / "r.csv", [
        # Later, but matched first: the letter's reference is the strongest evidence.
        Op(D(2026, 11, 8), 300.0, "VIR SEPA GARAGE DUBOIS", letter, ""),
        Op(D(2026, 11, 3), 400.0, "VIR SEPA GARAGE DUBOIS", "ACOMPTE FACT FG-50", ""),
    ])  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    lines = [r for r in _sheet(ledger, "Journal des relances")[2:]]
    assert [(r[4], r[5], r[8][:22]) for r in lines] == [
        ("Règlement partiel (banque)", 600.0, "Virement du 03/11/2026"),
        ("Règlement partiel (banque)", 300.0, "Virement du 08/11/2026"),
    ]
    assert [r[1:3] for r in _sheet(ledger, "Règlements")[1:]] == [
        [dt.datetime(2026, 11, 3), 400.0], [dt.datetime(2026, 11, 8), 300.0],
    ]  # fmt: skip
    # Keys with comma decimals, as the person reads them, and a digest of all the entry says.
    assert re.fullmatch(
        r"03/11/2026 400,00 VIR SEPA GARAGE DUBOIS ACOMPTE FACT FG-50 \[[0-9a-f]{16}\]", lines[0][9]
    )


# -- the letter's reference: one invoice, and the penalties its QR code holds -----------------


def _letter_ledger(tmp_path, level="Relance 2", interest=62.98, second=None):
    # second: FH-121's own stage in the same envelope (a part of its own), else level.
    rf = letter_reference("Hôtel du Cèdre", D(2026, 11, 20), ["FH-120", "FH-121"])
    second = second or level
    rows = [
        ["FH-120", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 860.0, None, None, level,
         D(2026, 11, 20)],
        ["FH-121", "Hôtel du Cèdre", D(2026, 10, 1), D(2026, 10, 31), 300.0, None, None, second,
         D(2026, 11, 20)],
    ]  # fmt: skip
    day = dt.datetime(2026, 11, 20)
    journal = [
        (day, "FH-120", "Hôtel du Cèdre", level, "Courrier", 860.0, interest, 40.0, "l.docx", rf),
        (day, "FH-121", "Hôtel du Cèdre", second, "Courrier", 300.0, 0.8, 40.0, "l.docx", rf),
    ]
    return _ledger(tmp_path, rows, journal), rf


def test_a_payment_of_one_of_the_letters_invoices_pays_that_one(tmp_path):
    ledger, rf = _letter_ledger(tmp_path, "Relance 1")
    statement = camt053(tmp_path / "c.xml", [Op(D(2026, 11, 25), 300.0, "X", rf, "Q1")],
                        structured=True)  # fmt: skip
    (p,) = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 27)).proposals
    assert [(a.invoice, a.amount, a.partial) for a in p.allocations] == [("FH-121", 300.0, False)]


@pytest.mark.parametrize(
    ("paid", "penalties", "surplus"),
    [
        # Principal 1 160,00 + the letter's penalties (62,98 + 0,80 + 2 × 40,00): all paid.
        pytest.param(1303.78, [("FH-120", 62.98, 40.0), ("FH-121", 0.8, 40.0)], 0.0,
                     id="the-qr-codes-amount"),
        # More than the letter asked: the rest is a surplus, said and written, never lost.
        pytest.param(1350.0, [("FH-120", 62.98, 40.0), ("FH-121", 0.8, 40.0)], 46.22,
                     id="beyond-the-penalties"),
        # Part of the penalties: interest first, invoice by invoice.
        pytest.param(1200.0, [("FH-120", 40.0, 0.0)], 0.0, id="part-of-the-penalties"),
    ],
)  # fmt: skip
def test_the_qr_codes_amount_pays_the_letters_penalties(tmp_path, paid, penalties, surplus):
    ledger, rf = _letter_ledger(tmp_path)
    statement = camt053(tmp_path / "c.xml", [Op(D(2026, 11, 25), paid, "HOTEL", rf, "Q2")],
                        structured=True)  # fmt: skip
    result = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 27), apply=True)
    (p,) = result.proposals
    assert [(a.invoice, a.amount) for a in p.allocations] == [("FH-120", 860.0), ("FH-121", 300.0)]
    assert [(s.invoice, s.interest, s.indemnity) for s in p.penalties] == penalties
    assert p.surplus == pytest.approx(surplus)
    lines = _sheet(ledger, "Journal des relances")[3:]
    written = [(r[1], r[6], r[7]) for r in lines if r[4] == "Pénalités réglées (banque)"]
    assert written == penalties
    assert any(r[4] == "Excédent non affecté (banque)" for r in lines) == (surplus > 0)
    if surplus:
        assert "46,22" in next(r[8] for r in lines if r[4].startswith("Excédent"))
    # The next run claims what is left of the penalties, never what was paid: interest to
    # the day of payment (25/11) on 860,00 less what the transfer paid of it.
    invoice = _run(ledger, "27/11/2026")["FH-120"]
    owed = _interest(860, 77) + _interest(860, 148)  # 15/04–30/06, 01/07–25/11
    paid_interest = penalties[0][1]
    assert invoice["interest"] == pytest.approx(round(owed - paid_interest, 2))
    assert invoice["indemnity"] == 40.0 - penalties[0][2]
    # Imported again: nothing more.
    again = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 27), apply=True)
    assert again.count("already") == 1 and again.journal_lines == 0


def test_a_part_at_the_first_reminder_holds_no_penalties_in_the_qr_code(tmp_path):
    # One envelope: FH-120 at the second reminder (its penalties claimed), FH-121 at the first
    # (principal only, though the journal says what its penalties come to). The QR code held
    # 860,00 + 300,00 + 62,98 + 40,00 = 1 262,98 €; 1 350,00 € leaves 87,02 € over.
    ledger, rf = _letter_ledger(tmp_path, second="Relance 1")
    statement = camt053(tmp_path / "c.xml", [Op(D(2026, 11, 25), 1350.0, "HOTEL", rf, "Q4")],
                        structured=True)  # fmt: skip
    (p,) = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 27)).proposals
    assert [(s.invoice, s.interest, s.indemnity) for s in p.penalties] == [("FH-120", 62.98, 40.0)]
    assert p.surplus == pytest.approx(87.02)


@pytest.mark.parametrize(
    ("claim", "kind", "said"),
    [
        # The thanks: the invoices are paid; the letter's check never counts the transfer's
        # 40,00 € of penalties as missing from the interest's periods.
        pytest.param("never", "remerciement", None, id="the-thanks"),
        # The claim for what is left: 66,91 € over the periods, 40,00 € paid, 26,91 € claimed,
        # and the letter says the 40,00 € it deducts.
        pytest.param("letter", "penalites", "Déjà réglé par virement sur ces sommes, et déduit "
                     "ci-dessus : 40,00\xa0€.", id="the-claim-for-the-rest"),
    ],
)  # fmt: skip
def test_the_letter_after_penalties_paid_by_transfer_passes_its_check(tmp_path, claim, kind, said):
    ledger, rf = _letter_ledger(tmp_path)
    with (tmp_path / "relance.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[policy]\nclaim_after_payment = "{claim}"\n')
    statement = camt053(tmp_path / "c.xml", [Op(D(2026, 11, 25), 1200.0, "HOTEL", rf, "Q3")],
                        structured=True)  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 27), apply=True)
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "27/11/2026", "--json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["to_complete"] == []
    (letter,) = doc["letters"]
    assert letter["kind"] == kind
    invoice = {i["invoice"]: i for i in doc["invoices"]}["FH-120"]
    periods = round(sum(p["interest"] for p in invoice["interest_periods"]), 2)
    assert (invoice["interest_paid"], invoice["indemnity_paid"]) == (40.0, 0.0)
    assert invoice["interest"] == pytest.approx(periods - 40.0)
    text = "\n".join(p.text for p in Document(letter["path"]).paragraphs)
    text = text.replace("\u2011", "-").replace("\u202f:", " :")  # as typeset, read as typed
    if said:
        assert letter["total_due"] == pytest.approx(round(periods - 40.0 + 40.0 + 2.5 + 40.0, 2))
        assert said in text
    else:
        assert "Déjà réglé par virement" not in text


def test_a_cent_left_is_neither_chased_nor_counted(tmp_path):
    rows = [["FV-51", "Imprimerie Vallée", D(2026, 9, 23), D(2026, 10, 23), 2317.45, None, None,
             None, None]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 10), 2317.44, "VIR SEPA IMPRIMERIE VALLEE", "FACTURE FV-51", ""),
    ])  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    journal = _sheet(ledger, "Journal des relances")[1]
    assert (journal[4], journal[5]) == ("Règlement bancaire", 0.0)
    assert "écart de 0,01" in journal[8]
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "20/11/2026", "--dry-run"])
    assert "Encours par niveau" not in out.stdout or "0,01" not in out.stdout
    assert _run(ledger, "20/11/2026")["FV-51"]["paid"] is True


# -- the review workbook ----------------------------------------------------------------------


def test_the_review_is_never_overwritten_and_shows_no_amount_undecided(tmp_path):
    rows = [["FG-60", "Garage Dubois", D(2026, 9, 1), D(2026, 10, 1), 300.0, None, None, None,
             None],
            ["FG-61", "Garage Dubois", D(2026, 9, 2), D(2026, 10, 2), 300.0, None, None, None,
             None]]  # fmt: skip
    ledger = _ledger(tmp_path, rows)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 300.0, "VIR SEPA GARAGE DUBOIS", "", ""),
    ])  # fmt: skip
    first = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20))
    before = Path(first.review).read_bytes()
    second = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20))
    assert first.review.endswith("rapprochement.xlsx")
    assert second.review.endswith("rapprochement-2.xlsx")
    assert Path(first.review).read_bytes() == before
    rows = _sheet(second.review, "Rapprochement")
    head = rows[0]
    (line,) = rows[1:]
    said = dict(zip(head, line, strict=True))
    assert said["Décision"] == "À décider par vous"
    assert said["Affecté"] is None and said["Reste dû après"] is None
    assert said["Factures"] == "à choisir : FG-60, FG-61"
    notes = [r[5] for r in _sheet(second.review, "Relevés")[1:]]
    assert notes[0].startswith("en-têtes en ligne 1 : date « Date »")


def test_a_ledger_without_a_date_column_gets_the_dates_in_the_sheet(tmp_path):
    """No « Date règlement » column: the new payment's date goes to the payments sheet, the
    earlier undated one stays in the column, and no warning repeats every week."""
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC",
               "Montant réglé"]  # fmt: skip
    rows = [["FH-130", "Hôtel du Cèdre", D(2026, 3, 15), D(2026, 4, 14), 2860.0, 1000.0]]
    ledger = write_ledger(tmp_path / "gl.xlsx", rows, headers)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 1000.0, "VIR SEPA HOTEL DU CEDRE", "FACTURE FH-130", ""),
    ])  # fmt: skip
    relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    assert _sheet(ledger, "Factures")[1][5] == 2000.0
    assert [r[1:3] for r in _sheet(ledger, "Règlements")[1:]] == [
        [dt.datetime(2026, 11, 5), 1000.0]
    ]
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "20/11/2026", "--dry-run",
                                   "--json"])  # fmt: skip
    doc = json.loads(out.stdout)
    assert not any("totalisent" in w for w in doc["warnings"])
    (invoice,) = doc["invoices"]
    expected = _interest(1860, 77) + _interest(1860, 128) + _interest(860, 15)
    assert invoice["interest"] == pytest.approx(expected)


# -- a payment received and not applied, imputed by law (review-lawnew H1) -----------------


def test_a_payment_imputed_by_law_is_never_written_into_the_invoice_s_cells(tmp_path):
    # F-1 1 000 €; « Règlement » 250 € of 20/09 imputed on it (Code civil 1342-10): the bank's
    # 750 € settle it; the ledger's cell gets the 750 € alone (its « Règlement » row stays),
    # and no « Report » of the 250 € goes into the payments sheet.
    headers = ["N° facture", "Type", "Client", "Date facture", "Échéance", "Montant TTC",
               "Montant réglé", "Date règlement", "Adresse"]  # fmt: skip
    a = "1 rue A\n69002 Lyon"
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, None, None, a],
        ["1700001", "Règlement", "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, None, None, a],
    ]  # fmt: skip
    config = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(config, encoding="utf-8")
    ledger = write_ledger(tmp_path / "grand-livre.xlsx", rows, headers)
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 11, 5), 750.0, "VIR SEPA BETA SAS", "FACTURE F-1", ""),
    ])  # fmt: skip
    result = relance_xlsx.match(ledger, [statement], as_of=D(2026, 11, 20), apply=True)
    assert result.applied == 1
    sheet = openpyxl.load_workbook(ledger).worksheets[0]
    assert [sheet.cell(2, 7).value, sheet.cell(3, 7).value] == [750.0, None]
    names = openpyxl.load_workbook(ledger).sheetnames
    if "Règlements" in names:
        assert [r[:3] for r in _sheet(ledger, "Règlements")[1:]] == [
            ["F-1", dt.datetime(2026, 11, 5), 750.0]
        ]
