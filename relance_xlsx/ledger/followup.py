"""What the office notes after a letter: promises to pay, the registered letter, its date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np

from .coded import Coded, dates_of
from .grid import Grid
from .levels import FORMAL_NOTICE
from .pending import NOTICE_SENT, PROMISED, pending_word
from .text import parse_text
from .values import Amount, is_empty, parse_amount, parse_date

_STATUSES = ("status", "payment_status", "platform_status")
_WRITTEN_DAY = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b")


def followup_columns(grid: Grid) -> dict[str, Any]:
    """The promise (date, amount), the registered letter's number and its avis de réception."""
    return {
        **_promise_columns(grid),
        "registered_no": grid.raw("registered_no").map(parse_text).array(),
        "ar_date": dates_of(grid.parse("ar_date", parse_date, "warning")),
    }


def undated_notices(grid: Grid, levels: np.ndarray, last_date: Coded) -> None:
    """A mise en demeure without its date is a problem on its row: litigation counts its
    deadline from that date (or from the avis de réception), never from nowhere."""
    undated = (levels == FORMAL_NOTICE) & ~last_date.present()
    for i in np.flatnonzero(undated).tolist():
        grid.problem(
            i,
            "reminder_level",
            grid.raw("reminder_level").at(i),
            "mise en demeure sans date : indiquez sa date (colonne de la date de relance) ; "
            "le contentieux ne s'engage qu'après son délai",
        )


def status_promises(grid: Grid) -> np.ndarray:
    """The day a status promises payment for (« Promesse de paiement au 15/01/2027 »), NaT
    where it writes none (review-nextcase M1)."""
    days = np.full(len(grid), np.datetime64("NaT"), dtype="datetime64[ns]")
    for field in _STATUSES:
        if field in grid.positions:
            raw = grid.raw(field)
            found = np.array([_promised(v) for v in raw.values], dtype="datetime64[ns]")
            days = np.where(np.isnat(days), found[raw.codes], days)
    return days


def written_day(value: Any) -> dt.date | None:
    """The first day a text writes (« … au 15/01/2027 », « Réglée le 15.01.27 »), else None."""
    written = _WRITTEN_DAY.search(value) if isinstance(value, str) else None
    if written is None:
        return None
    try:
        day = parse_date(written.group(0).replace(".", "/").replace("-", "/"))
    except ValueError:
        return None
    return day if isinstance(day, dt.date) else None


def _promised(value: Any) -> np.datetime64:
    """The date written in a promise status, else NaT."""
    day = written_day(value) if pending_word(value) == PROMISED else None
    return np.datetime64(day) if day else np.datetime64("NaT")


def notice_reached(grid: Grid) -> np.ndarray:
    """Rows whose status says a mise en demeure was sent (« MED », « Mise en demeure
    envoyée ») with its « Date de relance » and no level written: the notice stage (M2)."""
    out = np.zeros(len(grid), dtype=bool)
    if "reminder_date" not in grid.positions:
        return out
    dated = grid.raw("reminder_date").present()
    no_level = grid.raw("reminder_level").mask(is_empty)
    for field in _STATUSES:
        if field in grid.positions:
            said = grid.raw(field).map(pending_word).array()
            out |= (said == NOTICE_SENT) & dated & no_level
    return out


def _promise_columns(grid: Grid) -> dict[str, Any]:
    """A promise to pay: its date (or the one its status writes), and its amount when given
    (warnings, never row errors)."""
    day = grid.parse("promise_date", parse_date, "warning")
    amount = grid.parse("promise_amount", parse_amount, "warning")
    days = dates_of(day)
    return {
        "promise_date": np.where(np.isnat(days), status_promises(grid), days),
        "promise_amount": np.array(
            [a.value if isinstance(a, Amount) else np.nan for a in amount.values], dtype=float
        )[amount.codes],  # once per distinct value
    }


__all__ = [
    "followup_columns",
    "notice_reached",
    "status_promises",
    "undated_notices",
    "written_day",
]
