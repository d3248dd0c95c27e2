"""The litigation files redone, as the journal records them: one line per invoice of a file
redone after a payment or a credit note since its hand-over (policy/incourt.py), with the
principal that file still claims. A later run redoes the file only when less is owed than
that: a payment typed weeks late is still caught, and one taken into account is not redone
again and again (the fourth legal review, 2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..ledger import LEVEL_LABELS, LITIGATION
from .journal import JournalEntry
from .journalread import lines_by_client

# The journal's action for an invoice of a litigation file redone.
REDONE = "Dossier de contentieux refait"


def _a_file(action: str) -> bool:
    # A file redone, or the hand-over itself (« Contentieux », its LRAR after it): the
    # principal the file made that day claims (review-lawnew M4: a payment dated before the
    # hand-over but typed later is caught when the file claimed more than is owed now).
    return action == REDONE or action.startswith(LEVEL_LABELS[LITIGATION])


def redone_owed(path: Path, sheet: str, before: dt.date) -> dict[tuple[str, str], float]:
    """The principal the latest file redone, or made at the hand-over, before that day claims,
    by (client, invoice): a file redone today is the one a rerun of the day redoes as the
    first run did."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    out: dict[tuple[str, str], tuple[dt.date, float]] = {}
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if not _a_file(e.action) or e.run_date >= before:
                continue
            known = out.get((client, e.invoice))
            if known is None or known[0] <= e.run_date:
                out[(client, e.invoice)] = (e.run_date, e.outstanding)
    return {key: owed for key, (_, owed) in out.items()}


def redone_entries(
    frame: pd.DataFrame, rows: Sequence[int], owed: Sequence[float], as_of: dt.date
) -> list[JournalEntry]:
    """One line per invoice of a file redone today (rows: positions in the frame), with the
    principal it still claims (owed: policy.owed_principal)."""
    out = []
    for i, left in zip(rows, owed, strict=True):
        r = frame.iloc[i]
        out.append(
            JournalEntry(
                as_of,
                str(r["invoice"] if r["invoice"] is not None else ""),
                str(r["client"]),
                LEVEL_LABELS[LITIGATION],
                REDONE,
                round(float(left), 2),
                0.0,
                0.0,
                "",
            )
        )
    return out


__all__ = ["REDONE", "redone_entries", "redone_owed"]
