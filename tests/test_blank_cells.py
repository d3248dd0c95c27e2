"""Cells holding only whitespace are empty (review-pubwb2 L12): template rows whose invoice
number is a space repeat no invoice number, and do not set the real table aside."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]


def _book(path, blank):
    wb = Workbook()
    ws = wb.active
    ws.title = "Créances"
    ws.append(HEADERS)
    for i in range(3):
        ws.append([f"F{i}", f"Client {i}", D(2026, 8, 1), D(2026, 9, 1), 100.0])
    for _ in range(6):
        ws.append([blank])
    other = wb.create_sheet("Autre")
    other.append(HEADERS)
    for i in range(2):
        other.append([f"A{i}", f"Client {i}", D(2026, 8, 1), D(2026, 9, 1), 50.0])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "blank",
    [
        pytest.param(" ", id="space"),
        pytest.param("   ", id="spaces"),
        pytest.param("\t", id="tab"),
        pytest.param("\u00a0", id="no-break space"),
    ],
)
def test_whitespace_invoice_numbers_do_not_set_the_table_aside(tmp_path, blank):
    ledger = read_ledger(_book(tmp_path / "l.xlsx", blank), Settings(), as_of=AS_OF)
    assert ledger.sheet == "Créances"
    assert ledger.frame["invoice"].tolist() == ["F0", "F1", "F2"]
