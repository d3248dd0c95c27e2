"""How long the office waits to be paid: DSO by the count-back and the simple method."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class Dso:
    """Both DSO figures on one day, with what they were computed from."""

    on: dt.date
    receivables: float  # outstanding on that day (invoices less credits, nothing held back)
    sales: float  # invoiced over the period
    period_days: int
    simple: float | None  # receivables / sales × period days
    count_back: float | None  # months of sales, most recent first, until receivables run out

    @property
    def simple_gap(self) -> str:
        """Why there is no simple DSO (« aucune facture émise sur les 90 derniers jours »)."""
        if self.simple is not None:
            return ""
        return f"aucune facture émise sur les {self.period_days} derniers jours"


def simple_dso(receivables: float, sales: float, days: int) -> float | None:
    """encours / CA de la période × jours ; None without sales."""
    return round(receivables / sales * days, 1) if sales > 0 else None


def count_back_dso(receivables: float, monthly: list[tuple[float, int]]) -> float | None:
    """Par épuisement: each month's sales (most recent first, with its days) is taken off the
    receivables; a month fully used counts all its days, the last one its share."""
    if receivables <= 0:
        return 0.0
    days = 0.0
    left = receivables
    for sales, length in monthly:
        if sales <= 0:
            days += length
            continue
        if left <= sales:
            return round(days + left / sales * length, 1)
        days += length
        left -= sales
    return None  # the history runs out before the receivables: more than it can tell


def months_back(on: dt.date, count: int) -> list[tuple[dt.date, dt.date]]:
    """The calendar months ending on `on`, most recent first: (first day, last day)."""
    out = []
    end = on
    for _ in range(count):
        start = end - relativedelta(months=1) + dt.timedelta(days=1)
        out.append((start, end))
        end = start - dt.timedelta(days=1)
    return out


class _Sales:
    """Invoiced amounts by date, summed between two days by bisection (thousands of calls)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        known = frame["invoice_date"].notna().to_numpy(dtype=bool)
        days = frame["invoice_date"].to_numpy(dtype="datetime64[D]")[known]
        order = np.argsort(days, kind="stable")
        self.days = days[order]
        amounts = frame["amount"].to_numpy(dtype=float)[known][order]
        self.cumulative = np.concatenate([[0.0], np.cumsum(amounts)])

    def between(self, start: dt.date, end: dt.date) -> float:
        lo = np.searchsorted(self.days, np.datetime64(start, "D"), side="left")
        hi = np.searchsorted(self.days, np.datetime64(end, "D"), side="right")
        return float(self.cumulative[hi] - self.cumulative[lo])


def dso_on(
    frame: pd.DataFrame, on: dt.date, receivables: float, days: int, sales_of: _Sales | None = None
) -> Dso:
    """Both figures on one day, from the invoices' dates and amounts."""
    book = sales_of or _Sales(frame)
    sales = book.between(on - dt.timedelta(days=days - 1), on)
    monthly = [(book.between(a, b), (b - a).days + 1) for a, b in months_back(on, 24)]
    return Dso(
        on,
        round(receivables, 2),
        round(sales, 2),
        days,
        simple_dso(receivables, sales, days),
        count_back_dso(receivables, monthly),
    )


def receivables_on(frame: pd.DataFrame, on: dt.date) -> float | None:
    """What was owed on a past day, from invoice and payment dates; None when unknowable
    (an invoice paid, or partly paid, without its payment's date)."""
    day = pd.Timestamp(on)
    issued = (frame["invoice_date"] <= day).to_numpy(dtype=bool)
    paid = frame["paid"].to_numpy(dtype=float)
    dated = frame["payment_date"].notna().to_numpy(dtype=bool)
    if (issued & (paid > 0) & ~dated).any():
        return None
    paid_by_then = np.where(dated & (frame["payment_date"] <= day).to_numpy(dtype=bool), paid, 0.0)
    return float(
        np.sum(np.where(issued, frame["amount"].to_numpy(dtype=float) - paid_by_then, 0.0))
    )


def monthly_dso(frame: pd.DataFrame, as_of: dt.date, days: int) -> list[Dso]:
    """The DSO at the end of each of the last 12 months, when the history allows it."""
    out = []
    book = _Sales(frame)
    for _, end in months_back(as_of, 12):
        owed = receivables_on(frame, end)
        if owed is None:
            return []
        out.append(dso_on(frame, end, owed, days, book))
    return out[::-1]


__all__ = [
    "Dso",
    "count_back_dso",
    "dso_on",
    "monthly_dso",
    "months_back",
    "receivables_on",
    "simple_dso",
]
