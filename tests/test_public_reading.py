"""Public workbooks the tool had never seen: headers and values that must not be misread."""


from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger

D = dt.date
BASE = ["Invoice No", "Customer", "Invoice Date", "Due Date"]
ROWS = [
    ("F-1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1)),
    ("F-2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5)),
    ("F-3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9)),
]


def _book(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoices"
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _read(tmp_path, headers, rows, settings=None):
    path = _book(tmp_path / "l.xlsx", headers, rows)
    return read_ledger(path, settings or Settings(), as_of=AS_OF)


def _with(extra_headers, extra_values, base=BASE, rows=ROWS):
    """The base table with more columns, each row given its values."""
    return [*base, *extra_headers], [(*r, *v) for r, v in zip(rows, extra_values, strict=True)]


# H1 — a header in another currency or in thousands is never read as euros.
@pytest.mark.parametrize(
    ("header", "says"),
    [
        pytest.param("InvoiceAmount (in thousands USD)", "USD", id="in-thousands-usd"),
        pytest.param("Amount (in thousands GBP)", "GBP", id="in-thousands-gbp"),
        pytest.param("InvoiceAmount (in thousands EUR)", "milliers", id="in-thousands-eur"),
        pytest.param("Amount in k€", "milliers", id="k-euro"),
        pytest.param("Montant (en milliers d'euros)", "milliers", id="en-milliers-d-euros"),
        pytest.param("Montant (000 EUR)", "milliers", id="000-eur"),
    ],
)
def test_a_header_in_thousands_or_foreign_is_refused(tmp_path, header, says):
    headers, rows = _with([header], [(55.94,), (12.5,), (8.0,)])
    with pytest.raises(RelanceError) as refused:
        _read(tmp_path, headers, rows)
    assert says in str(refused.value) and header in str(refused.value)
    assert str(refused.value).count(".") <= 2  # one sentence


@pytest.mark.parametrize(
    "header", [pytest.param("Montant (EUR)", id="eur"), pytest.param("Montant TTC", id="plain")]
)
def test_a_header_in_euros_is_read(tmp_path, header):
    headers, rows = _with([header], [(55.94,), (12.5,), (8.0,)])
    assert _read(tmp_path, headers, rows).frame["amount"].tolist() == [55.94, 12.5, 8.0]
