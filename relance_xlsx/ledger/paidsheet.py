"""A payments sheet beside the invoice table's own paid column (review-clerk3 H1): a blank
cell says nothing, the sheet says what was received; a typed cell the sheet exceeds holds the
invoice."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..wording import money
from .payer import mark_held


def blank_rows(frame: pd.DataFrame, hits: list[int], has_paid_column: bool) -> np.ndarray:
    """Which of these rows say nothing of what was paid: all of them without a paid column,
    else those whose paid cell is blank."""
    if not has_paid_column:
        return np.ones(len(hits), dtype=bool)
    if "paid_blank" not in frame:
        return np.zeros(len(hits), dtype=bool)
    return frame["paid_blank"].to_numpy(dtype=bool)[hits]


def settle_from_sheet(
    frame: pd.DataFrame, rows: pd.Index, totals: np.ndarray, tolerance: float
) -> None:
    """What the sheet says was paid, in place, for rows that say nothing of it."""
    # An undated payment counts in what was paid, as one in the ledger's column does:
    # it lowers the base from the start (policy/stretches.py), and settles the invoice.
    frame.loc[rows, "paid"] = totals
    frame.loc[rows, "netted"] = 0.0  # the sheet says what was received
    remaining = np.round(frame.loc[rows, "amount"].to_numpy(dtype=float) - totals, 2)
    frame.loc[rows, "outstanding"] = remaining
    frame.loc[rows, "is_paid"] = (remaining <= tolerance) & ~frame.loc[rows, "is_credit"]


def disagree(frame: pd.DataFrame, row: Any, sheet: str, theirs: float, mine: float) -> list[str]:
    """Hold an invoice whose payments sheet totals more than its paid cell, in place: never
    chased for the higher amount; the warning that says so (both totals)."""
    said = (
        f"les règlements de la feuille « {sheet} » totalisent {money(theirs)}, la colonne des "
        f"montants réglés {money(mine)} : facture non relancée tant que les deux ne "
        "concordent pas ; corrigez la colonne ou la feuille"
    )
    mark_held(frame, row, said)
    return [f"Facture n° {frame.loc[row, 'invoice']} (ligne {frame.loc[row, 'row']}) : {said}."]


__all__ = ["blank_rows", "disagree", "settle_from_sheet"]
