"""A dispute over part of an invoice (« contesté 200 € » on 1 200 €) keeps the invoice held,
but its status says the undisputed part stays due (review-lawhand, finding 5)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Adresse", "Niveau de relance", "Date de relance", "Remarque"]  # fmt: skip


@pytest.mark.parametrize(
    ("amount", "paid", "remark", "status"),
    [
        pytest.param(1200.0, None, "contesté 200 €", "En litige sur 200,00 € : 1 000,00 € non contestés restent exigibles (à réclamer si vous le décidez) ; « contesté 200 € »", id="part-disputed"),
        pytest.param(2500.0, 500.0, "litige sur 1 200,50 euros", "En litige sur 1 200,50 € : 799,50 € non contestés restent exigibles", id="part-paid-then-disputed"),
        pytest.param(1200.0, None, "contesté 1 200 €", "En litige « contesté 1 200 € »", id="whole-disputed"),
        pytest.param(1200.0, None, "facture contestée", "En litige « facture contestée »", id="no-amount"),
    ],
)  # fmt: skip
def test_a_part_disputed_invoice_says_what_stays_due(tmp_path, amount, paid, remark, status):
    rows = [["D1", "Delta SARL", "professionnel", D(2026, 8, 1), D(2026, 8, 31), amount, paid, ADDRESS, 2, D(2026, 11, 20), remark]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False
    )
    [invoice] = result.invoices
    assert invoice.action == "hold" and not result.letters  # still held: prudent
    assert plain(invoice.reason).startswith(status), invoice.reason
