"""Dates as the litigation files and declarations write them: JJ/MM/AAAA, each day once.

A big run's litigation files write 400,000 dates (invoices, interest periods, timeline) of a
few thousand distinct days: strftime for each was a fifth of their time.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..wording import date_short


@lru_cache(maxsize=8192, typed=True)  # typed: a datetime is never taken for its date
def short_day(day: dt.date) -> str:
    """date_short(day), remembered."""
    return date_short(day)


@lru_cache(maxsize=8192, typed=True)
def day_or_dash(value: object) -> str:
    """A date as JJ/MM/AAAA, « – » for anything that is not a date (none known)."""
    return short_day(value) if isinstance(value, dt.date) else "–"


__all__ = ["day_or_dash", "short_day"]
