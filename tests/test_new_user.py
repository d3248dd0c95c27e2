"""What a new user's public workbooks showed after issue 30 (the review of its merge).

Each workbook is built here in the shape of one she tried, and shows what is tricky about it.
"""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.datetime


def _book(path, *sheets, title_rows=0):
    """A workbook of (title, rows) sheets, each row a list of cells, below blank title rows."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(title_rows + i + 1, j + 1, value)
    wb.save(path)
    return path


def _read(path, **settings):
    return read_ledger(path, Settings(**settings), as_of=AS_OF)


# -- D2: an ERP aging export: what remains is what is owed -----------------------------------

# An ERP's AR aging: five blank rows above the header, codes before the money, the original
# amount = goods + VAT to the cent (decimals, credits, advances), and the outstanding value
# beside it, lower than the original where part was paid.
AGING_HEADERS = [
    "Entity", "GL_Account", "Customer_Class", "Payment_Terms", "Customer_Name", "Customer_Number",
    "Document_Ref", "Document_Date", "pduedate", "Original_Amount", "Goods_Amount", "VAT_Amount",
    "Outstanding value", "PA & Doc Ref No.", "Overdue days", "Type",
]
AGING = [
    ["E8226", "1511000000", "01", "D(30)", "AASHRITA SANDERS", 60604097, "IN ES328218", D(2026, 1, 17), D(2026, 2, 16), 536696.63, 454827.65, 81868.98, 536696.63, "K411377IN ES328218", 9, "AR"],
    ["E8226", "1511000000", "01", "D(0)", "ABUNDANCE ASSOCIATES", 60604355, "UC 20221797", D(2025, 9, 9), D(2025, 9, 9), -1547000, -1547000, 0, -27000, "UC 20221797", 169, "Advance"],
    ["E8226", "1511000000", "01", "D(360)", "ADANI ENTERPRISES", 60604323, "IN ES329132", D(2026, 1, 9), D(2026, 3, 10), 1180000, 1000000, 180000, 3400, "E511300IN ES329132", 50, "AR"],
    ["E8226", "1511000000", "01", "D(360)", "ADANI ENTERPRISES", 60604323, "IN ES329176", D(2026, 1, 9), D(2026, 3, 10), 28320000, 24000000, 4320000, 23520000, "E511300IN ES329176", 40, "AR"],
    ["E8226", "1511000000", "01", "D(60)", "BHARAT FORGE", 60604400, "IN ES329200", D(2026, 2, 1), D(2026, 4, 2), 11800.5, 10000.42, 1800.08, 11800.5, "E511300IN ES329200", 30, "AR"],
]  # fmt: skip
AGING_OWED = [536696.63, -27000.0, 3400.0, 23520000.0, 11800.5]


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param({}, id="no-config"),
        pytest.param({"balance": "Outstanding value"}, id="balance-named-in-config"),
        pytest.param(
            {"balance": "Outstanding value", "invoice": "Document_Ref", "due_date": "pduedate"},
            id="three-named-in-config",
        ),
    ],
)
def test_an_aging_export_chases_the_outstanding_value(tmp_path, columns):
    path = _book(tmp_path / "aging.xlsx", ("AR_SRP_ALL", [AGING_HEADERS, *AGING]), title_rows=5)
    ledger = _read(path, columns=columns)
    named = {f: ledger.headers[j] for f, j in ledger.positions.items()}
    # The balance stays the balance, never moved nor overridden, and the original amount is
    # the invoice's amount: what is owed is what remains.
    assert named["balance"] == "Outstanding value"
    assert named["amount"] == "Original_Amount"
    assert ledger.frame["outstanding"].tolist() == AGING_OWED
    assert named["invoice"] == "Document_Ref" and named["due_date"] == "pduedate"
    assert [d.date() for d in ledger.frame["due_date"]] == [r[8].date() for r in AGING]
    assert "Outstanding value » (hors taxes)" not in ledger.choice


def test_a_named_amount_column_is_never_overridden_by_the_total(tmp_path):
    rows = [[r[6], r[4], r[7], r[10], r[11], r[9]] for r in AGING if r[9] > 0]
    headers = ["Document_Ref", "Customer_Name", "Document_Date", "Net", "VAT", "Gross"]
    path = _book(tmp_path / "l.xlsx", ("Sheet", [headers, *rows]))
    ledger = _read(path, columns={"amount": "Net"})
    assert ledger.headers[ledger.positions["amount"]] == "Net"
    assert ledger.frame["amount"].tolist() == [r[3] for r in rows]
