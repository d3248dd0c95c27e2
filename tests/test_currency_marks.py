"""A currency written as a sign or a word (« $ », « R$ », « Pesos », « livres ») in a currency
column, whatever its header, is a currency like an ISO code: a non-euro invoice is never
claimed in euros (review pubwb2 H2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger

D = dt.date
HEADERS = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"]
ROWS = [
    ("F-1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0),
    ("F-2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5), 200.0),
    ("F-3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9), 300.0),
]


def _read(tmp_path, header, marks):
    wb = Workbook()
    ws = wb.active
    ws.append([*HEADERS, header])
    for row, mark in zip(ROWS, marks, strict=True):
        ws.append([*row, mark])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


FOREIGN = [
    ("Moneda", "$", "USD"),
    ("Moneda", "US$", "USD"),
    ("Moneda", "£", "GBP"),
    ("Moneda", "R$", "BRL"),
    ("Moneda", "CHF", "CHF"),
    ("Moneda", "Pesos", "pesos"),
    ("Moneda", "Pesos argentinos", "ARS"),
    ("Moneda", "Dólares", "USD"),
    ("Divisa", "dollars", "USD"),
    ("Valuta", "livres", "GBP"),
    ("Währung", "¥", "JPY"),
    # Under a header that names nothing: the content says it.
    ("Unidad", "$", "USD"),
    ("Unidad", "Dólares", "USD"),
    ("Unidad", "livres sterling", "GBP"),
    ("Unidad", "₽", "RUB"),
]


@pytest.mark.parametrize(
    ("header", "mark", "says"), [pytest.param(*c, id=f"{c[0]}-{c[1]}") for c in FOREIGN]
)
def test_a_currency_sign_or_word_is_never_read_as_euros(tmp_path, header, mark, says):
    with pytest.raises(RelanceError, match="pas en euros") as refused:
        _read(tmp_path, header, [mark] * 3)
    assert says in str(refused.value)


@pytest.mark.parametrize("mark", [pytest.param(m, id=m) for m in ("€", "EUR", "euros", "Euro")])
def test_a_euro_sign_or_word_is_euros(tmp_path, mark):
    ledger = _read(tmp_path, "Moneda", [mark] * 3)
    assert ledger.frame["amount"].tolist() == [100.0, 200.0, 300.0]
    assert not ledger.problems


def test_one_row_in_dollars_among_euros_is_a_problem_on_its_row(tmp_path):
    ledger = _read(tmp_path, "Moneda", ["€", "$", "€"])
    (problem,) = ledger.problems
    assert problem.row == 3 and "montant en USD" in problem.message


@pytest.mark.parametrize(
    ("header", "word"),
    [pytest.param("Port", "Franco", id="franco-de-port"), pytest.param("Note", "e", id="e")],
)
def test_a_column_of_other_words_is_no_currency(tmp_path, header, word):
    ledger = _read(tmp_path, header, [word] * 3)
    assert ledger.frame["amount"].tolist() == [100.0, 200.0, 300.0]
    assert not ledger.problems
