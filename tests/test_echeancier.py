"""A Sage-style « Échéancier clients » (review-pubwb5 H4): « Solde » beside « Montant réglé »
is what is left, never deducted from again; « Intitulé » beside account codes is the client;
an invoice in several instalments is chased per instalment, never refused as a duplicate."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
SAGE = ["N° compte", "Intitulé", "Date pièce", "N° pièce", "Libellé écriture", "Échéance", "Mode règl.", "{amount}", "Montant réglé", "Solde"]  # fmt: skip
ROWS = [
    ("411ALPHA", "SARL ALPHA", D(2026, 9, 1), "FA0101", "Facture FA0101", D(2026, 10, 1), "VIR", 400, 400, 0),
    ("411ALPHA", "SARL ALPHA", D(2026, 9, 1), "FA0101", "Facture FA0101", D(2026, 11, 1), "VIR", 400, 0, 400),
    ("411ALPHA", "SARL ALPHA", D(2026, 9, 1), "FA0101", "Facture FA0101", D(2026, 12, 31), "VIR", 400, 0, 400),
    (None, None, None, None, "Total 411ALPHA", None, None, 1200, 400, 800),
    ("411BETA", "BETA SAS", D(2026, 9, 2), "FA0102", "Facture FA0102", D(2026, 10, 2), "LCR", 850, 300, 550),
    (None, None, None, None, "Total 411BETA", None, None, 850, 300, 550),
]  # fmt: skip


def _book(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Echeancier"
    ws.append(["ATELIER EXEMPLE SARL", None, None, None, None, None, "Échéancier clients"])
    ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _read(tmp_path, amount="Montant échéance", rows=ROWS):
    headers = [h.format(amount=amount) for h in SAGE]
    return read_ledger(_book(tmp_path / "sage.xlsx", headers, rows), Settings(), as_of=AS_OF)


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param("Montant échéance", id="montant-echeance"),
        pytest.param("Montant TTC", id="montant-ttc"),
        pytest.param("Montant", id="montant"),
    ],
)
def test_the_solde_beside_montant_regle_is_what_is_left(tmp_path, amount):
    ledger = _read(tmp_path, amount)
    frame = ledger.frame
    left = list(zip(frame["invoice"], frame["outstanding"], strict=True))
    assert left == [("FA0101", 0.0), ("FA0101", 400.0), ("FA0101", 400.0), ("FA0102", 550.0)]
    assert list(frame["amount"]) == [400.0, 400.0, 400.0, 850.0]
    assert not [p for p in ledger.problems if "dépasse" in p.message]


def test_intitule_beside_account_codes_is_the_client(tmp_path):
    ledger = _read(tmp_path)
    assert ledger.headers[ledger.positions["client"]] == "Intitulé"
    assert list(ledger.frame["client"]) == ["SARL ALPHA"] * 3 + ["BETA SAS"]


@pytest.mark.parametrize(
    ("dues", "instalments"),
    [
        pytest.param((D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 31)), True, id="three-due-dates"),
        pytest.param(
            (D(2026, 10, 1), D(2026, 10, 1), D(2026, 12, 31)), False, id="two-on-one-date"
        ),
    ],
)
def test_an_invoice_in_instalments_is_no_duplicate(tmp_path, dues, instalments):
    rows = [(*r[:5], due, *r[6:]) for r, due in zip(ROWS[:3], dues, strict=True)] + ROWS[3:]
    ledger = _read(tmp_path, rows=rows)
    doubles = [p for p in ledger.problems if "en double" in p.message]
    staged = [p for p in ledger.problems if "plusieurs échéances" in p.message]
    if instalments:
        assert not doubles
        assert [(p.row, p.severity) for p in staged] == [
            (4, "warning"),
            (5, "warning"),
            (6, "warning"),
        ]
        assert len(ledger.frame) == 4  # each instalment is read, at its own due date
        due_nov = ledger.frame[ledger.frame["due_date"] == "2026-11-01"]
        assert list(due_nov["outstanding"]) == [400.0]
    else:
        assert {p.row for p in doubles} == {4, 5, 6}
        assert not staged


PLAIN = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "{amount}"]
SPLIT = [
    ("Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 9, 1), 1200.0, 400.0),
    ("Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 10, 1), 1200.0, 400.0),
    ("Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 11, 1), 1200.0, 400.0),
    ("Martin SAS", "F2026-102", D(2026, 9, 1), D(2026, 10, 1), 2400.0, 2400.0),
]  # fmt: skip


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param("Montant échéance", id="montant-echeance"),
        pytest.param("Montant de l'échéance", id="montant-de-l-echeance"),
    ],
)
def test_each_instalment_is_claimed_for_its_own_amount(tmp_path, amount):
    """review-nextcase H0 (ech2): 3 × 400 € for a 1 200 € invoice, never 3 × 1 200 €."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([h.format(amount=amount) for h in PLAIN])
    for row in SPLIT:
        ws.append(list(row))
    wb.save(tmp_path / "ech2.xlsx")
    ledger = read_ledger(tmp_path / "ech2.xlsx", Settings(), as_of=AS_OF)
    assert ledger.headers[ledger.positions["amount"]] == amount
    assert list(ledger.frame["amount"]) == [400.0, 400.0, 400.0, 2400.0]
    assert float(ledger.frame["outstanding"].sum()) == 3600.0


