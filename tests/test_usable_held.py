"""The « Lecture douteuse » guard counts only rows misread: a row set aside for a reason the
reader states on purpose (an amount in another currency) is read (review-pubwb7 HIGH-4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "3 rue Oberkampf\n75011 Paris"
HEADERS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant",
    "Devise",
    "Montant réglé",
    "Adresse",
]


def _row(
    n: int, currency: str, paid: float, amount: object = 500.0, due: object = D(2026, 9, 1)
) -> list:
    return [f"INV-{n}", f"Client {n}", D(2026, 8, 1), due, amount, currency, paid, ADDRESS]


@pytest.mark.parametrize(
    ("rows", "stops"),
    [
        # The only invoice still owed is in GBP, said so: the read is right, nothing stops.
        pytest.param([_row(1, "EUR", 500.0), _row(2, "EUR", 500.0), _row(3, "GBP", 0)], False, id="only-owed-in-gbp"),
        pytest.param([_row(1, "EUR", 0), _row(2, "USD", 0), _row(3, "GBP", 0)], False, id="two-foreign-one-euro"),
        # Truly misread: the due dates illegible on every row still owed.
        pytest.param([*(_row(n, "EUR", 500.0) for n in (1, 2, 3, 4)), *(_row(n, "EUR", 0, 500.0, "bientôt") for n in (5, 6, 7))], True, id="misread-still-stops"),
        # review-attack-6 §9: a foreign currency never covers a row misread besides.
        pytest.param([_row(1, "EUR", 0), _row(2, "EUR", 0, 500.0, "bientôt"), *(_row(n, "USD", 0, 500.0, "à voir") for n in (3, 4, 5, 6))], True, id="foreign-and-misread-stops"),
    ],
)  # fmt: skip
def test_a_row_set_aside_on_purpose_is_not_a_doubtful_read(tmp_path, rows, stops):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    assert ("Lecture douteuse" in (checked.would_stop or "")) == stops
    if not stops:
        assert any("pas en euros" in p.message for p in checked.problems)


@pytest.mark.parametrize(
    "sheet", [pytest.param(True, id="held-by-a-receipt"), pytest.param(False, id="no-receipts")]
)
def test_a_hold_never_covers_rows_misread(tmp_path, sheet):
    """review-attack-6 §9: one receipt naming 8 misread invoices for a wrong total held them,
    and held rows counted as read: the misread table was written back."""
    from openpyxl import load_workbook

    rows = [_row(n, "EUR", 0, 100.0 * n, "à voir" if n < 8 else D(2026, 9, 1)) for n in range(10)]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    if sheet:
        book = load_workbook(ledger)
        receipts = book.create_sheet("Règlements")
        receipts.append(["Date", "Facture réglée", "Montant"])
        receipts.append([D(2026, 11, 2), ", ".join(f"INV-{n}" for n in range(8)), 1.0])
        book.save(ledger)
    checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    assert "Lecture douteuse" in (checked.would_stop or "")
