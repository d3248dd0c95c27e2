"""An advance invoice typed « Acompte » (a « facture d'acompte »): chased as an invoice, never
read as money received (review-nextcase H3)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import numpy as np

from .coded import parse_amounts
from .columns import normalise
from .freetext import said_received
from .grid import Grid
from .values import parse_date

# « Acompte », « Acompte 30 % »: an advance; « Acompte reçu », « versé »: money received.
_ADVANCE = re.compile(r"^acomptes?\b")
_RECEIVED = re.compile(r"\b(?:recus?|recues?|verses?|versees?|encaisses?|encaissees?|regles?)\b")
# The letters an invoice number opens with (« F » of « F2026-105 », « FA » of « FA0101 »).
_PREFIX = re.compile(r"^([a-z]*)\s*\d")

ADVANCE_NOTE = (
    "le type dit « Acompte », mais la ligne a son numéro de facture et son échéance : elle est "
    "lue comme une facture d'acompte, relancée si elle est due (un acompte reçu se saisit en "
    "montant négatif ou avec le type « Acompte reçu »)"
)


def _advance_word(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    word = normalise(value)
    return bool(_ADVANCE.match(word)) and not _RECEIVED.search(word)


def _prefix(value: Any) -> str | None:
    found = _PREFIX.match(normalise(str(value))) if value not in (None, "") else None
    return None if found is None else found.group(1)


def _day(value: Any) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def kind_advances(grid: Grid) -> np.ndarray:
    """Rows typed « Acompte » that are advance invoices: a positive amount, a number opening
    as the ledger's other invoices' do, a due date after the invoice's date."""
    found = np.zeros(len(grid), dtype=bool)
    if not {"doc_type", "invoice", "due_date", "amount"} <= set(grid.positions):
        return found
    typed = grid.raw("doc_type").mask(_advance_word)
    if not typed.any():
        return found
    typed &= ~said_received(grid)  # « acompte non imputé », « reçu »: money received
    invoice = grid.raw("invoice")
    usual = Counter(_prefix(invoice.at(i)) for i in np.flatnonzero(~typed).tolist()[:1000])
    common = usual.most_common(1)[0][0] if usual else None
    amounts = parse_amounts(grid.raw("amount"))[0]
    due, dated = grid.raw("due_date"), grid.raw("invoice_date")
    for i in np.flatnonzero(typed & (amounts > 0)).tolist():
        own = _prefix(invoice.at(i))
        day, issued = _day(due.at(i)), _day(dated.at(i))
        if own is None or own != common or day is None:
            continue
        found[i] = issued is None or day > issued
    return found


__all__ = ["ADVANCE_NOTE", "kind_advances"]