@pytest.mark.parametrize(
    ("parts", "claimed", "held"),
    [
        pytest.param(
            (400.0, 400.0, 400.0), (400.0, 400.0, 400.0), (), id="adding-up-to-the-invoice"
        ),
        pytest.param((400.0, 400.0, 400.004), (400.0, 400.0, 400.0), (), id="within-the-tolerance"),
        # Attack 5 §3: a typo, or a row copied with another date: 3 000 € for a 1 200 € invoice;
        # claimed up to the invoice, the last instalment held (review-late M4).
        pytest.param(
            (1000.0, 1000.0, 1000.0), (1000.0, 200.0), (4,), id="three-times-1000-for-1200"
        ),
        pytest.param((400.0, 400.0, 410.0), (400.0, 400.0, 400.0), (), id="ten-euros-more"),
        # A plan adding the agreed indemnity: 3 × 420 € on 1 200 € (review-late M4).
        pytest.param(
            (420.0, 420.0, 420.0), (420.0, 420.0, 360.0), (), id="plan-with-its-indemnity"
        ),
        # Never a cent more than the invoice, whatever the tolerance (review-late M4).
        pytest.param((400.01, 400.01, 400.0), (400.01, 400.01, 399.98), (), id="two-cents-more"),
    ],
)
def test_instalments_beyond_the_invoice_are_claimed_up_to_it(tmp_path, parts, claimed, held):
    """Never more claimed than the invoice, never nothing: the later instalments are cut to
    its total, the surplus said in a warning naming both sums; one beyond it is held."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([h.format(amount="Montant échéance") for h in PLAIN])
    for row, part in zip(SPLIT[:3], parts, strict=True):
        ws.append([*row[:5], part])
    ws.append(list(SPLIT[3]))
    wb.save(tmp_path / "ech3.xlsx")
    ledger = read_ledger(tmp_path / "ech3.xlsx", Settings(), as_of=AS_OF)
    beyond = [p for p in ledger.problems if "plus que son montant" in p.message]
    frame = ledger.frame
    valid = frame[frame["valid"] & (frame["invoice"] == "F2026-101")]
    assert [round(a, 3) for a in valid["amount"]] == list(claimed)
    assert round(float(valid["outstanding"].sum()), 2) <= 1200.0
    assert [p.row for p in beyond if p.severity == "error"] == list(held)
    if sum(parts) > 1200.005:
        total = f"{sum(parts):,.2f}".replace(",", "\u202f").replace(".", ",")
        assert beyond and all(total in p.message and "1\u202f200,00" in p.message for p in beyond)
        assert all("n'est pas réclamé" in p.message for p in beyond)
    else:
        assert not beyond


def test_a_plan_beyond_its_invoice_is_claimed_up_to_it(tmp_path):
    """review-late M4 (ech_plan): 3 × 420 € on 1 200 € are claimed (due: 420 + 420 + 360 €),
    never « rien n'est réclamé »; 3 × 333,34 € on 1 000 € never claims 1 000,02 €."""
    from conftest import all_paragraphs, complete_settings
    from docx import Document

    import relance_xlsx

    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*(h.format(amount="Montant échéance") for h in PLAIN), "Adresse"])
    for client, number, total, part in (
        ("Dupont SARL", "F101", 1200.0, 420.0),
        ("Martin SAS", "F102", 1000.0, 333.34),
    ):
        for month in (9, 10, 11):
            ws.append(
                [
                    client,
                    number,
                    D(2026, 7, 1),
                    D(2026, month, 1),
                    total,
                    part,
                    "10 rue Garibaldi\n69006 Lyon",
                ]
            )
    wb.save(tmp_path / "ech5.xlsx")
    result = relance_xlsx.run(
        tmp_path / "ech5.xlsx", complete_settings(), as_of=dt.date(2026, 12, 7),
        out_dir=tmp_path / "out", pdf=False,
    )  # fmt: skip
    assert len(result.letters) == 2
    for letter in result.letters:
        text = " ".join(p.text for p in all_paragraphs(Document(letter.path)))
        text = text.replace("\u202f", " ").replace("\xa0", " ")
        assert "1 260,00 €" not in text and "1 000,02 €" not in text
        assert ("360,00 €" in text) == ("Dupont" in str(letter.path))
    owed = {(i.invoice, round(i.outstanding, 2)) for i in result.invoices if i.action != "none"}
    assert {o for o in owed if o[0] == "F101"} == {("F101", 420.0), ("F101", 360.0)}
    assert ("F102", 333.32) in owed and ("F102", 333.34) in owed


