"""Invoices under the reminder threshold ([policy] tolerance): never said « Réglée » when
something is still owed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..wording import money


def below_threshold(
    reason: np.ndarray, frame: pd.DataFrame, paid_rule: np.ndarray, tolerance: float
) -> None:
    """The status of an invoice the paid rule took only because what remains is under the
    threshold: unpaid (nothing received), or paid but for a remainder."""
    outstanding = frame["outstanding"].to_numpy(dtype=float)
    left = paid_rule & (outstanding >= 0.005)
    if not left.any():
        return
    paid = frame["paid"].to_numpy(dtype=float)
    currency = frame["currency"].to_numpy(dtype=object) if "currency" in frame else None
    limit = money(tolerance)
    for i in np.flatnonzero(left).tolist():
        code = currency[i] if currency is not None and isinstance(currency[i], str) else "EUR"
        owed = money(float(outstanding[i]), code)
        if paid[i] > 0:
            reason[i] = f"Reste {owed} à régler, sous le seuil de relance ({limit}) : non relancée"
        else:
            reason[i] = f"Non réglée ({owed}), sous le seuil de relance ({limit}) : non relancée"


__all__ = ["below_threshold"]
