"""A ledger's level 2 or more whose last letter came sooner after the due date than the tool's
own interval between two reminders: the earlier letters were almost surely sent before the due
date, no stage of dunning (Code civil 1344). Only the dated letter counts after the due date
(review-lawnew2, 6): the next letter is a Relance 2, never a « Malgré nos relances »."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import Settings
from ..ledger import FORMAL_NOTICE, REMINDER_2, Ledger

_SHOWN = 5


def note_close_letters(ledger: Ledger, settings: Settings) -> tuple[str, ...]:
    """Count one letter after the due date (the frame's after_due, in place) for each such
    invoice the journal says nothing of; the run's warning naming them."""
    frame = ledger.frame
    if not len(frame):
        return ()
    interval = settings.policy.days_after_reminder_1
    level = frame["level"].to_numpy(dtype=int)
    gap = (frame["last_date"] - frame["due_date"]).dt.days.to_numpy(dtype=float)
    close = (level >= REMINDER_2) & (level <= FORMAL_NOTICE) & (gap > 0) & (gap <= interval)
    close &= ~frame["is_paid"].to_numpy(dtype=bool) & frame["valid"].to_numpy(dtype=bool)
    after = frame["after_due"].to_numpy(dtype=float) if "after_due" in frame else None
    if after is not None:
        close &= np.isnan(after)  # the journal dates the letters: counted from it already
    if not close.any():
        return ()
    counted = np.full(len(frame), np.nan) if after is None else after.copy()
    counted[close] = 1.0
    frame["after_due"] = pd.Series(counted, index=frame.index)
    numbers = [str(n) for n in frame["invoice"].to_numpy()[close]]
    shown = ", ".join(numbers[:_SHOWN]) + (" …" if len(numbers) > _SHOWN else "")
    return (
        f"{len(numbers)} facture(s) au niveau 2 ou plus dont la dernière relance suit "
        f"l'échéance de {interval} jours au plus ({shown}) : seule cette relance est comptée "
        "après l'échéance, les précédentes l'ayant vraisemblablement précédée (une relance "
        "avant l'échéance n'en est pas une, Code civil 1344) ; corrigez le niveau dans le "
        "classeur si ce n'est pas le cas.",
    )


__all__ = ["note_close_letters"]
