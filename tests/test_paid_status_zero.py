"""A status « Paid » / « Payée » beside an « Amount Paid » of 0 and no payment date (review-pubwb7
L2): the invoice is settled (the safe side: no letter to a client who may have paid), with one
warning asking the office to check. Each ledger is built by code and run for real."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import write_ledger
from typer.testing import CliRunner

from relance_xlsx.cli import app

D = dt.date
HEADERS = ["Invoice #", "Bill To", "Invoice Date", "Due Date", "Total", "Amount Paid", "Status",
           "Date Paid"]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "paid", "paid_on", "warned"),
    [
        pytest.param("Paid", 0.0, None, True, id="paid-zero-undated"),
        pytest.param("Payée", 0.0, None, True, id="payee-zero-undated"),
        pytest.param("Paid", 0.0, D(2026, 11, 2), False, id="paid-zero-dated"),
        pytest.param("Paid", 650.0, None, False, id="paid-in-full"),
        pytest.param("Paid", None, None, False, id="paid-blank-cell"),
    ],
)  # fmt: skip
def test_a_paid_status_with_nothing_paid_is_settled_and_said(
    tmp_path, status, paid, paid_on, warned
):
    sent, due = D(2026, 9, 1), D(2026, 10, 1)
    rows = [["1007", "Eta SAS", sent, due, 650.0, paid, status, paid_on],
            ["1008", "Zeta SARL", sent, due, 300.0, 0.0, "Open", None]]  # fmt: skip
    ledger = write_ledger(tmp_path / "us.xlsx", rows, HEADERS)
    out = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", "07/12/2026", "--dry-run", "--json"]
    )
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    (invoice,) = [i for i in result["invoices"] if i["invoice"] == "1007"]
    assert invoice["paid"] is True and invoice["outstanding"] == 0.0
    said = [p["message"] for p in result["problems"] if "montant réglé 0" in p["message"]]
    expected = f"statut « {status} » mais montant réglé 0 et pas de date de règlement : vérifiez"
    assert said == ([expected] if warned else [])
