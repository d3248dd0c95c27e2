"""« Montant ouvert », « Encours », « Impayé », « À encaisser » beside the amount, never above
it row by row, are what is left to pay (M4); Zervant's « Montant total » beside « Montant
dû » is the invoice's TTC, « Montant dû » the balance (M5) (review-pubwb6)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


def _read(tmp_path, headers, rows):
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    frame = read_ledger(path, complete_settings(), as_of=AS_OF).frame.set_index("invoice")
    return {n: (frame.loc[n, "amount"], frame.loc[n, "outstanding"]) for n in frame.index}


@pytest.mark.parametrize("header", ["Montant ouvert", "Encours", "Impayé", "À encaisser"])
def test_an_open_amount_is_the_balance(tmp_path, header):
    headers = ["N° facture", "Client", "Date", "Échéance", "Montant TTC", header, "Adresse"]
    rows = [
        ["F-100", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, ADDRESS],
        ["F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0, 550.0, ADDRESS],
        ["F-102", "Gamma EURL", D(2026, 9, 3), D(2026, 10, 3), 430.0, 430.0, ADDRESS],
    ]
    assert _read(tmp_path, headers, rows) == {
        "F-100": (1200.0, 0.0), "F-101": (850.0, 550.0), "F-102": (430.0, 430.0)
    }  # fmt: skip


def test_an_open_amount_above_the_amount_is_not_the_balance(tmp_path):
    headers = ["N° facture", "Client", "Date", "Échéance", "Montant TTC", "Encours", "Adresse"]
    rows = [
        ["F-100", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 5000.0, ADDRESS],
        ["F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0, 5000.0, ADDRESS],
    ]
    assert _read(tmp_path, headers, rows) == {"F-100": (1200.0, 1200.0), "F-101": (850.0, 850.0)}


def test_zervant_total_and_due(tmp_path):
    headers = ["Numéro de facture", "Client", "Date de facture", "Échéance", "Montant total",
               "Montant dû", "Statut", "Adresse"]  # fmt: skip
    rows = [
        ["65", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 1200.0, "En retard", ADDRESS],
        ["67", "Gamma EURL", D(2026, 9, 20), D(2026, 10, 20), 2000.0, 700.0,
         "Partiellement payée", ADDRESS],
    ]  # fmt: skip
    assert _read(tmp_path, headers, rows) == {"65": (1200.0, 1200.0), "67": (2000.0, 700.0)}
