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
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    said = read_ledger(path, complete_settings(), as_of=AS_OF).choice
    assert "« Encours » dépasse le montant de la facture sur 2 ligne(s)" in said  # nextcase2 M


def test_zervant_total_and_due(tmp_path):
    headers = ["Numéro de facture", "Client", "Date de facture", "Échéance", "Montant total",
               "Montant dû", "Statut", "Adresse"]  # fmt: skip
    rows = [
        ["65", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 1200.0, "En retard", ADDRESS],
        ["67", "Gamma EURL", D(2026, 9, 20), D(2026, 10, 20), 2000.0, 700.0,
         "Partiellement payée", ADDRESS],
    ]  # fmt: skip
    assert _read(tmp_path, headers, rows) == {"65": (1200.0, 1200.0), "67": (2000.0, 700.0)}


@pytest.mark.parametrize(
    ("header", "flags"),
    [pytest.param("Impayé", [1, 1, 0, 1], id="impayé"), pytest.param("Dû", [1, 0, 1, 1], id="dû"),
     pytest.param("Encours", [0, 1, 0, 1], id="encours"),
     pytest.param("Montant ouvert", [-1, 0, -1, 0], id="access")],
)  # fmt: skip
def test_a_yes_no_open_column_is_never_a_balance_of_one_euro(tmp_path, header, flags):
    # review-nextcase2 H3: 1 is « yes », never 1,00 € left to pay.
    headers = ["N° facture", "Client", "Date", "Échéance", "Montant TTC", header, "Adresse"]
    amounts = [1200.0, 600.0, 600.0, 900.0]
    rows = [
        [f"F-{i}", f"Client {i}", D(2026, 9, 1), D(2026, 10, 1), a, f, ADDRESS]
        for i, (a, f) in enumerate(zip(amounts, flags, strict=True))
    ]
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    ledger = read_ledger(path, complete_settings(), as_of=AS_OF)
    owed = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert all(owed[f"F-{i}"] != 1.0 for i in range(4)), owed
    assert all(owed[f"F-{i}"] == amounts[i] for i in range(4) if flags[i] == 1), owed
    assert "0 et des 1" in ledger.choice, ledger.choice
