"""Statuses that name a dispute, a cancellation, a credit note or litigation only to deny it
(review-nextcase M7): « Client conteste pas » (the spoken negation, without « ne »), « Annulation
demandée - refusée », « Demande d'avoir refusée », « Contentieux évité de justesse ». Each is an
ordinary unpaid invoice, chased; « conteste », « Annulation demandée », « Demande d'avoir »
alone still hold it.
"""

from __future__ import annotations

import re
from typing import Any

from .columns import normalise

_CLAUSE = re.compile(r"[,;:/()\[\]|\u2013\u2014]| - ")
# In one clause: « (ne) conteste pas / plus », but not « contesté pas payé » (commas folded).
_NOT_DISPUTED = re.compile(
    r"\b(contest|disput|reclam)\w*\s+(pas|plus|jamais|rien)\b"
    r"(?!\s+(\w+\s+)?(paye|regle|recu|solde|encaisse)\w*)"
)
# Over the whole status: a request turned down at its end (« … demandée - refusée »).
_TURNED_DOWN = re.compile(
    r"\b(annul\w*|avoirs?|credit notes?)\b(\s+\w+){0,4}\s+"
    r"(refuse\w*|rejete\w*|declinee?s?|refused|rejected|declined)(\s+par(\s+\w+){1,2})?$"
)
_AVOIDED = re.compile(r"\bcontentieux\s+(evite|ecarte)\w*\b")


def denied(value: Any) -> bool:
    """Whether a status names a dispute, a cancellation, a credit note or litigation only to
    deny it (« conteste pas », « annulation demandée - refusée », « contentieux évité »)."""
    if not isinstance(value, str):
        return False
    text = normalise(value)
    if _TURNED_DOWN.search(text) or _AVOIDED.search(text):
        return True
    return any(_NOT_DISPUTED.search(normalise(c)) for c in _CLAUSE.split(value))


__all__ = ["denied"]
