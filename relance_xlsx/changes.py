"""What a run changes in the workbook: the status cells and the journal lines (pure)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from .journal import JournalEntry
from .levels import ACTION_LABELS
from .writeback import StatusUpdate


def status_updates(
    frame: pd.DataFrame, decisions: pd.DataFrame, as_of: dt.date
) -> list[StatusUpdate]:
    """The rows whose status cells change; rows with a problem get only the status sentence.

    A row already acted on today keeps the sentence written then, so a second run on the
    same date leaves the workbook exactly as the first one did.
    """
    updates = []
    today = pd.Timestamp(as_of)
    for idx in frame.index:
        reason = str(decisions.at[idx, "reason"])
        old_status = _text(frame.at[idx, "status_text"])
        if not frame.at[idx, "valid"]:
            if reason != old_status:
                updates.append(StatusUpdate(int(frame.at[idx, "row"]), None, None, reason))
            continue
        label = _text(decisions.at[idx, "label"])
        date = decisions.at[idx, "date"]
        day = date.date() if pd.notna(date) else None
        old_date = frame.at[idx, "last_date"]
        old_day = old_date.date() if pd.notna(old_date) else None
        old_label = _text(frame.at[idx, "level_text"])
        if (
            decisions.at[idx, "action"] not in ("letter", "thanks", "litigation")
            and old_date == today
            and (label, day) == (old_label, old_day)
        ):
            continue
        if (label, day, reason) != (old_label, old_day, old_status):
            updates.append(StatusUpdate(int(frame.at[idx, "row"]), label, day, reason))
    return updates


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def journal_entries(
    frame: pd.DataFrame, decisions: pd.DataFrame, letter_of: dict[Any, str], as_of: dt.date
) -> list[JournalEntry]:
    """One journal line per invoice that got a letter, thanks or went to litigation today."""
    acted = decisions.index[decisions["action"].isin(["letter", "thanks", "litigation"])]
    return [
        JournalEntry(
            as_of,
            str(frame.at[i, "invoice"] or ""),
            str(frame.at[i, "client"]),
            str(decisions.at[i, "label"]),
            ACTION_LABELS[str(decisions.at[i, "action"])],
            float(frame.at[i, "outstanding"]),
            float(decisions.at[i, "interest"]),
            float(decisions.at[i, "indemnity"]),
            Path(letter_of[i]).name if i in letter_of else "",
        )
        for i in acted
    ]


__all__ = ["journal_entries", "status_updates"]
