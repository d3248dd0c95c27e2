"""The « Niveau de relance » label each invoice leaves a run with (a workbook data contract)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ledger import (
    ACKNOWLEDGED_LABEL,
    CLAIMED_LABEL,
    FORMAL_NOTICE,
    LEVEL_LABELS,
    PRE_DUE_LABEL,
    THANKED_LABEL,
)
from .rules import RULE


def labels_after(
    frame: pd.DataFrame,
    rule: np.ndarray,
    level: np.ndarray,
    level_after: np.ndarray,
    claimed: np.ndarray,
    thanked: np.ndarray,
    owes: np.ndarray | None = None,
) -> np.ndarray:
    """The status label each invoice leaves with (owes: its late-payment penalties are owed,
    so that a payment received is acknowledged, never thanked, unless they were claimed)."""
    # Thanks and courtesy reminders are remembered by their label, so they are never repeated.
    thanked_now = (rule == RULE["thanks"]) | thanked
    # After a formal notice the payment's receipt is acknowledged, never thanked (D4).
    acknowledged = ((rule == RULE["thanks"]) & (level >= FORMAL_NOTICE)) | (
        thanked & frame["acknowledged"].to_numpy(dtype=bool)
    )
    if owes is not None:
        acknowledged |= (rule == RULE["thanks"]) & owes & ~claimed
    pre_due_now = (rule == RULE["pre_due"]) | (
        frame["pre_due_sent"].to_numpy(dtype=bool) & (level_after == 0)
    )
    labels: np.ndarray = np.select(
        [claimed, acknowledged, thanked_now, pre_due_now],
        [CLAIMED_LABEL, ACKNOWLEDGED_LABEL, THANKED_LABEL, PRE_DUE_LABEL],
        default=pd.Series(level_after).map(LEVEL_LABELS).to_numpy(dtype=object),
    )
    return labels


__all__ = ["labels_after"]
