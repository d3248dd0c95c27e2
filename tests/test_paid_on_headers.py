"""« Payée le », « Réglé le », « Paiement reçu le », « Date virement »… name the payment date,
and a « Payée » / « Réglée » / « Encaissée » column holding dates is one too: the invoices
paid on those days are never chased, nor held as « une date à la place d'un montant »
(review-pubwb6 H2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.datetime
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = [
    "Payée le", "Payé le", "Réglée le", "Réglé le", "Soldée le", "Encaissée le", "Encaissé le",
    "Paiement reçu le", "Date de réception du paiement", "Date virement", "Date du virement",
    # The bare participle, dates typed under it.
    "Payée", "Réglée", "Encaissée", "Payé", "Réglé",
]  # fmt: skip


@pytest.mark.parametrize("blank", [pytest.param(None, id="empty"), pytest.param("—", id="dash")])
@pytest.mark.parametrize("header", HEADERS)
def test_a_paid_on_column_is_the_payment_date(tmp_path, header, blank):
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, header])
    ws.append(["F1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 1200.0, ADDRESS, D(2026, 10, 3)])
    ws.append(["F2", "Beta SAS", D(2026, 8, 2), D(2026, 9, 2), 850.0, ADDRESS, blank])
    ws.append(["F3", "Gamma EURL", D(2026, 8, 3), D(2026, 9, 3), 430.0, ADDRESS, D(2026, 11, 5)])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert frame["outstanding"].to_dict() == {"F1": 0.0, "F2": 850.0, "F3": 0.0}
    assert frame["valid"].all() and frame.loc["F3", "payment_date"].date() == dt.date(2026, 11, 5)
    assert not ledger.problems
