"""What the workbook says was already sent, as the frame's columns."""

from __future__ import annotations

from typing import Any

import numpy as np

from .coded import Coded, dates_of
from .levels import History


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


__all__ = ["history_columns"]
