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


def counted_level(frame: pd.DataFrame, today: pd.Timestamp | None = None) -> np.ndarray:
    """The stage each invoice's letters dated after its due date reached: 0 when its recorded
    reminder came before a due date now past (any due date when today is None); when the
    journal also holds letters sent on or before the due date, no more than the number of
    letters sent after it (after_due, NaN when none was early): a journal line and the
    ledger's cell count alike, only once the debt was late."""
    early = reminded_before_due(frame)
    if today is not None:
        early &= (frame["due_date"] < today).to_numpy(dtype=bool)
    level = np.where(early, 0, frame["level"].to_numpy(dtype=int))
    if "after_due" not in frame:
        return level
    after = frame["after_due"].to_numpy(dtype=float)
    known = ~np.isnan(after)
    return np.where(known, np.minimum(level, np.nan_to_num(after, nan=0.0)), level).astype(int)


def letters_after_due(
    letters: tuple[tuple[object, int], ...], last: object, level: int, due: object
) -> float:
    """How many letters (by their dates) an invoice got after its due date, the journal's
    lines and the ledger's own cell (last, level) together; NaN when none was sent on or
    before the due date (nothing to take off the recorded stage)."""
    if not isinstance(due, pd.Timestamp) or pd.isna(due) or not letters:
        return float("nan")
    days = {pd.Timestamp(d) for d, _ in letters}
    if not any(d <= due for d in days):
        return float("nan")
    if isinstance(last, pd.Timestamp) and not pd.isna(last) and level >= REMINDER_1:
        days.add(last)
    return float(sum(1 for d in days if d > due))


__all__ = ["before_due_now", "counted_level", "letters_after_due", "reminded_before_due"]
