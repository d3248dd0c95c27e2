"""A part payment written in the status with its amount (« Réglée partiellement - reste
200 € », « Acompte reçu 300 € », « Payé 300 € ») is read: what is left, or what was paid so far
(review-nextcase M5). Several amounts, or one above the invoice's, keep the hold « reste dû
inconnu »; a bounced payment is no payment."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "1 rue de la Paix\n75002 Paris"
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse", "Statut"]
HELD = "reste dû est inconnu"

# (status, invoice amount, what is still owed or HELD)
CASES = [
    ("Réglée partiellement - reste 200 €", 1200.0, 200.0),
    ("Acompte reçu 300 €", 900.0, 600.0),
    ("Payé 300 €", 1200.0, 900.0),
    ("Réglée partiellement : 1 200,50 €", 2400.0, 1199.5),
    ("Réglée partiellement - reste à payer : 450,25 €", 1000.0, 450.25),
    ("Acompte de 300 € reçu le 12/11/2026", 900.0, 600.0),
    ("Payé 1 200 €", 1200.0, 0.0),
    ("Réglée partiellement - reste 0 €", 500.0, 0.0),
    ("Acompte reçu 300 € + 200 €", 900.0, HELD),  # two amounts: which one?
    ("Réglée partiellement - reste 1 500 €", 1200.0, HELD),  # above the invoice
    ("Acompte reçu 1 500 €", 1200.0, HELD),
    ("Réglée partiellement", 1200.0, HELD),
    ("Acompte reçu 300 € - chèque rejeté", 900.0, 900.0),  # bounced: nothing received
]


def _ledger(path, cases):
    rows = [
        [f"Client {i}", f"F-{i}", D(2026, 8, 1), D(2026, 8, 31), amount, ADDRESS, status]
        for i, (status, amount, _) in enumerate(cases)
    ]
    return write_ledger(path, rows, HEADERS)


@pytest.mark.parametrize(("status", "amount", "owed"), [pytest.param(*c, id=c[0]) for c in CASES])
def test_the_amount_written_in_the_status_is_read(tmp_path, status, amount, owed):
    path = _ledger(tmp_path / "statut.xlsx", [(status, amount, owed)])
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    row = ledger.frame.iloc[0]
    held = [p for p in ledger.problems if HELD in p.message]
    if owed == HELD:
        assert held and not row["valid"]
        return
    assert not held
    assert row["outstanding"] == pytest.approx(owed)
    assert row["paid"] == pytest.approx(amount - owed if "rejeté" not in status else 0.0)
    assert bool(row["is_paid"]) is (owed == 0.0)


def test_the_letter_claims_what_is_left_and_the_workbook_says_it_was_chased(tmp_path):
    cases = [CASES[0], CASES[1], CASES[8]]
    path = _ledger(tmp_path / "statut.xlsx", cases)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    letters = {x.client: x for x in result.letters}
    assert set(letters) == {"Client 0", "Client 1"}  # Client 2: held, two amounts
    text = " ".join(p.text for p in Document(letters["Client 0"].path).paragraphs)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "en règlement partiel, 1 000,00 €" in text
    assert "Total restant dû : 200,00 €" in text
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    assert rows["F-0"]["Niveau de relance"] == "Relance 1"
    assert rows["F-1"]["Niveau de relance"] == "Relance 1"
    assert rows["F-2"].get("Niveau de relance") is None


PAID_HEADERS = [*HEADERS, "Montant réglé"]
DISAGREE = "ne concordent pas"

# (status, invoice amount, the row's « Montant réglé », what is still owed, or the hold)
# review-nextcase2 H1: an empty paid cell is no information; a disagreement holds the row.
BESIDE_A_PAID_COLUMN = [
    ("Payé 300 €", 1200.0, None, 900.0),
    ("Réglé 50%", 1200.0, None, 600.0),
    ("Réglé 50%", 600.0, None, 300.0),
    ("reste 200 €", 600.0, None, 200.0),
    ("Payé 300 €", 900.0, 900.0, DISAGREE),
    ("reste 200 €", 600.0, 300.0, DISAGREE),
    ("Payé 300 €", 1200.0, 300.0, 900.0),  # both say 300
    ("Réglée partiellement", 1200.0, None, HELD),
    ("Réglée", 900.0, None, 0.0),
]


@pytest.mark.parametrize(
    ("status", "amount", "cell", "owed"),
    [pytest.param(*c, id=f"{c[0]}-{c[2]}") for c in BESIDE_A_PAID_COLUMN],
)
def test_the_status_amount_beside_an_empty_paid_cell(tmp_path, status, amount, cell, owed):
    row = ["Client 0", "F-0", D(2026, 8, 1), D(2026, 8, 31), amount, ADDRESS, status, cell]
    other = ["Client 1", "F-1", D(2026, 8, 1), D(2026, 8, 31), 500.0, ADDRESS, "", 100.0]
    path = write_ledger(tmp_path / "statut.xlsx", [row, other], PAID_HEADERS)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    first = ledger.frame.iloc[0]
    said = [p.message for p in ledger.problems if p.row == 2 and p.severity == "error"]
    if isinstance(owed, str):
        assert any(owed in m for m in said) and not first["valid"], said
        if owed == DISAGREE:
            assert any("300,00" in m for m in said)
        return
    assert not said and first["valid"]
    assert first["outstanding"] == pytest.approx(owed)
    assert bool(first["is_paid"]) is (owed == 0.0)
