"""What the workbook says was already sent: each row's level, its date, as the frame's columns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from .coded import Coded, dates_of
from .followup import undated_notices
from .grid import Grid
from .levels import LITIGATION, History
from .sent import sent_levels
from .standing import Standing
from .statuses import LITIGATION as IN_LITIGATION


def history_columns(history: Coded, levels: np.ndarray, last_date: Coded) -> dict[str, Any]:
    """What the workbook says was already sent: level, its date, thanks and courtesy notes."""
    return {
        "level": levels,
        "last_date": dates_of(last_date),
        "level_without_date": (levels > 0) & ~last_date.present(),
        "thanked": history.mask(lambda h: isinstance(h, History) and h.thanked),
        "pre_due_sent": history.mask(lambda h: isinstance(h, History) and h.pre_due),
        "claimed": history.mask(lambda h: isinstance(h, History) and h.claimed),
        "acknowledged": history.mask(lambda h: isinstance(h, History) and h.acknowledged),
    }


def levels_of(
    grid: Grid, history: Coded, standing: Standing, last_date: Coded, as_of: dt.date
) -> tuple[np.ndarray, Coded]:
    """Each row's reminder level, and the date of its last letter."""
    levels = history.map(lambda h: h.level if isinstance(h, History) else 0).array(int)
    # A « Contentieux » status is the level « Contentieux »: no courteous reminder.
    levels = np.where(standing.rows(IN_LITIGATION), np.maximum(levels, LITIGATION), levels)
    levels, last_date = sent_levels(grid, levels, last_date, as_of)  # « 1ère relance »
    undated_notices(grid, levels, last_date)
    return levels, last_date


__all__ = ["history_columns", "levels_of"]
