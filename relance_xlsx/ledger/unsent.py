"""A « Sent » / « Envoyée » column (Xero's Invoices export): « Not Sent », « Non envoyée »,
« Non » say the invoice was not sent from the software (review-pubwb8 H4). Xero marks only
the invoices sent from Xero: an approved invoice (« AUTHORISED ») printed or mailed elsewhere
is « Not Sent » too, so a status saying it is issued and open wins and it is chased; with no
such status the invoice is held with a warning naming the cell, never dropped as a draft
(review-pubre H4)."""

from __future__ import annotations

from typing import Any

from .statuses import DRAFT, HOLD, OPEN, status_meaning
from .values import parse_flag

UNKNOWN_SENT = (
    "envoi (oui/non) non reconnu : la facture est tenue pour envoyée, relancée si elle est échue"
)
NEVER_SENT = (
    "non envoyée d'après la colonne d'envoi : le client l'a-t-il reçue ? en attente, pas de "
    "relance ; envoyez-la, ou écrivez « Envoyée » si elle l'a été autrement ; relancée si son "
    "statut la dit émise (« AUTHORISED », « Ouverte »), le logiciel ne marquant que ses envois"
)


def sent_meaning(value: Any) -> str | None:
    """HOLD for a cell saying the invoice was never sent (a status saying open wins), else None."""
    return HOLD if sent_word(value) else None


def never_sent_warning(value: Any) -> str | None:
    """The warning of a row held as never sent, else None."""
    return NEVER_SENT if sent_word(value) else None


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


__all__ = ["NEVER_SENT", "UNKNOWN_SENT", "never_sent_warning", "sent_meaning", "sent_word"]
