"""A « Montant réglé » column left blank beside a « Règlements » sheet (review-clerk3 H1): an
empty cell says nothing, the sheet's payments apply (Charlie Bâtiment, paid in full on 20/11,
is thanked or left alone, never sent a Relance 2 saying « reste impayée »); a typed cell that
the sheet exceeds holds the invoice, naming both totals, never chased for the higher amount."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 12, 6)
ADDRESS = "12 rue Oberkampf\n75011 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


def _rows(paid_h3, paid_h4):
    return [
        ["H-3", "Charlie Bâtiment", D(2026, 9, 1), D(2026, 10, 1), 500.0, paid_h3, None, ADDRESS, "Relance 1", D(2026, 11, 2)],
        ["H-4", "Delta Transports", D(2026, 8, 1), D(2026, 9, 15), 950.5, paid_h4, None, ADDRESS, "Relance 1", D(2026, 11, 1)],
    ]  # fmt: skip


def _sheet(wb):
    ws = wb.create_sheet("Règlements")
    ws.append(["N° facture", "Date règlement", "Montant réglé", "Référence bancaire"])
    ws.append(["H-3", D(2026, 11, 20), 500, "VIR CHARLIE"])
    ws.append(["H-4", D(2026, 11, 25), 200, "VIR DELTA ACOMPTE"])


@pytest.mark.parametrize(
    ("paid_h3", "paid_h4", "expected"),
    [
        pytest.param(None, None, {"H-3": (0.0, True, True), "H-4": (750.5, False, True)}, id="blank-cells-the-sheet-says"),
        pytest.param(500.0, 200.0, {"H-3": (0.0, True, True), "H-4": (750.5, False, True)}, id="typed-and-agreeing"),
        pytest.param(0.0, None, {"H-3": (500.0, False, False), "H-4": (750.5, False, True)}, id="typed-zero-held"),
        pytest.param(100.0, 200.0, {"H-3": (400.0, False, False), "H-4": (750.5, False, True)}, id="typed-less-held"),
    ],
)  # fmt: skip
def test_a_blank_paid_cell_takes_the_payments_sheet(tmp_path, paid_h3, paid_h4, expected):
    path = write_ledger(tmp_path / "l.xlsx", _rows(paid_h3, paid_h4), HEADERS, extra=_sheet)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    got = {
        k: (
            float(frame.at[k, "outstanding"]),
            bool(frame.at[k, "is_paid"]),
            bool(frame.at[k, "valid"]),
        )
        for k in expected
    }
    assert got == expected
    warned = " ".join(ledger.warnings).replace("\xa0", " ").replace("\u202f", " ")
    if not expected["H-3"][2]:
        typed = f"{paid_h3:.2f}".replace(".", ",")
        assert f"totalisent 500,00 €, la colonne des montants réglés {typed} €" in warned
        assert "non relancée" in str(frame.at["H-3", "problem"])
    assert "500.00" not in warned and "0.00" not in warned


@pytest.mark.parametrize(
    "paid_h3", [pytest.param(None, id="blank"), pytest.param(0.0, id="typed-zero")]
)
def test_charlie_is_never_sent_a_relance_2_for_a_paid_invoice(tmp_path, paid_h3):
    path = write_ledger(tmp_path / "l.xlsx", _rows(paid_h3, None), HEADERS, extra=_sheet)
    result = relance_xlsx.run(
        path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    mine = [x for x in result.letters if x.client == "Charlie Bâtiment"]
    assert all(x.kind == "remerciement" for x in mine), [x.kind for x in mine]
    for letter in mine:
        text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
        assert "reste impayée" not in text
    [delta] = [x for x in result.letters if x.client == "Delta Transports"]
    text = plain("\n".join(p.text for p in Document(delta.path).paragraphs))
    assert "750,50 €" in text, text
