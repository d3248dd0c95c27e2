"""A « Sent » / « Envoyée » column (Xero's Invoices export): « Not Sent », « Non envoyée »,
« Non » say the invoice was not sent from the software (review-pubwb8 H4). Xero marks only
the invoices sent from Xero: an approved invoice (« AUTHORISED ») printed or mailed elsewhere
is « Not Sent » too, so a status saying it is issued and open wins and it is chased; with no
such status the invoice is held with a warning naming the cell, never dropped as a draft
(review-pubre H4)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .reminded import SENT_ANYWAY
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


def paid_not_held(grid: Any, holds: dict[str, Any], settled: Any) -> dict[str, Any]:
    """The holds, a settled invoice released from « non envoyée » (its warning dropped) or
    from a draft's status beside a reminder: paid wins, « Réglée » is what its row says
    (review-pubre2 M1)."""
    settled = np.asarray(settled, dtype=bool)
    unsent = (NEVER_SENT, SENT_ANYWAY.split(" (")[0])
    if said := {p.row for p in grid.problems if p.message.startswith(unsent)}:
        paid = set(grid.numbers[settled & np.isin(grid.numbers, list(said))].tolist())
        grid.problems[:] = [
            p for p in grid.problems if not (p.row in paid and p.message.startswith(unsent))
        ]
    reason = np.array(holds["hold_reason"], dtype=object)
    heads = (NEVER_SENT.split(" : ")[0], "mais une relance est enregistrée")  # reminded.py
    rows = np.zeros(len(reason), dtype=bool)
    for i in np.flatnonzero(np.asarray(holds["hold"], dtype=bool) & settled).tolist():
        rows[i] = isinstance(reason[i], str) and any(h in reason[i] for h in heads)
    if not rows.any():
        return holds
    reason[rows] = None
    return {**holds, "hold": np.array(holds["hold"], dtype=bool) & ~rows, "hold_reason": reason}


__all__ = [
    "NEVER_SENT",
    "UNKNOWN_SENT",
    "never_sent_warning",
    "paid_not_held",
    "sent_meaning",
    "sent_word",
]
