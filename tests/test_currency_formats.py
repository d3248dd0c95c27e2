"""An amount whose Excel number format shows another currency (« $100.00 », « £100.00 »,
« 100.00 CHF ») is in that currency, never claimed in euros (review pubwb2 H3)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.formatted import format_currency

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
ROWS = [
    ("F-1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0),
    ("F-2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5), 200.0),
    ("F-3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9), 300.0),
]
FORMATS = [
    ("[$$-409]#,##0.00", "USD"),
    ("[$$-2C0A]#,##0.00", "ARS"),
    ("[$£-809]#,##0.00", "GBP"),
    ('"$"#,##0.00', "USD"),
    ("#,##0.00 [$CHF]", "CHF"),
    ('_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', "USD"),
    ('"£"#,##0;[Red]\\-"£"#,##0', "GBP"),
    ("[$USD] #,##0.00", "USD"),
    ("#,##0.00 [$€-40C]", "EUR"),
    ('#,##0.00\\ "€"', "EUR"),
    ('#,##0.00 "EUR"', "EUR"),
    ("#,##0.00", None),
    ("[$-409]#,##0.00", None),
    ('0 "pcs"', None),
]


@pytest.mark.parametrize(("code", "currency"), [pytest.param(*f, id=f[0]) for f in FORMATS])
def test_the_currency_a_number_format_shows(code, currency):
    assert format_currency(code) == currency


def _read(tmp_path, formats):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row, number_format in zip(ROWS, formats, strict=True):
        ws.append(list(row))
        for cell in ws[ws.max_row][2:4]:
            cell.number_format = "dd/mm/yyyy"
        ws.cell(ws.max_row, 5).number_format = number_format
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


@pytest.mark.parametrize(
    ("code", "currency"), [pytest.param(*f, id=f[0]) for f in FORMATS if f[1] not in (None, "EUR")]
)
def test_amounts_formatted_in_another_currency_are_not_claimed_in_euros(tmp_path, code, currency):
    with pytest.raises(RelanceError, match=f"sont en {currency} .*, pas en euros"):
        _read(tmp_path, [code] * 3)


@pytest.mark.parametrize(
    "code", [pytest.param(f[0], id=f[0]) for f in FORMATS if f[1] in (None, "EUR")]
)
def test_amounts_formatted_in_euros_or_plainly_are_euros(tmp_path, code):
    ledger = _read(tmp_path, [code] * 3)
    assert ledger.frame["amount"].tolist() == [100.0, 200.0, 300.0]
    assert not ledger.problems


def test_one_amount_formatted_in_dollars_is_a_problem_on_its_row(tmp_path):
    ledger = _read(tmp_path, ["#,##0.00 €", "[$$-409]#,##0.00", "#,##0.00"])
    (problem,) = ledger.problems
    assert problem.row == 3 and "montant en USD (dollar des États-Unis)" in problem.message