def test_instalments_held_beyond_the_invoice_never_stop_the_run(tmp_path):
    """review-late M4: every invoice still owed held for its plan's surplus (the first
    instalment paid, the second beyond the total) is a hold on purpose, never « Lecture
    douteuse »: the run goes on and writes back the paid row."""
    from conftest import complete_settings

    import relance_xlsx

    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*(h.format(amount="Montant échéance") for h in PLAIN), "Montant réglé", "Adresse"])
    ws.append(
        [
            "Dupont SARL",
            "F201",
            D(2026, 7, 1),
            D(2026, 9, 1),
            1200.0,
            1200.0,
            1200.0,
            "10 rue Garibaldi\n69006 Lyon",
        ]
    )
    ws.append(
        [
            "Dupont SARL",
            "F201",
            D(2026, 7, 1),
            D(2026, 10, 1),
            1200.0,
            1200.0,
            None,
            "10 rue Garibaldi\n69006 Lyon",
        ]
    )
    wb.save(tmp_path / "ech6.xlsx")
    ledger = read_ledger(tmp_path / "ech6.xlsx", Settings(), as_of=AS_OF)
    (held,) = [p for p in ledger.problems if p.severity == "error"]
    assert held.row == 3 and "rien n'est réclamé sur cette échéance" in held.message
    result = relance_xlsx.run(
        tmp_path / "ech6.xlsx", complete_settings(), as_of=dt.date(2026, 12, 7),
        out_dir=tmp_path / "out", pdf=False,
    )  # fmt: skip
    assert not result.letters
    assert not any("Lecture douteuse" in w for w in result.warnings)


def test_a_letter_names_an_invoice_in_instalments_once(tmp_path):
    """review-late M4/L2: « factures n° F2026-101, F2026-101 et F2026-101 impayées »."""
    from conftest import all_paragraphs, complete_settings
    from docx import Document

    import relance_xlsx

    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*(h.format(amount="Montant échéance") for h in PLAIN), "Adresse"])
    for row in SPLIT[:3]:
        ws.append([*row, "10 rue Garibaldi\n69006 Lyon"])
    wb.save(tmp_path / "ech4.xlsx")
    result = relance_xlsx.run(
        tmp_path / "ech4.xlsx", complete_settings(), as_of=dt.date(2026, 12, 7),
        out_dir=tmp_path / "out", pdf=False,
    )  # fmt: skip
    (letter,) = result.letters
    text = " ".join(p.text for p in all_paragraphs(Document(letter.path)))
    text = text.replace("\u2011", "-").replace("\xa0", " ")  # typeset hyphens and spaces
    assert "F2026-101, F2026-101" not in text and "F2026-101 et F2026-101" not in text
    assert "facture n° F2026-101" in text
