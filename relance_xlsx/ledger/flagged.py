"""Oui/non columns that say a row is cancelled (« Annulée », « Supprimée », « Void ») or a
credit note (« Avoir », « Est un avoir »): read like a « Clôture » column.

« oui », « x », 1, TRUE, « yes » say it (and a date, in a cancellation column: the day it
was cancelled); « non », 0, FALSE, « (vide) », « - » or an empty cell leave the row as it
is; any other value is not known, leaves the row as it is and is named once in a warning.
Under « Contentieux » any value that is not a clear no (« Me Durand ») holds the invoice;
something under way (« Annulée partiellement », « Avoir à émettre » = Oui) holds it too;
a lettering code (lettering.py) says it is paid.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .atsale import AT_SALE, UNKNOWN_METHOD, at_sale_meaning, at_sale_warning, at_sale_word
from .closing import UNKNOWN_CLOSING, closed_meaning, closing_word
from .columns import normalise
from .credit_numbers import credit_number, credit_number_warning
from .drafts import UNKNOWN_DRAFT, draft_meaning, draft_word
from .lettering import (
    SAID_LETTERING,
    UNKNOWN_LETTERING,
    lettering_meaning,
    lettering_warning,
    lettering_word,
)
from .pending import CREDIT_ASKED, LITIGATION_NAMED, pending_word
from .statuses import (
    CANCELLED,
    CREDIT,
    HOLD,
    LITIGATION,
    OPEN,
    status_meaning,
    strong_word_negated,
)
from .unsent import NEVER_SENT, UNKNOWN_SENT, never_sent_warning, sent_meaning, sent_word
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
    """CANCELLED for a cell that says the invoice is cancelled, HOLD for a cancellation asked
    or partial (« Annulée partiellement »), else None."""
    if pending_word(value):
        return HOLD
    return CANCELLED if flag_word(value, dated=True) else None


def credit_meaning(value: Any) -> str | None:
    """CREDIT for a cell that says the row is a credit note, HOLD for one to come or named by
    its number (« AV2026-01 »: its amount unknown), else None."""
    if pending_word(value) or credit_number(value):
        return HOLD
    return CREDIT if flag_word(value) else None


def credit_due_meaning(value: Any) -> str | None:
    """HOLD for a cell of « Avoir à émettre », « Avoir demandé » that is not a clear no: the
    amount owed waits for the credit note."""
    return None if flag_word(value) is False else HOLD


def _credit_warning(value: Any) -> str | None:
    return pending_word(value) or credit_number_warning(value)


def _credit_due_warning(value: Any) -> str | None:
    return CREDIT_ASKED if credit_due_meaning(value) else None


def _cancel_word(value: Any) -> bool | None:
    return flag_word(value, dated=True)


def litigation_meaning(value: Any) -> str | None:
    """LITIGATION for a « Contentieux » cell that says yes or gives a date; a status word is
    read as one; any other value that is not a clear no (« Me Durand », « Pré-contentieux »,
    « à surveiller ») holds the invoice: no courteous reminder beside a lawyer."""
    if _litigation_no(value):  # « Pas de contentieux », « Non transmis », « - »
        return None
    meaning = status_meaning(value)
    if meaning not in (None, LITIGATION, OPEN):  # « Soldé », « Clôturé », « Annulé »
        return meaning
    if closing_word(value) or _LITIGATION_YES.match(normalise(value)):
        return LITIGATION
    return HOLD


_BLANK = re.compile(r"^[\s\-\u2013\u2014_./]*$")
# « Contentieux », « En contentieux », « Transmis au contentieux »: the column says yes.
_LITIGATION_YES = re.compile(r"^((en|au|passe au|transmis au|mis au) )?contentieux$")


def _litigation_no(value: Any) -> bool:
    """Whether a « Contentieux » cell clearly says no (or is empty)."""
    if value is None or value is False or (isinstance(value, str) and _BLANK.match(value)):
        return True  # « - », « / »: nothing there; « ? » is not a no
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == 0
    return strong_word_negated(value) or bool(_NO.match(normalise(value)))


def _litigation_word(value: Any) -> bool | None:
    return not _litigation_no(value)


def _litigation_warning(value: Any) -> str | None:
    return LITIGATION_NAMED if litigation_meaning(value) == HOLD else None


_LITIGATION_HELD = (
    "contentieux à confirmer (avocat, cabinet, précontentieux…) : en attente, pas de relance "
    "amiable ; écrivez « Oui » ou la date pour le niveau Contentieux, « Non » pour la relancer"
)
_PENDING_SAID = {HOLD: "en cours (avoir à venir, annulation demandée) : en attente, pas de relance"}
# Each oui/non column: how a cell is read, whether it says yes, what is said of a value not
# known.
FLAG_READERS = {
    "closed": (closed_meaning, closing_word, UNKNOWN_CLOSING),
    "litigation": (litigation_meaning, _litigation_word, UNKNOWN_CLOSING),
    "cancelled": (cancelled_meaning, _cancel_word, UNKNOWN_CANCEL),
    "credit_flag": (credit_meaning, flag_word, UNKNOWN_CREDIT),
    "credit_due": (credit_due_meaning, flag_word, UNKNOWN_CREDIT),
    "lettering": (lettering_meaning, lettering_word, UNKNOWN_LETTERING),
    "draft_flag": (draft_meaning, draft_word, UNKNOWN_DRAFT),
    "sent_flag": (sent_meaning, sent_word, UNKNOWN_SENT),
    "payment_method": (at_sale_meaning, at_sale_word, UNKNOWN_METHOD),
}
# What `check` says of a meaning a column gives, when not statuses.SAID's.
FLAG_SAID = {
    "litigation": {HOLD: _LITIGATION_HELD},
    "cancelled": _PENDING_SAID,
    "credit_flag": {
        HOLD: "avoir à venir ou à imputer, montant inconnu : en attente, pas de relance"
    },
    "credit_due": _PENDING_SAID,
    "lettering": SAID_LETTERING,
    "sent_flag": {HOLD: NEVER_SENT},
    "payment_method": {HOLD: AT_SALE},
}
UNKNOWN_FLAGS = (
    UNKNOWN_CLOSING, UNKNOWN_CANCEL, UNKNOWN_CREDIT, UNKNOWN_LETTERING, UNKNOWN_DRAFT, UNKNOWN_SENT,
)  # fmt: skip
# Each column that may say something under way: the warning its cell puts on its row.
PENDING_READERS = {
    "status": pending_word,
    "payment_status": pending_word,
    "platform_status": pending_word,
    "cancelled": pending_word,
    "credit_flag": _credit_warning,
    "credit_due": _credit_due_warning,
    "lettering": lettering_warning,
    "litigation": _litigation_warning,
    "payment_method": at_sale_warning,
    "sent_flag": never_sent_warning,
}

__all__ = [
    "FLAG_READERS",
    "FLAG_SAID",
    "PENDING_READERS",
    "UNKNOWN_CANCEL",
    "UNKNOWN_CREDIT",
    "UNKNOWN_FLAGS",
    "cancelled_meaning",
    "credit_meaning",
    "flag_word",
]
