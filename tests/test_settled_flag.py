"""A « Soldé » column of oui/non or 1/0 says which invoices are settled: it is never the
balance owed (review-pubwb3 M7)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"

CASES = [
    # (id, header, F1's cell, F2's cell, F3's cell, what F1, F2 and F3 still owe)
    ("Soldé 1/0", "Soldé", 1, 0, None, (0.0, 100.0, 100.0)),
    ("Soldé Oui/Non", "Soldé", "Oui", "Non", None, (0.0, 100.0, 100.0)),
    ("Soldé x", "Soldé", "x", None, None, (0.0, 100.0, 100.0)),
    ("Soldé ? TRUE/FALSE", "Soldé ?", True, False, None, (0.0, 100.0, 100.0)),
    ("SOLDÉ 1/0", "SOLDÉ", 1, 0, 0, (0.0, 100.0, 100.0)),
    ("Soldée Oui/Non", "Soldée", "Oui", "Non", None, (0.0, 100.0, 100.0)),
    ("Solde oui/non", "Solde", "oui", "non", "non", (0.0, 100.0, 100.0)),
    # a balance stays a balance
    ("Solde amounts", "Solde", 0, 40, 100, (0.0, 40.0, 100.0)),
    ("Solde 1/0", "Solde", 1, 0, 0, (1.0, 0.0, 0.0)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "cells", "owed"), [pytest.param(c[1], c[2:5], c[5], id=c[0]) for c in CASES]
)
def test_a_settled_column_is_a_paid_flag(tmp_path, header, cells, owed):
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, header])
    for number, cell in zip(("F1", "F2", "F3"), cells, strict=True):
        ws.append([number, "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, cell])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert tuple(float(frame.loc[n, "outstanding"]) for n in ("F1", "F2", "F3")) == owed
    assert frame["valid"].all()
