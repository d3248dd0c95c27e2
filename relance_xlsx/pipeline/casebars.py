"""The bars a litigation file reads: each invoice's prescription or lapse, from its decision
(policy/barred.py keep_bars), as the file's records (figures/timebar.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..figures import TimeBar
from ..policy import BASES, REGIMES


def time_bar(r: dict[str, Any], as_of: dt.date, warning_days: int) -> TimeBar | None:
    """The bar of one invoice's record (None: no date to count from); soon: barred within
    [policy] prescription_warning_days, not yet."""
    barred = r.get("barred_on")
    if not isinstance(barred, dt.date):
        return None
    soon = as_of < barred <= as_of + dt.timedelta(days=warning_days)
    start = r.get("bar_start")
    return TimeBar(
        str(r["invoice"]),
        barred,
        REGIMES[int(r["bar_regime"])],
        start if isinstance(start, dt.date) else None,
        BASES[int(r["bar_basis"])],
        soon,
        paid if isinstance(paid := r.get("bar_paid_after"), dt.date) else None,
    )


def time_bars(rows: list[dict[str, Any]], as_of: dt.date, warning_days: int) -> list[TimeBar]:
    """The bars of these records, those with a date to count from."""
    bars = (time_bar(r, as_of, warning_days) for r in rows)
    return [b for b in bars if b is not None]


def is_barred(r: dict[str, Any]) -> bool:
    """An open invoice the run found time-barred: never claimed."""
    return r["action"] == "prescribed"


__all__ = ["is_barred", "time_bar", "time_bars"]
