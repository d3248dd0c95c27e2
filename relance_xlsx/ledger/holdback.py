"""« Ne pas relancer avant »: an invoice the office held back until a date, and why.

The date is a column of the workbook (written by a run that held the invoice back, or typed
by hand); the reason is the invoice's status sentence, which the run wrote as
« Pas de relance avant le 29/11/2026 : <reason> » and reads back the weeks after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .coded import dates_of
from .columns import normalise
from .grid import Grid
from .values import parse_date

HOLD_HEADER = "Ne pas relancer avant"
_SAID = "Pas de relance avant le "


@dataclass(frozen=True)
class HoldBack:
    """Hold back a client's letter or one invoice until a date, for a reason (« Ne pas
    envoyer »): a client's name or an invoice number, as the workbook writes them."""

    target: str
    until: dt.date
    reason: str = ""


def hold_sentence(until: dt.date, reason: str) -> str:
    """The status sentence of an invoice held back: the date, then the office's reason."""
    said = f"{_SAID}{until.strftime('%d/%m/%Y')}"
    reason = " ".join(reason.split())
    return f"{said} : {reason}" if reason else f"{said} (colonne « {HOLD_HEADER} »)"


def hold_columns(grid: Grid, as_of: dt.date, status: np.ndarray) -> dict[str, Any]:
    """The « Ne pas relancer avant » date of each row, whether it holds the row on as_of,
    and the reason the status sentence gives (None when it gives none)."""
    until = dates_of(grid.parse("hold_until", parse_date, "warning"))
    held = (pd.Series(until) > pd.Timestamp(as_of)).to_numpy(dtype=bool)
    reasons = np.full(len(until), None, dtype=object)
    for i in np.flatnonzero(held).tolist():
        reasons[i] = _reason(status[i], until[i])
    return {"hold_until": until, "held_back": held, "held_reason": reasons}


def _reason(status: Any, until: Any) -> str | None:
    """The reason in « Pas de relance avant le <that date> : <reason> », if it is ours."""
    if not isinstance(status, str):
        return None
    said = f"{_SAID}{pd.Timestamp(until).strftime('%d/%m/%Y')} : "
    return status[len(said) :].strip() or None if status.startswith(said) else None


def hold_rows(
    frame: pd.DataFrame, holds: Sequence[HoldBack]
) -> tuple[pd.DataFrame, dict[Any, HoldBack], list[str]]:
    """The frame with these holds applied (through its hold columns, as a dispute is), the
    rows each one holds, and the targets that name no client and no invoice.

    A client's hold covers what could be sent to it: its unpaid invoices, and its paid ones
    whose thanks or penalties are still to come. An invoice's hold covers that invoice.
    """
    if not holds:
        return frame, {}, []
    clients = frame["client"].map(_key).to_numpy(dtype=object)
    numbers = frame["invoice"].map(_key).to_numpy(dtype=object)
    pending = _pending(frame)
    rows: dict[Any, HoldBack] = {}
    unknown = []
    for hold in holds:
        key = _key(hold.target)
        by_number = numbers == key
        picked = by_number if by_number.any() else (clients == key) & pending
        if not (by_number.any() or (clients == key).any()):
            unknown.append(hold.target)
        rows.update(dict.fromkeys(frame.index[picked].tolist(), hold))
    if not rows:
        return frame, {}, unknown
    out = frame.copy()
    index = list(rows)
    out.loc[index, "hold_until"] = [pd.Timestamp(rows[i].until) for i in index]
    out.loc[index, "hold"] = True
    out.loc[index, "held_back"] = True
    out.loc[index, "held_reason"] = [rows[i].reason or None for i in index]
    return out, rows, unknown


def _pending(frame: pd.DataFrame) -> np.ndarray:
    """Rows a letter may still be about: unpaid, or paid with thanks or penalties to come."""
    paid = frame["is_paid"].to_numpy(dtype=bool)
    late = (frame["payment_date"] > frame["due_date"]).to_numpy(dtype=bool)
    thanks = (frame["level"].to_numpy(dtype=int) >= 1) & ~frame["thanked"].to_numpy(dtype=bool)
    claim = late & ~frame["claimed"].to_numpy(dtype=bool)
    return ~frame["is_credit"].to_numpy(dtype=bool) & (~paid | thanks | claim)


def _key(value: Any) -> str:
    return normalise(value) if isinstance(value, str) and value.strip() else ""


__all__ = ["HOLD_HEADER", "HoldBack", "hold_columns", "hold_rows", "hold_sentence"]
