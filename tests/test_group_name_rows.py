"""Xero's « Aged Receivables Detail »: the contact's name alone on its own row above its
invoices, no client column. The run stops for want of a client, and says which rows hold a
name alone, asking whether the client heads each group (review-pubwb8 M4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 8)
HEADER = ["Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Current", "< 1 Month", "1 Month", "2 Months", "3 Months", "Older", "Total"]  # fmt: skip
GROUPS = {
    "Boulangerie Martin": [(D(2026, 9, 1), "INV-0101", D(2026, 10, 1), 2, 500.0), (D(2026, 10, 20), "INV-0102", D(2026, 11, 19), 1, 800.0)],
    "Garage Leroy SARL": [(D(2026, 11, 25), "INV-0110", D(2026, 12, 25), 0, 960.0), (D(2026, 6, 1), "INV-0090", D(2026, 7, 1), 4, 2400.0)],
    "Cabinet Aubert": [(D(2026, 10, 1), "INV-0095", D(2026, 10, 31), 2, 300.0)],
}  # fmt: skip


def _book(path, groups):
    wb = Workbook()
    ws = wb.active
    ws.title = "Aged Receivables Detail"
    for title in (
        "Aged Receivables Detail",
        "Atelier Dupont SARL",
        "As at 8 December 2026",
        "Ageing by due date",
    ):
        ws.append([title])
    ws.append([])
    ws.append(HEADER)
    ws.append([])
    for contact, rows in groups.items():
        ws.append([contact])
        for day, number, due, band, amount in rows:
            split = [0.0] * 6
            split[band] = amount
            ws.append([day, number, "", due, *split, amount])
        ws.append([f"Total {contact}", None, None, None, *[None] * 6, sum(r[4] for r in rows)])
        ws.append([])
    wb.save(path)
    return path


CASES = [
    pytest.param(GROUPS, "les lignes 8, 13, 18 portent un nom seul (« Boulangerie Martin », « Garage Leroy SARL »…) : le client est-il en tête de groupe ?", id="xero-aged-receivables-detail"),
    pytest.param({"Boulangerie Martin": GROUPS["Boulangerie Martin"]}, None, id="one-name-row-no-question"),
]  # fmt: skip


@pytest.mark.parametrize(("groups", "said"), CASES)
def test_name_rows_above_invoices_are_asked_about(tmp_path, groups, said):
    ledger = read_ledger(_book(tmp_path / "ard.xlsx", groups), Settings(), as_of=AS_OF)
    [missing] = [
        p.message for p in ledger.problems if p.message.startswith("aucune colonne Client")
    ]
    if said is None:
        assert "nom seul" not in missing
    else:
        assert said in missing, missing
    assert not ledger.frame["valid"].any()  # nothing is chased without a client
