"""A reminder recorded before the invoice's due date: no stage of dunning, said once per
invoice in the run's warnings and in the status of the invoice it leaves unreminded."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ledger import LEVEL_LABELS, reminded_before_due
from ..wording import date_short

_RUNS = {
    False: "pénalités dues à compter du lendemain, L441-10 II",
    True: "intérêts moratoires dus à compter du lendemain, Code de la commande publique "
    "L2192-13 et R2192-31",
}


def say_before_due(
    reason: np.ndarray, frame: pd.DataFrame, first: np.ndarray, today: pd.Timestamp
) -> list[str]:
    """The run's warning for each unpaid invoice reminded before its due date; the status
    of those whose first reminder goes today says why the recorded one does not count."""
    early = reminded_before_due(frame)
    if not early.any():
        return []
    warnings = []
    rows = np.flatnonzero(early)
    sent = frame["last_date"].to_numpy()[rows]
    due = frame["due_date"].to_numpy()[rows]
    level = frame["level"].to_numpy(dtype=int)[rows]
    legal = frame["term_note"].notna().to_numpy(dtype=bool)[rows]
    # A public buyer's late-payment interest: Code de la commande publique, not L441-10.
    public = (frame["public"].to_numpy(dtype=bool) & ~frame["consumer"].to_numpy(dtype=bool))[rows]
    for at, day, owed, lv, law, pub in zip(rows, sent, due, level, legal, public, strict=True):
        on, by = date_short(pd.Timestamp(day).date()), date_short(pd.Timestamp(owed).date())
        when = (
            "du jour de l'échéance"
            if pd.Timestamp(day) == pd.Timestamp(owed)
            else "antérieure à l'échéance"
        )
        if first[at]:
            reason[at] = f"{reason[at]} ; relance du {on} {when} : non comptée"
        then = (
            "elle est traitée comme non relancée (1re relance, pas de mise en demeure)"
            if pd.Timestamp(owed) < today
            else "la 1re relance partira après l'échéance"
        )
        warnings.append(
            f"Ligne {frame['row'].iat[at]}, facture {frame['invoice'].iat[at] or '–'} "
            f"({frame['client'].iat[at]}) : « {LEVEL_LABELS.get(int(lv), lv)} » du {on}, "
            f"{when}{' légale' if law else ''} du {by}. Une lettre envoyée au plus tard le jour "
            f"de l'échéance ne relance pas une dette en retard (Code civil 1344 ; {_RUNS[pub]}) "
            f": {then}."
        )
    return warnings


__all__ = ["say_before_due"]
