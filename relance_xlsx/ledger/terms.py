"""Payment terms ("30 jours fin de mois", "Net 30") and the due dates they give."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .columns import normalise
from .values import is_empty


@dataclass(frozen=True)
class Terms:
    """Payment terms: days after the invoice date, optionally to the end of the month."""

    days: int
    end_of_month: bool = False


def parse_terms(value: Any) -> Terms | None:
    """Terms such as '30 jours', '45 jours fin de mois', 'Net 30', 'à réception', 'comptant'."""
    if is_empty(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Terms(int(value))
    text = normalise(value)
    if any(w in text for w in ("reception", "comptant", "immediat", "on receipt", "cash")):
        return Terms(0)
    eom = any(w in text for w in ("fin de mois", "fdm", "eom", "end of month", "fm"))
    m = re.search(r"(\d{1,3})", text)
    if m:
        return Terms(int(m.group(1)), eom)
    if eom:
        return Terms(0, True)
    raise ValueError("conditions de paiement illisibles")


def end_of_month(day: dt.date) -> dt.date:
    """The last day of the month of a date."""
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


def due_from_terms(invoice_date: dt.date, terms: Terms, method: str) -> dt.date:
    """The due date an invoice's terms give; method says how 'fin de mois' is counted."""
    if not terms.end_of_month:
        return invoice_date + dt.timedelta(days=terms.days)
    if method == "eom_then_add":
        return end_of_month(invoice_date) + dt.timedelta(days=terms.days)
    return end_of_month(invoice_date + dt.timedelta(days=terms.days))


__all__ = ["Terms", "due_from_terms", "end_of_month", "parse_terms"]
