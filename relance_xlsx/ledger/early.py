"""Reminders recorded on or before the invoice's due date: no stage of dunning (C. civ. 1344)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .levels import FORMAL_NOTICE, REMINDER_1


def reminded_before_due(frame: pd.DataFrame) -> np.ndarray:
    """The unpaid invoices whose recorded reminder (level and date) is on or before their due
    date as the tool computes it (a public buyer's legal term, a receipt date): a letter sent
    before the debt was late did not remind it; the due day itself is the debtor's, penalties
    run from the day after (L441-10 II, L2192-13, Code civil 1344)."""
    level = frame["level"].to_numpy(dtype=int)
    before = (frame["last_date"] <= frame["due_date"]).to_numpy(dtype=bool)  # NaT: False
    return (
        before
        & (level >= REMINDER_1)
        & (level <= FORMAL_NOTICE)
        & frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
    )


def before_due_now(frame: pd.DataFrame, today: pd.Timestamp) -> np.ndarray:
    """The invoices reminded before their due date, that due date now past: treated as never
    reminded (their first reminder goes now), not as being at the recorded stage."""
    return reminded_before_due(frame) & (frame["due_date"] < today).to_numpy(dtype=bool)


__all__ = ["before_due_now", "reminded_before_due"]
