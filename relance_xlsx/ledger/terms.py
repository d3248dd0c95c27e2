"""Payment terms ("30 jours fin de mois", "Net 30") and the due dates they give."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from .coded import Coded
from .columns import normalise
from .grid import Grid
from .placeholders import IMMEDIATE
from .problems import Problem
from .values import is_empty


@dataclass(frozen=True)
class Terms:
    """Payment terms: days after the invoice date, optionally to the end of the month."""

    days: int
    end_of_month: bool = False
    # « 45 jours fin de mois le 10 »: due on this day of the month after the end of month.
    day_of_month: int | None = None
    # « 30 jours à réception »: counted from the day the client received the invoice.
    from_receipt: bool = False


def parse_terms(value: Any) -> Terms | None:
    """Terms such as '30 jours', '45 jours fin de mois', 'Net 30', 'à réception', 'comptant'."""
    if is_empty(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Terms(int(value))
    text = normalise(value)
    eom = any(w in text for w in ("fin de mois", "fdm", "eom", "end of month", "fm"))
    # « 45 jours fin de mois le 10 », « fin de mois le 15 »: the day comes after « le ».
    on_day = re.search(r"\b(?:le|the|on the)\s+(\d{1,2})\b", text) if eom else None
    rest = text[: on_day.start()] if on_day else text
    m = re.search(r"(\d{1,3})", rest)
    day = int(on_day.group(1)) if on_day else None
    if day is not None and not 1 <= day <= 31:
        raise ValueError("jour du mois impossible dans les conditions de paiement")
    receipt = "reception" in text or "receipt" in text
    if m:
        # « 30 jours à réception de facture »: from the date of receipt when the ledger has
        # it, else from the invoice date (the earlier, prudent one).
        return Terms(int(m.group(1)), eom, day, receipt)
    if any(w in text for w in ("reception", "comptant", "immediat", "on receipt", "cash")):
        return Terms(0, from_receipt=receipt)
    if eom:
        return Terms(0, True, day)
    raise ValueError("conditions de paiement illisibles")


def start_dates(grid: Grid, invoice_date: Coded, terms: Coded, received: Coded) -> Coded:
    """The day each invoice's terms count from: its date of receipt for « à réception »
    terms when the ledger has one, else its invoice date (said once, as a warning)."""
    from_receipt = terms.mask(lambda t: isinstance(t, Terms) and t.from_receipt)
    if not from_receipt.any():
        return invoice_date
    if "receipt_date" not in grid.positions:
        grid.problems.append(
            Problem(
                None,
                grid.header("terms"),
                None,
                "conditions « à réception » comptées depuis la date de facture : le classeur "
                "n'a pas de colonne « Date de réception »",
                "warning",
            )
        )
        return invoice_date
    use = from_receipt & received.present()
    return Coded.of(np.where(use, received.array(), invoice_date.array()))


def immediate_terms(grid: Grid, terms: Coded) -> Coded:
    """The terms with « À réception », « Comptant », « Immédiate » typed in one row of the
    due-date column read as that row's terms (due on the invoice date, review-pubwb6 M6)."""
    if "due_date" not in grid.positions:
        return terms
    cells = grid.cells(grid.positions["due_date"])
    now = np.fromiter((_immediate(v) for v in cells), bool, len(cells))
    if not now.any():
        return terms
    values = np.append(terms.values, [None, None])
    values[-2:] = [Terms(0), Terms(0, from_receipt=True)]
    receipt = np.fromiter((_immediate(v) == 2 for v in cells), bool, len(cells))
    codes = np.where(now, np.where(receipt, len(values) - 1, len(values) - 2), terms.codes)
    values = np.append(values, [None])  # the missing cell's slot stays last
    return Coded(codes, values)


def _immediate(value: Any) -> int:
    """0: not immediate terms; 1: due now (« Comptant »); 2: on receipt (« À réception »)."""
    if not isinstance(value, str) or normalise(value) not in IMMEDIATE:
        return 0
    return 2 if "reception" in normalise(value) or "receipt" in normalise(value) else 1


def end_of_month(day: dt.date) -> dt.date:
    """The last day of the month of a date."""
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


def due_from_terms(invoice_date: dt.date, terms: Terms, method: str) -> dt.date:
    """The due date an invoice's terms give; method says how 'fin de mois' is counted."""
    if not terms.end_of_month:
        return invoice_date + dt.timedelta(days=terms.days)
    if method == "eom_then_add":
        due = end_of_month(invoice_date) + dt.timedelta(days=terms.days)
    else:
        due = end_of_month(invoice_date + dt.timedelta(days=terms.days))
    if terms.day_of_month is None:
        return due
    # « fin de mois le 10 »: the first 10th after that end of month (the last day of a month
    # shorter than the day asked).
    start = due + dt.timedelta(days=1) if due == end_of_month(due) else due
    candidate = _day_in_month(start, terms.day_of_month)
    if candidate < start:
        candidate = _day_in_month(end_of_month(start) + dt.timedelta(days=1), terms.day_of_month)
    return candidate


def _day_in_month(day: dt.date, wanted: int) -> dt.date:
    return day.replace(day=min(wanted, end_of_month(day).day))


__all__ = [
    "Terms",
    "due_from_terms",
    "end_of_month",
    "immediate_terms",
    "parse_terms",
    "start_dates",
]
