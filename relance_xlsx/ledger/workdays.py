"""French public holidays, working days, and the deadline to declare a claim in collective
proceedings: a term that ends on a Saturday, a Sunday or a public holiday runs to the next
working day (Code de procédure civile 642); the declaration's is two months from the BODACC
notice, two more for a creditor established outside metropolitan France (Code de commerce
R622-24). The public holidays are those of the Code du travail L3133-1, Easter Monday,
Ascension and Whit Monday computed from Easter (the Gregorian computus)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.relativedelta import relativedelta

DECLARE_MONTHS, OVERSEAS_MONTHS = 2, 2
# The fixed days of L3133-1: 1 January, 1 May, 8 May, 14 July, 15 August, 1 November,
# 11 November, 25 December.
_FIXED = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[dt.date]:
    """The French public holidays of a year (metropolitan France, Code du travail L3133-1)."""
    sunday = easter(year)
    moving = (sunday + dt.timedelta(days=n) for n in (1, 39, 50))  # Monday, Ascension, Whit
    return frozenset([*(dt.date(year, m, d) for m, d in _FIXED), *moving])


def working(day: dt.date) -> bool:
    """Neither a Saturday, a Sunday nor a public holiday."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def day_off(day: dt.date) -> str | None:
    """« un dimanche » or « un jour férié » (no post leaves that day), else None."""
    if day.weekday() == 6:
        return "un dimanche"
    return "un jour férié" if day in public_holidays(day.year) else None


def next_working_day(day: dt.date) -> dt.date:
    """The day itself when it is a working day, else the next one (CPC 642)."""
    while not working(day):
        day += dt.timedelta(days=1)
    return day


def declaration_deadline(notice: dt.date, overseas: bool) -> tuple[dt.date, dt.date]:
    """The day to aim for (BODACC notice + 2 months, + 2 more for a creditor overseas) and the
    last day the law allows (that day, or the next working day after it: CPC 642)."""
    months = DECLARE_MONTHS + (OVERSEAS_MONTHS if overseas else 0)
    aimed = notice + relativedelta(months=months)
    return aimed, next_working_day(aimed)


__all__ = [
    "DECLARE_MONTHS",
    "OVERSEAS_MONTHS",
    "declaration_deadline",
    "easter",
    "next_working_day",
    "public_holidays",
    "working",
]
