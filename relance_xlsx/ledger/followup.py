"""What the office notes after a letter: promises to pay, the registered letter, its date."""

from __future__ import annotations

from typing import Any

import numpy as np

from .coded import Coded, dates_of
from .grid import Grid
from .levels import FORMAL_NOTICE
from .text import parse_text
from .values import Amount, parse_amount, parse_date


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


def _promise_columns(grid: Grid) -> dict[str, Any]:
    """A promise to pay: its date, and its amount when given (warnings, never row errors)."""
    day = grid.parse("promise_date", parse_date, "warning")
    amount = grid.parse("promise_amount", parse_amount, "warning")
    return {
        "promise_date": dates_of(day),
        "promise_amount": np.array(
            [a.value if isinstance(a, Amount) else np.nan for a in amount.values], dtype=float
        )[amount.codes],  # once per distinct value
    }


__all__ = ["followup_columns", "undated_notices"]
