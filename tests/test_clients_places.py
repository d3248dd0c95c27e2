"""Rows of one client name with different addresses or e-mails (review-attack-6 §6): never
merged into one letter to the first address; each invoice held, its reason naming both."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
TOULOUSE = ("9 rue G", "31000", "Toulouse", "i@gb1.fr")
NICE = ("10 rue H", "06000", "Nice", "j@gb2.fr")


def _read(tmp_path, first, second):
    """Two invoices of (name, street, postcode, city, e-mail) and one of Roux elsewhere."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["N° facture", "Client", "Adresse", "Code postal", "Ville", "Date facture",
               "Échéance", "Montant TTC", "E-mail"])  # fmt: skip
    for i, (name, street, postcode, city, email) in enumerate([first, second]):
        ws.append([f"F-150{i}", name, street, postcode, city, D(2026, 8, 1), D(2026, 9, 1),
                   1000.0 * (i + 1), email])  # fmt: skip
    ws.append(["F-1502", "Roux", "1 rue", "69001", "Lyon", D(2026, 8, 1), D(2026, 9, 1), 500.0,
               "r@r.fr"])  # fmt: skip
    path = tmp_path / "same.xlsx"
    wb.save(path)
    return read_ledger(path, Settings(), as_of=D(2026, 12, 1)).frame.set_index("invoice")


CASES = [
    # (first row, second row, held)
    ("two-addresses", ("Garage Bernard", *TOULOUSE), ("Garage Bernard", *NICE), True),
    (
        "trailing-and-double-space",
        ("Garage Bernard ", *TOULOUSE),
        ("Garage  Bernard", *NICE),
        True,
    ),
    ("no-break-space", ("Dupont SARL", *TOULOUSE), ("Dupont\u00a0SARL", *NICE), True),
    (
        "same-address-two-emails",
        ("Garage Bernard", *TOULOUSE),
        ("Garage Bernard", *TOULOUSE[:3], "autre@gb.fr"),
        True,
    ),
    # the same place written otherwise: one client, one letter
    (
        "same-address-written-otherwise",
        ("Garage Bernard", *TOULOUSE),
        ("Garage Bernard", "9, rue G", "31000", "TOULOUSE", "I@GB1.FR"),
        False,
    ),
    (
        "same-address-blank-email",
        ("Garage Bernard", *TOULOUSE),
        ("Garage Bernard", *TOULOUSE[:3], None),
        False,
    ),
    # two names, two letters, each to its own address
    ("two-names", ("Martin & Fils", *TOULOUSE), ("Martin Fils", *NICE), False),
]


@pytest.mark.parametrize(("first", "second", "held"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_one_name_two_addresses_is_held_with_both_said(tmp_path, first, second, held):
    frame = _read(tmp_path, first, second)
    for invoice in ("F-1500", "F-1501"):
        assert bool(frame.loc[invoice, "hold"]) is held
        if held:
            reason = frame.loc[invoice, "hold_reason"]
            assert "Même nom, deux adresses" in reason
            assert all(part in reason for part in (first[2], second[2]) if first[2] != second[2])
    assert not frame.loc["F-1502", "hold"]
