"""A ledger's level 2 or more whose last letter came sooner after the due date than the tool's
own interval between two reminders: the earlier letters were most likely sent before the due
date, and a reminder before the due date is no stage of dunning (Code civil 1344). The stage is
not lowered (review-lawnew2, 6: lowering it must go through the policy's intervals and the
notice's recall); `check` warns, naming the invoices, so the user corrects the level."""

from __future__ import annotations

from ..config import Settings
from ..ledger import FORMAL_NOTICE, REMINDER_2, Ledger

_SHOWN = 5


def close_letter_notes(ledger: Ledger, settings: Settings) -> tuple[str, ...]:
    """The warning naming the unpaid invoices at level 2 or more dated too soon after due."""
    frame = ledger.frame
    if not len(frame) or not {"level", "last_date", "due_date"} <= set(frame.columns):
        return ()
    interval = settings.policy.days_after_reminder_1
    level = frame["level"].fillna(0).to_numpy(dtype=int)
    gap = (frame["last_date"] - frame["due_date"]).dt.days.to_numpy(dtype=float)
    close = (level >= REMINDER_2) & (level <= FORMAL_NOTICE) & (gap >= 0) & (gap < interval)
    if "is_paid" in frame:
        close &= ~frame["is_paid"].fillna(False).to_numpy(dtype=bool)
    if "valid" in frame:
        close &= frame["valid"].fillna(False).to_numpy(dtype=bool)
    if not close.any():
        return ()
    numbers = [str(n) for n in frame["invoice"].to_numpy()[close]]
    shown = ", ".join(numbers[:_SHOWN]) + (" …" if len(numbers) > _SHOWN else "")
    return (
        f"{len(numbers)} facture(s) au niveau 2 ou plus dont la dernière relance suit "
        f"l'échéance de moins de {interval} jours ({shown}) : les relances précédentes ont "
        "vraisemblablement été envoyées avant l'échéance et ne comptent pas comme relances "
        "(Code civil 1344) ; la prochaine lettre serait pourtant choisie d'après le niveau du "
        "classeur : vérifiez et corrigez le niveau avant de lancer le traitement.",
    )


__all__ = ["close_letter_notes"]
