"""The letters the ledger alone records, put into the journal before a run overwrites them.

A ledger's « Niveau de relance » and « Date de relance » cells may be the only record of a
letter sent before the office used relance-xlsx (or typed by hand). The write-back replaces
them with today's stage and date; the letter they recorded must survive, because the law needs
it later: a written demand interrupts a public debt's four-year lapse (loi 68-1250, art. 2), a
consumer's interest runs from the mise en demeure (Code civil 1231-6), and the litigation file
lists the mise en demeure with its registered letter. So it goes into the journal first, as a
« repris du classeur » line dated by the letter's own date, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .. import collector
from ..ledger import ACTION_LABELS, FORMAL_NOTICE, LEVEL_LABELS, REMINDER_1
from .changes import days_of
from .journal import JournalEntry

# Starts with « Courrier »: the journal's readers count it as the letter it was.
RECOVERED = f"{ACTION_LABELS['letter']} (repris du classeur)"
# The amounts of that day are not known: their cells stay empty (NaN).
_UNKNOWN_AMOUNTS = (float("nan"),) * 3


@collector.paused()  # an object per line, no cycle (see changes.py)
def recovered_entries(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    sent: Mapping[tuple[str, str], tuple[tuple[dt.date, int], ...]],
) -> list[JournalEntry]:
    """A journal line for each letter the ledger's level and date record, that this run
    overwrites and that the journal does not hold yet (sent: the journal's letters by
    (client, invoice), as (date, stage))."""
    level = frame["level"].to_numpy(dtype=int)
    old = frame["last_date"]
    letter = (level >= REMINDER_1) & (level <= FORMAL_NOTICE) & old.notna().to_numpy(dtype=bool)
    letter &= frame["valid"].to_numpy(dtype=bool)
    # « Réglée – remerciée », « … pénalités réclamées », « Rappel avant échéance »: the cell
    # records a thank-you, a claim or a courtesy reminder, not the stage's letter.
    for flag in ("thanked", "claimed", "pre_due_sent"):
        letter &= ~frame[flag].to_numpy(dtype=bool)
    if not letter.any():
        return []
    new_level = decisions["level"].to_numpy(dtype=int)
    new_date = pd.to_datetime(decisions["date"])
    labels = set(LEVEL_LABELS.values())
    kept_label = decisions["label"].map(lambda v: v in labels).to_numpy(dtype=bool)
    moved = (new_level != level) | (new_date != old).to_numpy(dtype=bool) | ~kept_label
    rows = np.flatnonzero(letter & moved)
    # The rows' cells as plain lists (one pandas lookup per cell took a second at 20,000).
    days = days_of(old.iloc[rows])
    clients = [_text(v) for v in frame["client"].iloc[rows].to_list()]
    invoices = [_text(v) for v in frame["invoice"].iloc[rows].to_list()]
    out = []
    for i, day, client, invoice, lrar in zip(
        rows.tolist(), days, clients, invoices, _registered(frame, rows), strict=True
    ):
        if day is None or (day, int(level[i])) in sent.get((client, invoice), ()):
            continue  # (every row here has its date: the letter mask asked for one)
        label = LEVEL_LABELS[int(level[i])]
        # The ledger's LRAR number belongs to its notice, not to an ordinary letter.
        action = RECOVERED + (lrar if int(level[i]) == FORMAL_NOTICE else "")
        out.append(JournalEntry(day, invoice, client, label, action, *_UNKNOWN_AMOUNTS, "", ""))
    return out


def _registered(frame: pd.DataFrame, rows: Any) -> list[str]:
    """« (LRAR n° …, AR du …) » when the ledger notes the registered letter."""
    if "registered_no" not in frame:
        return [""] * len(rows)
    out = []
    numbers = frame["registered_no"].iloc[rows].to_list()
    days = frame["ar_date"].iloc[rows].to_list()
    for number, ar in zip(numbers, days, strict=True):
        parts = [f"LRAR n° {number}" if isinstance(number, str) and number else ""]
        parts.append(f"AR du {ar.strftime('%d/%m/%Y')}" if isinstance(ar, pd.Timestamp) else "")
        said = ", ".join(p for p in parts if p)
        out.append(f" ({said})" if said else "")
    return out


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


__all__ = ["RECOVERED", "recovered_entries"]
