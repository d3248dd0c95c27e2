"""What a payments sheet's odd rows are said to do (review-attack-6 §16): an undated receipt
is said deducted when it is, a receipt naming several invoices is never also « not in the
workbook », and a negative amount is never dropped without a word."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
HEADERS = ["N° facture", "Client", "Adresse", "Code postal", "Ville", "Date facture", "Échéance", "Montant TTC"]  # fmt: skip


def _book(path, receipts, paid=None):
    """Three 1 000 € invoices F-1…F-3 (with a « Montant réglé » column when paid is given,
    its cells as given) and a « Règlements » sheet of these rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS + (["Montant réglé"] if paid is not None else []))
    for i in range(3):
        row = [f"F-{i + 1}", f"Client {'ABC'[i] * 3} SARL", f"{i + 1} rue Haute", "69003", "Lyon",
               D(2026, 8, 1), D(2026, 9, 1), 1000.0]  # fmt: skip
        ws.append(row + ([paid[i]] if paid is not None else []))
    sheet = wb.create_sheet("Règlements")
    sheet.append(["Date", "Facture réglée", "Montant"])
    for receipt in receipts:
        sheet.append(list(receipt))
    wb.save(path)
    return path


def _said(ledger, words):
    return [w.replace("\xa0", " ").replace("\u202f", " ") for w in ledger.warnings if words in w]


@pytest.mark.parametrize(
    ("paid", "deducted"),
    [
        pytest.param(None, True, id="no-paid-column"),
        pytest.param([None, None, None], True, id="paid-cell-blank"),
        pytest.param([None, 1000.0, None], False, id="paid-cell-typed"),
    ],
)
def test_an_undated_receipt_is_said_deducted_when_it_is(tmp_path, paid, deducted):
    path = _book(tmp_path / "l.xlsx", [(None, "F-2", 1000.0)], paid)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    left = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert left["F-2"] == 0.0
    [warning] = _said(ledger, "sans date de règlement")
    assert ("il est déduit de ce qui reste dû" in warning) == deducted, warning
    assert ("sinon il n'est pas déduit" in warning) == (not deducted), warning


@pytest.mark.parametrize(
    ("paid", "settled"),
    [
        pytest.param(1.0, False, id="held-wrong-total"),
        pytest.param(2000.0, True, id="split-right-total"),
    ],
)
def test_a_receipt_naming_several_invoices_is_never_also_unknown(tmp_path, paid, settled):
    path = _book(tmp_path / "l.xlsx", [(D(2026, 11, 2), "F-1, F-2", paid)])
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert _said(ledger, "n'est pas dans le classeur") == []
    left = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert (left["F-1"] == 0.0) == settled
    assert bool(_said(ledger, "nomme les factures")) == (not settled)


def test_a_negative_receipt_is_said_with_its_row_column_and_value(tmp_path):
    receipts = [
        (D(2026, 11, 2), "F-1", 1000.0),
        (D(2026, 11, 3), "F-1", -1000.0),
        (D(2026, 11, 2), "F-3", -250.5),
    ]
    ledger = read_ledger(_book(tmp_path / "l.xlsx", receipts), Settings(), as_of=AS_OF)
    left = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert left == {"F-1": 0.0, "F-2": 1000.0, "F-3": 1000.0}
    # F-1 paid then reversed: what is left is not sure, held, never « Réglée » (review-pubre M2).
    held = ledger.frame.set_index("invoice")
    assert (
        not held.at["F-1", "valid"] and "porte pour elle un règlement" in held.at["F-1", "problem"]
    )
    assert held.at["F-3", "valid"]  # a negative alone cancels nothing it could
    assert _said(ledger, "n'est pas un règlement") == [
        "Feuille « Règlements », ligne 3, colonne « Montant » : −1 000,00 € pour la facture n° F-1 : un montant négatif n'est pas un règlement (remboursement, chèque rejeté ?), la ligne n'est pas prise en compte ; s'il annule un règlement, supprimez ou corrigez celui-ci dans la feuille.",
        "Feuille « Règlements », ligne 4, colonne « Montant » : −250,50 € pour la facture n° F-3 : un montant négatif n'est pas un règlement (remboursement, chèque rejeté ?), la ligne n'est pas prise en compte ; s'il annule un règlement, supprimez ou corrigez celui-ci dans la feuille.",
    ]
