"""Ageing buckets (Xero's « Current », « < 1 Month » … « Older »; « Non échu », « 0-30 j » …
« > 90 j ») split the balance by age (review-pubwb8 H2): never offered as the balance (an
overdue invoice is 0 under « Current » without being paid); a « Total » after them is the
balance; a bucket named as the balance beside another is refused, alone it is warned of."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 8)
XERO = ["Current", "< 1 Month", "1 Month", "2 Months", "3 Months", "Older"]
FRENCH = ["Non échu", "0-30 j", "31-60 j", "61-90 j", "> 90 j"]
# Other spellings (review-pubre H2).
ECHU = ["Non échu", "Échu depuis moins de 30 jours", "Échu de 31 à 60 jours", "Échu de 61 à 90 jours",
        "Échu depuis plus de 90 jours"]  # fmt: skip
RAW = ["Current (not due)", "0-30", "31-60", "61-90", "90+", "Over 120"]
SIGNS = ["Échues", "1-30", "Over 90", "90 j et +", "Retard > 90 j", "> 120"]
# number, amount, bucket index, what is left (the « Total »)
ROWS = [
    ("F-1", 1200.0, 2, 500.0),  # part paid, 2 months late
    ("F-2", 800.0, 1, 800.0),
    ("F-3", 960.0, 0, 960.0),  # not yet due
    ("F-4", 2400.0, 4, 2400.0),
]


def _book(path, buckets, amount_header, total=True):
    """A detailed aged balance: one row per invoice, its balance split by age."""
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "N° facture",
            "Client",
            "Date facture",
            "Échéance",
            *([amount_header] if amount_header else []),
            *buckets,
            *(["Total"] if total else []),
        ]
    )
    for number, amount, band, left in ROWS:
        split = [0.0] * len(buckets)
        split[min(band, len(buckets) - 1)] = left
        due = D(2026, 12, 20) if band == 0 else D(2026, 12, 8) - dt.timedelta(days=30 * band)
        ws.append(
            [
                number,
                "Alpha SARL",
                due - dt.timedelta(days=30),
                due,
                *([amount] if amount_header else []),
                *split,
                *([left] if total else []),
            ]
        )
    wb.save(path)
    return path


CASES = [
    # Xero: the « Total » is the only amount; the buckets are never offered as the balance
    pytest.param(XERO, None, {}, [500.0, 800.0, 960.0, 2400.0], id="xero-total-only"),
    # an amount and a « Total » after the buckets: the « Total » is what is left
    pytest.param(FRENCH, "Montant TTC", {}, [500.0, 800.0, 960.0, 2400.0], id="french-total-after-buckets"),
    pytest.param(XERO, "Invoice Total", {}, [500.0, 800.0, 960.0, 2400.0], id="xero-amount-and-total"),
    # a bucket named as the balance beside others: refused, nothing « Réglée »
    pytest.param(XERO, None, {"balance": "Current"}, "refused", id="xero-current-configured"),
    pytest.param(FRENCH, "Montant TTC", {"balance": "Non échu"}, "refused", id="non-echu-configured"),
    pytest.param(ECHU, "Montant TTC", {}, [500.0, 800.0, 960.0, 2400.0], id="echu-depuis-total-after"),
    pytest.param(RAW, "Montant TTC", {}, [500.0, 800.0, 960.0, 2400.0], id="raw-ranges-total-after"),
    pytest.param(SIGNS, "Montant TTC", {}, [500.0, 800.0, 960.0, 2400.0], id="signs-total-after"),
    pytest.param(ECHU, "Montant TTC", {"balance": "Échu depuis moins de 30 jours"}, "refused", id="echu-moins-configured"),
    pytest.param(RAW, "Montant TTC", {"balance": "Current (not due)"}, "refused", id="current-not-due-configured"),
    pytest.param(RAW, "Montant TTC", {"balance": "0-30"}, "refused", id="bare-range-configured"),
]  # fmt: skip


@pytest.mark.parametrize(("buckets", "amount", "columns", "expected"), CASES)
def test_ageing_buckets_are_never_the_balance(tmp_path, buckets, amount, columns, expected):
    path = _book(tmp_path / "l.xlsx", buckets, amount)
    if expected == "refused":
        with pytest.raises(RelanceError, match="tranche d'ancienneté"):
            read_ledger(path, Settings(columns=columns), as_of=AS_OF)
        return
    ledger = read_ledger(path, Settings(columns=columns), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert [frame.loc[n, "outstanding"] for n, *_ in ROWS] == expected
    assert not frame["is_paid"].any()
    assert not [w for w in ledger.warnings if "balance = " in w], ledger.warnings


def test_a_lone_bucket_named_as_the_balance_is_warned(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["Non échu"], "Montant TTC", total=False)
    ledger = read_ledger(path, Settings(columns={"balance": "Non échu"}), as_of=AS_OF)
    [said] = [w for w in ledger.warnings if "tranche d'ancienneté" in w]
    assert "« Non échu »" in said and "pas ce qui reste à payer" in said


@pytest.mark.parametrize(
    "buckets",
    [
        pytest.param(XERO, id="xero"),
        pytest.param(FRENCH, id="french"),
        pytest.param(ECHU, id="echu-depuis"),
        pytest.param(RAW, id="raw-ranges"),
        pytest.param(SIGNS, id="signs"),
    ],
)
def test_no_bucket_is_offered_as_the_balance(tmp_path, buckets):
    path = _book(tmp_path / "l.xlsx", buckets, "Montant TTC", total=False)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert not [w for w in ledger.warnings if "balance = " in w], ledger.warnings
    assert not ledger.frame["is_paid"].any()
