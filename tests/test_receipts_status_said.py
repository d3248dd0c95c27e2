"""A « Règlements » sheet beside what the ledger says (review-attack-6 §2, §12): an invoice
said « Réglée » (or dated paid) that the sheet pays less is held with both figures said, never
a letter for the difference; a sheet paying more than the invoice is held too, never a
negative amount owed nor negative penalties."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings
from openpyxl import Workbook, load_workbook

from relance_xlsx import run

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = [
    "N° facture",
    "Client",
    "Adresse",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Statut",
    "Date de règlement",
]

# (id, status, payment date, sheet total, owed, held, figures the warning says)
CASES = [
    ("réglée dated, sheet 300", "Réglée", D(2026, 11, 20), 300.0, None, True, ["000,00\u00a0€)", "300,00"]),
    ("payée, sheet 300", "Payée", None, 300.0, None, True, ["000,00\u00a0€)", "300,00"]),
    ("dated only, sheet 300", None, D(2026, 11, 20), 300.0, None, True, ["000,00\u00a0€)", "300,00"]),
    ("sheet 5000", None, None, 5000.0, None, True, ["5\u202f000,00", "(1\u202f000,00"]),
    ("réglée, sheet 5000", "Réglée", None, 5000.0, None, True, ["5\u202f000,00", "(1\u202f000,00"]),
    # agreeing or saying nothing: the sheet says what was received
    ("réglée, sheet 1000", "Réglée", D(2026, 11, 20), 1000.0, 0.0, False, []),
    ("nothing said, sheet 300", None, None, 300.0, 700.0, False, []),
]  # fmt: skip


def _ledger(tmp_path, status, day, total):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    ws.append(
        [
            "F1",
            "Alpha SARL",
            "1 rue Haute\n69003 Lyon",
            D(2026, 8, 1),
            D(2026, 9, 1),
            1000.0,
            status,
            day,
        ]
    )
    ws.append(
        [
            "F2",
            "Beta SARL",
            "2 rue Haute\n69003 Lyon",
            D(2026, 8, 1),
            D(2026, 9, 1),
            800.0,
            None,
            None,
        ]
    )
    sheet = wb.create_sheet("Règlements")
    sheet.append(["Date", "Facture réglée", "Montant"])
    sheet.append([D(2026, 11, 2), "F1", total])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("status", "day", "total", "owed", "held", "figures"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_a_receipts_sheet_apart_from_the_ledger_holds_the_invoice(
    tmp_path, status, day, total, owed, held, figures
):
    path = _ledger(tmp_path, status, day, total)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    invoice = next(d for d in result.invoices if d.invoice == "F1")
    assert invoice.outstanding >= 0
    assert "pénalités -" not in (invoice.reason or ""), invoice.reason
    said = [w for w in result.warnings if "F1" in w and "feuille « Règlements »" in w]
    if held:
        assert invoice.action != "letter" and invoice.letter is None, invoice.reason
        assert said and all(f in said[0] for f in figures), said
    else:
        assert invoice.outstanding == owed and not said
    rows = {r[0]: r for r in load_workbook(path)["Factures"].iter_rows(values_only=True)}
    written = " ".join(str(v) for v in rows["F1"][len(HEADERS) :] if v)
    assert ("Réglée" in written) is (owed == 0.0), written
    if held:
        assert "À corriger" in written, written
