"""Dates as the litigation files and declarations write them: JJ/MM/AAAA, each day once;
the day(s) their interest was computed to.

A big run's litigation files write 400,000 dates (invoices, interest periods, timeline) of a
few thousand distinct days: strftime for each was a fifth of their time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..wording import date_short, day_long


@lru_cache(maxsize=8192, typed=True)  # typed: a datetime is never taken for its date
def short_day(day: dt.date) -> str:
    """date_short(day), remembered."""
    return date_short(day)


@lru_cache(maxsize=8192, typed=True)
def day_or_dash(value: object) -> str:
    """A date as JJ/MM/AAAA, « – » for anything that is not a date (none known)."""
    return short_day(value) if isinstance(value, dt.date) else "–"


def interest_stop(invoices: Sequence[Any], default: dt.date) -> str:
    """« au 7 décembre 2026 »: the last day of interest of these invoices, as their periods
    were computed (default when none has any); when they differ (an invoice paid, its interest
    stopped at the payment), each day with its invoices: « au 2 décembre 2026 pour la facture
    n° M1 et au 7 décembre 2026 pour la facture n° M2 »."""
    ends: dict[dt.date, list[str]] = {}
    for inv in invoices:
        if inv.periods:
            ends.setdefault(max(p[1] for p in inv.periods), []).append(inv.number)
    if len(ends) < 2:
        return f"au {day_long(next(iter(ends), default))}"
    said = [
        f"au {day_long(day)} pour {'la facture' if len(numbers) == 1 else 'les factures'} n° "
        + ", ".join(numbers)
        for day, numbers in sorted(ends.items())
    ]
    return ", ".join(said[:-1]) + " et " + said[-1]


__all__ = ["day_or_dash", "interest_stop", "short_day"]
