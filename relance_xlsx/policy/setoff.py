"""A free credit note is never set off against a debt time-barred when the set-off would take
effect (Code civil 1347-3): the ledger sets credits off before prescription is known, so the
policy does it again without those debts when one of them took part of a credit (a letter
deducted the credit from the live invoice and charged its interest on the whole, review-lawre
HIGH-1)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..ledger import COMPENSATIONS, compensate
from .prescription import Prescription, prescribed


def barred_today(
    frame: pd.DataFrame,
    barred: Prescription,
    as_of: dt.date,
    masks: dict[str, np.ndarray],
    tolerance: float,
) -> np.ndarray:
    """The open invoices time-barred on as_of, the credit notes set off again without them."""
    mask = prescribed(barred, as_of) & ~masks["paid"] & ~masks["credit"]
    recompensate(frame, mask, barred.barred_on, tolerance)
    return mask


def recompensate(
    frame: pd.DataFrame, barred: np.ndarray, barred_on: pd.Series, tolerance: float
) -> None:
    """The compensations again, in place, without the debts barred at their effect, when a
    time-barred invoice (barred: on the run's day) took part of a credit note."""
    if COMPENSATIONS not in frame or not barred.any():
        return
    if not any(frame[COMPENSATIONS].to_numpy(dtype=object)[barred]):
        return
    compensate(frame, tolerance, barred_on)


__all__ = ["barred_today", "recompensate"]
