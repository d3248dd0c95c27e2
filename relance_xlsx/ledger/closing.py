"""A « Clôture » cell: only a clear closing word or a date closes the file.

« oui », « x », « clôturé », « soldé », « fermé », « closed », 1 or a closing date close it;
« non », « Non clôturé », « en cours », « ouverte », « (vide) », « - » leave it open; any other
word is not known, leaves the file open and is named once in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .columns import normalise
from .statuses import CLOSED
from .values import parse_date

# What `check` and a run say of closing words they do not know.
UNKNOWN_CLOSING = (
    "clôture non reconnue : le dossier n'est pas tenu pour clôturé, la facture est relancée "
    "si elle est échue"
)
_CLOSING = re.compile(
    r"^(oui|o|yes|y|x|vrai|true|ok|1|clos|close|closed|cloture\w*|solde\w*|ferme|fermee|"
    r"fermes|fermees|termine\w*|archive\w*)\b"
)
# A negation first (« Non clôturé », « pas soldé »), or words of a file still open.
_OPEN = re.compile(
    r"^(non|no|n|not|pas|0|faux|false|na|n a|aucun\w*|none|nul|vide|empty|blank|null)\b|"
    r"^(en cours|ouvert\w*|open|actif|active|in progress|a clore|a cloturer|en attente)$"
)
# Excel day numbers a date typed as a number would have (1990 to 2100).
_SERIALS = (32874, 73051)


def closing_word(value: Any) -> bool | None:
    """Whether a « Clôture » cell closes the file: True, False, or None for a word not known."""
    if value is None or value is False or isinstance(value, dt.date | dt.time):
        return value is not None and value is not False
    if value is True:
        return True
    if isinstance(value, int | float):
        if value in (0, 1, -1):  # Access stores « yes » as -1
            return value != 0
        return True if _SERIALS[0] <= value <= _SERIALS[1] else None
    word = normalise(value)
    if not word or _OPEN.search(word):
        return False
    if _CLOSING.match(word):
        return True
    try:
        return parse_date(value) is not None or None
    except ValueError:
        return None


def closed_meaning(value: Any) -> str | None:
    """CLOSED for a cell that closes the file, else None (open, empty or a word not known)."""
    return CLOSED if closing_word(value) else None


__all__ = ["UNKNOWN_CLOSING", "closed_meaning", "closing_word"]
