"""A planned, expected or limit payment date is no payment, nor is one after the run's date,
nor one beside « Payé » = non (review-pubwb3 H3)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
BASE = ["N° facture", "Client", "Date facture", "Montant TTC", "Adresse"]
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
PAST, FUTURE = D(2026, 10, 20), D(2027, 1, 15)


def _read(tmp_path, headers, cells):
    """F1 with the extra cells, F2 with none; both billed 1 August 2026, due 1 September."""
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, "Échéance", *headers])
    ws.append(["F1", "Alpha SARL", D(2026, 8, 1), 100.0, ADDRESS, D(2026, 9, 1), *cells])
    ws.append(["F2", "Beta SAS", D(2026, 8, 1), 100.0, ADDRESS, D(2026, 9, 1)])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


def _f1(ledger):
    return ledger.frame.set_index("invoice").loc["F1"]


PLANNED = [
    "Date paiement prévu", "Date paiement prévu De", "Date de paiement prévue",
    "Date prévue de paiement", "Date d'encaissement prévue", "Date règlement prévue",
    "Date de paiement souhaitée", "Date limite de paiement", "Date paiement attendue",
    "Échéance de paiement", "Expected payment date",
]  # fmt: skip


@pytest.mark.parametrize("header", PLANNED)
@pytest.mark.parametrize("flag", [pytest.param((), id="alone"), pytest.param(("Non",), id="non")])
def test_a_planned_payment_date_is_no_payment(tmp_path, header, flag):
    headers = ["Payé", header] if flag else [header]
    row = _f1(_read(tmp_path, headers, [*flag, PAST]))
    assert not row["is_paid"] and row["outstanding"] == 100.0 and row["valid"]
    assert pd.isna(row["payment_date"])


CASES = [
    # (id, headers, F1's cells, paid, valid, a warning on F1)
    ("past settlement date", ["Date règlement"], [PAST], True, True, False),
    ("future settlement date", ["Date règlement"], [FUTURE], False, True, True),
    ("future payment date", ["Date de paiement"], [FUTURE], False, True, True),
    ("Payé non beside a settlement date", ["Payé", "Date règlement"], ["Non", PAST], False,
     False, False),
    ("Payé non beside a date read by its words", ["Payé", "Date paiement client"], ["Non", PAST],
     False, True, False),
    ("Payé oui beside a settlement date", ["Payé", "Date règlement"], ["Oui", PAST], True, True,
     False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "cells", "paid", "valid", "warned"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_a_settlement_date_is_a_payment_only_when_past_and_not_denied(
    tmp_path, headers, cells, paid, valid, warned
):
    ledger = _read(tmp_path, headers, cells)
    row = _f1(ledger)
    assert (bool(row["is_paid"]), bool(row["valid"])) == (paid, valid)
    future = [p for p in ledger.problems if p.row == 2 and "postérieure" in p.message]
    assert bool(future) == warned
    assert all(p.severity == "warning" for p in future)
    if not valid:
        assert "« Payé » dit non" in row["problem"]


def test_a_limit_date_alone_is_the_due_date(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, "Date limite de paiement"])
    ws.append(["F1", "Alpha SARL", D(2026, 8, 1), 100.0, ADDRESS, D(2026, 10, 20)])
    wb.save(tmp_path / "l.xlsx")
    row = _f1(read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF))
    assert row["due_date"] == pd.Timestamp(2026, 10, 20) and not row["is_paid"]
