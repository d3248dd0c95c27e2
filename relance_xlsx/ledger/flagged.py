"""Oui/non columns that say a row is cancelled (« Annulée », « Supprimée », « Void ») or a
credit note (« Avoir », « Est un avoir »): read like a « Clôture » column.

« oui », « x », 1, TRUE, « yes » say it (and a date, in a cancellation column: the day it
was cancelled); « non », 0, FALSE, « (vide) », « - » or an empty cell leave the row as it
is; any other value is not known, leaves the row as it is and is named once in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .closing import UNKNOWN_CLOSING, closed_meaning, closing_word
from .columns import normalise
from .statuses import CANCELLED, CREDIT, LITIGATION, OPEN, status_meaning, strong_word_negated
from .values import parse_date

UNKNOWN_CANCEL = (
    "annulation non reconnue : la facture n'est pas tenue pour annulée, elle est relancée si "
    "elle est échue"
)
UNKNOWN_CREDIT = (
    "avoir (oui/non) non reconnu : la ligne reste une facture, relancée si elle est échue"
)
_YES = re.compile(
    r"^(oui|o|yes|y|x|vrai|true|ok|1|annul\w*|cancel\w*|void\w*|supprim\w*|avoirs?|"
    r"credit notes?)$"
)
_NO = re.compile(
    r"^(non|no|n|not|pas|0|faux|false|na|n a|aucun\w*|none|nul|vide|empty|blank|null)\b"
)


def flag_word(value: Any, dated: bool = False) -> bool | None:
    """Whether an oui/non cell says yes: True, False (no, or empty), None for a value not
    known; a date says yes only where dated (a cancellation's day)."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, dt.date | dt.time):
        return True if dated else None
    if isinstance(value, int | float):
        return value != 0 if value in (0, 1, -1) else None  # Access stores « yes » as -1
    word = normalise(value)
    if not word or _NO.match(word):
        return False
    if _YES.match(word):
        return True
    if not dated:
        return None
    try:
        return parse_date(value) is not None or None
    except ValueError:
        return None


def cancelled_meaning(value: Any) -> str | None:
    """CANCELLED for a cell that says the invoice is cancelled, else None."""
    return CANCELLED if flag_word(value, dated=True) else None


def credit_meaning(value: Any) -> str | None:
    """CREDIT for a cell that says the row is a credit note, else None."""
    return CREDIT if flag_word(value) else None


def _cancel_word(value: Any) -> bool | None:
    return flag_word(value, dated=True)


def litigation_meaning(value: Any) -> str | None:
    """LITIGATION for a « Contentieux » cell that says yes; a status word is read as one."""
    if strong_word_negated(value):  # « Pas de contentieux », « Non annulée »
        return None
    meaning = status_meaning(value)
    if meaning not in (None, LITIGATION, OPEN):  # « Soldé », « Clôturé », « Annulé »
        return meaning
    return LITIGATION if closing_word(value) else None


# Each oui/non column: how a cell is read, whether it says yes, what is said of a value not
# known.
FLAG_READERS = {
    "closed": (closed_meaning, closing_word, UNKNOWN_CLOSING),
    "litigation": (litigation_meaning, closing_word, UNKNOWN_CLOSING),
    "cancelled": (cancelled_meaning, _cancel_word, UNKNOWN_CANCEL),
    "credit_flag": (credit_meaning, flag_word, UNKNOWN_CREDIT),
}
UNKNOWN_FLAGS = (UNKNOWN_CLOSING, UNKNOWN_CANCEL, UNKNOWN_CREDIT)

__all__ = [
    "FLAG_READERS",
    "UNKNOWN_CANCEL",
    "UNKNOWN_CREDIT",
    "UNKNOWN_FLAGS",
    "cancelled_meaning",
    "credit_meaning",
    "flag_word",
]
