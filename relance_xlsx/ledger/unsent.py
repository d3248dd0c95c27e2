"""A « Sent » / « Envoyée » column (Xero's Invoices export): « Not Sent », « Non envoyée »,
« Non » say the client never received the invoice; it is not chased, and said (review-pubwb8
H4)."""

from __future__ import annotations

from typing import Any

from .statuses import DRAFT, OPEN, status_meaning
from .values import parse_flag

UNKNOWN_SENT = (
    "envoi (oui/non) non reconnu : la facture est tenue pour envoyée, relancée si elle est échue"
)
NEVER_SENT = (
    "jamais envoyée au client d'après la colonne d'envoi : il ne l'a pas reçue, non relancée "
    "(envoyez-la d'abord)"
)


def sent_meaning(value: Any) -> str | None:
    """DRAFT for a cell saying the invoice was never sent, else None."""
    return DRAFT if sent_word(value) else None


def sent_word(value: Any) -> bool | None:
    """True for never sent, False for sent or empty, None for a value not known."""
    meaning = status_meaning(value)
    if meaning == DRAFT:  # « Not Sent », « Non envoyée »
        return True
    if meaning == OPEN:  # « Sent », « Envoyée »
        return False
    try:
        flag = parse_flag(value)
    except ValueError:
        return None
    return flag is False


__all__ = ["NEVER_SENT", "UNKNOWN_SENT", "sent_meaning", "sent_word"]
