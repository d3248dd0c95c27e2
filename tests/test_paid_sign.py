"""A negative « paid » never raises what is claimed (review-pubwb2 H5): a column of 0 and -1
is Access's yes/no (TRUE = -1), any other negative paid amount is a problem on its row, which
is held, never chased."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, complete_settings
from openpyxl import Workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]


def _book(path, paid_header, paid, amounts=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append([*HEADERS, paid_header])
    for i, cell in enumerate(paid):
        amount = 100.0 if amounts is None else amounts[i]
        ws.append([f"F{i}", f"Client {i}", D(2026, 8, 1), D(2026, 9, 1), amount, ADDRESS, cell])
    wb.save(path)
    return path


ACCESS = [
    pytest.param("Payée", id="Payée"),
    pytest.param("Montant réglé", id="Montant réglé"),
    pytest.param("Réglé", id="Réglé"),
]


FLAGS = [
    pytest.param([-1, 0, -1, 0], id="minus-1"),
    pytest.param([True, False, True, False], id="true-false"),
    pytest.param(["VRAI", "FAUX", "VRAI", "FAUX"], id="vrai-faux"),
]


@pytest.mark.parametrize("header", ACCESS)
@pytest.mark.parametrize("flags", FLAGS)
def test_a_column_of_0_and_minus_1_is_a_paid_flag(tmp_path, header, flags):
    path = _book(tmp_path / "l.xlsx", header, flags)
    frame = read_ledger(path, Settings(), as_of=AS_OF).frame.set_index("invoice")
    assert frame["is_paid"].tolist() == [True, False, True, False]
    assert frame["outstanding"].tolist() == [0.0, 100.0, 0.0, 100.0]
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    assert sorted(i.invoice for i in result.invoices if i.action == "letter") == ["F1", "F3"]


NEGATIVE = [
    pytest.param([-100, -50, 0, None], {2, 3}, id="minus 100 and minus 50"),
    pytest.param([-1, 30, 0, None], {2}, id="minus 1 among amounts"),
    pytest.param([-0.5, 0, 0, 20], {2}, id="minus 50 cents"),
]


@pytest.mark.parametrize(("paid", "held"), NEGATIVE)
def test_a_negative_paid_amount_holds_its_row(tmp_path, paid, held):
    path = _book(tmp_path / "l.xlsx", "Montant réglé", paid)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    problems = {p.row: p for p in ledger.problems if "montant réglé négatif" in p.message}
    assert set(problems) == held
    assert {p.column for p in problems.values()} == {"Montant réglé"}
    frame = ledger.frame
    assert (frame["outstanding"] <= frame["amount"]).all()
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    chased = {i.invoice for i in result.invoices if i.action == "letter"}
    assert not chased & {f"F{row - 2}" for row in held}
    assert all(i.outstanding <= 100.0 for i in result.invoices)


def test_a_credit_note_s_own_negative_payment_is_no_problem(tmp_path):
    path = _book(
        tmp_path / "l.xlsx", "Montant réglé", [-200, 0, 30], amounts=[-200.0, 100.0, 100.0]
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert [p for p in ledger.problems if "négatif" in p.message] == []
