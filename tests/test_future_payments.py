"""A payment dated after the run is not a payment yet: in the invoice sheet's own columns (a
paid amount, a paid flag, a date alone) or in a « Règlements » sheet, the invoice is held with
the problem that says so, and its reason is never « Réglée » (review-pubwb5 M9: the warning
said « n'est pas tenue pour réglée » while the run said « Réglée »). A date alone, with no
amount nor flag, says nothing is paid yet: the invoice is due, with a warning
(test_payment_dates)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.policy import decide, load_rate_tables

D = dt.date
LATER, BEFORE = AS_OF + dt.timedelta(days=13), AS_OF - dt.timedelta(days=5)
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
CASES = [
    # (extra headers, F1's extra cells, in a « Règlements » sheet instead)
    pytest.param(["Montant réglé", "Date de règlement"], [1200.0, LATER], False, id="paid-date"),
    pytest.param(["Réglée", "Date de règlement"], ["Oui", LATER], False, id="flag-and-date"),
    pytest.param([], [], True, id="payments-sheet"),
]


def _read(tmp_path, extra, cells, sheet, when):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(BASE + extra)
    ws.append(["F1", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), 1200.0, *cells])
    ws.append(["F2", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 850.0] + [None] * len(extra))
    if sheet:
        pay = wb.create_sheet("Règlements")
        pay.append(["N° facture", "Date de règlement", "Montant réglé"])
        pay.append(["F1", when, 1200.0])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


@pytest.mark.parametrize(("extra", "cells", "sheet"), CASES)
def test_a_payment_after_the_run_holds_the_invoice(tmp_path, extra, cells, sheet):
    later = [LATER if c is LATER else c for c in cells]
    ledger = _read(tmp_path, extra, later, sheet, LATER)
    frame = ledger.frame.set_index("invoice")
    assert not frame.loc["F1", "valid"] and not frame.loc["F1", "is_paid"]
    assert "postérieure à la date du jour" in frame.loc["F1", "problem"]
    decided = decide(ledger.frame, AS_OF, Settings().policy, load_rate_tables()).frame
    reason = decided.set_index(ledger.frame["invoice"]).loc["F1", "reason"]
    assert "Réglée" not in reason and "postérieure à la date du jour" in reason
    assert decided.set_index(ledger.frame["invoice"]).loc["F1", "action"] == "none"


@pytest.mark.parametrize(("extra", "cells", "sheet"), CASES)
def test_a_payment_before_the_run_settles_the_invoice(tmp_path, extra, cells, sheet):
    before = [BEFORE if c is LATER else c for c in cells]
    ledger = _read(tmp_path, extra, before, sheet, BEFORE)
    frame = ledger.frame.set_index("invoice")
    assert frame.loc["F1", "is_paid"] and frame.loc["F1", "valid"]
