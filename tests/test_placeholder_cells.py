"""A cell that only says « nothing yet » (« — », « - », « N/A », « néant », « / », « ? », « 0 »
in a date column; « Non payée », « en attente » in a payment column) is an empty cell: no
unreadable-date error, and « Montant réglé » stays an amount column (review-pubwb6 H1)."""

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
MARKS = ["—", "–", "-", "N/A", "n/a", "néant", "/", "?"]
UNPAID = ["Non payée", "en attente"]


def _read(tmp_path, header, paid_cell, placeholder):
    """F1 paid (its cell given), F2 and F3 with the placeholder; all due 1 September 2026."""
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, header])
    ws.append(["F1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 1200.0, ADDRESS, paid_cell])
    ws.append(["F2", "Beta SAS", D(2026, 8, 2), D(2026, 9, 2), 850.0, ADDRESS, placeholder])
    ws.append(["F3", "Gamma EURL", D(2026, 8, 3), D(2026, 9, 3), 430.0, ADDRESS, placeholder])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


def _owed(ledger):
    frame = ledger.frame.set_index("invoice")
    return {
        n: (float(frame.loc[n, "outstanding"]), bool(frame.loc[n, "valid"])) for n in frame.index
    }


CASES = [
    *[("Date de paiement", D(2026, 10, 3), m, 0.0) for m in [*MARKS, "0", *UNPAID]],
    *[("Montant réglé", 1200.0, m, 0.0) for m in [*MARKS, *UNPAID]],
    *[("Montant payé", 600.0, m, 600.0) for m in ["—", "-", "N/A", "néant"]],
]


@pytest.mark.parametrize(
    ("header", "paid_cell", "placeholder", "left"),
    [pytest.param(*c, id=f"{c[0]}-{c[2]}") for c in CASES],
)
def test_a_placeholder_in_a_payment_column_is_empty(tmp_path, header, paid_cell, placeholder, left):
    ledger = _read(tmp_path, header, paid_cell, placeholder)
    assert _owed(ledger) == {"F1": (left, True), "F2": (850.0, True), "F3": (430.0, True)}
    assert not [p for p in ledger.problems if p.row in (3, 4)], ledger.problems


@pytest.mark.parametrize("placeholder", [*MARKS, "0"])
def test_a_placeholder_reminder_date_is_empty(tmp_path, placeholder):
    ledger = _read(tmp_path, "Date de relance", D(2026, 10, 15), placeholder)
    frame = ledger.frame.set_index("invoice")
    assert frame["valid"].all() and frame.loc[["F2", "F3"], "last_date"].isna().all()
    assert not [p for p in ledger.problems if p.severity == "error"]


@pytest.mark.parametrize("placeholder", [*MARKS, "0"])
def test_a_placeholder_due_date_is_no_due_date(tmp_path, placeholder):
    wb = Workbook()
    ws = wb.active
    ws.append(BASE)
    ws.append(["F1", "Alpha SARL", D(2026, 8, 1), placeholder, 100.0, ADDRESS])
    ws.append(["F2", "Beta SAS", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    row = ledger.frame.set_index("invoice").loc["F1"]
    assert row["valid"] and row["due_date"].date() == D(2026, 8, 31)  # the default 30 days


# (« Payée le » cell, what is owed, whether the row is kept) — review-nextcase2 M4: oui/non
# under a payment date is a paid flag, never an unreadable date holding the row.
SAID_PAID = [
    ("Non", 850.0), ("NON", 850.0), ("non", 850.0),
    ("Oui", 0.0), ("oui", 0.0), ("x", 0.0), (D(2026, 11, 2), 0.0), (None, 850.0),
]  # fmt: skip


@pytest.mark.parametrize(("cell", "owed"), [pytest.param(*c, id=str(c[0])) for c in SAID_PAID])
@pytest.mark.parametrize("header", ["Payée le", "Date de paiement"])
def test_oui_non_under_a_payment_date(tmp_path, header, cell, owed):
    ledger = _read(tmp_path, header, D(2026, 11, 2), cell)
    assert not [p for p in ledger.problems if p.severity == "error"], ledger.problems
    assert _owed(ledger)["F2"] == (owed, True)
    assert _owed(ledger)["F1"] == (0.0, True)
