"""Letters that cannot be posted: their invoices stay where they were."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .decide import Decisions


def hold_back(decisions: Decisions, frame: pd.DataFrame, held: dict[Any, str]) -> Decisions:
    """Decisions where the invoices of letters that cannot be posted stay where they were.

    held maps a frame index to why its letter is not sendable. Those invoices keep their
    level, label and date; their action is "incomplete" and the reason says what is missing.
    """
    if not held:
        return decisions
    out = decisions.frame.copy()
    rows = list(held)
    out.loc[rows, "action"] = "incomplete"
    out.loc[rows, "level"] = frame.loc[rows, "level"].to_numpy()
    out.loc[rows, "kind"] = None
    out.loc[rows, "label"] = [_text(v) for v in frame.loc[rows, "level_text"].tolist()]
    out.loc[rows, "date"] = frame.loc[rows, "last_date"]
    out.loc[rows, "reason"] = [held[i] for i in rows]
    # An invoice held back owes what it owed: its periods stay.
    return Decisions(out, decisions.rate, decisions.warnings, decisions.periods)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


__all__ = ["hold_back"]
