"""Cells that only say « nothing yet »: a dash, « N/A », « néant », « ? » (and « 0 » in a date
column; « Non payée », « en attente » in a payment column) are empty cells (review-pubwb6 H1)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .coded import Coded
from .columns import normalise

# What exports and offices write for « not yet »: a dash of any length, N/A, néant, / or ?.
_MARKS = frozenset({"-", "--", "---", "–", "—", "―", "−", "/", "?", "??", "…", "...", "."})
_WORDS = frozenset({"n a", "na", "n d", "nd", "neant", "none", "null", "nan", "undefined"})
_WORDS_CASE = frozenset({"n/a", "#n/a", "n.a.", "n/d"})
# Text saying the invoice is not paid yet, in a column of payment dates or amounts paid.
_UNPAID = frozenset(
    {"non payee", "non paye", "non reglee", "non regle", "non encaissee", "non encaisse"}
    | {"en attente", "en attente de paiement", "en attente de reglement", "impayee", "impaye"}
    | {"pas encore", "pas encore payee", "pas encore reglee", "unpaid", "not paid"}
    | {"pending", "a venir"}
)
# Due on the invoice date, typed in one row of an « Échéance » column of dates (M6): no date
# (terms.immediate_terms reads it as terms of 0 days).
IMMEDIATE = frozenset(
    {"a reception", "reception", "des reception", "a reception de facture", "comptant"}
    | {"paiement comptant", "paiement a reception", "immediat", "immediate", "paiement immediat"}
    | {"on receipt", "upon receipt", "due on receipt", "due upon receipt", "cash", "immediately"}
)
# Fields whose placeholders are empty cells; those of payments also take the unpaid words,
# those of dates « 0 ».
DATE_FIELDS = frozenset(
    {"payment_date", "reminder_date", "due_date", "stage_1", "stage_2", "stage_notice"}
)
PAYMENT_FIELDS = frozenset({"payment_date", "paid"})
# A « Payée le » cell holding oui/non (review-nextcase2 M4): no date; « oui » is paid, its date
# unknown (said_paid_yes), « non » not paid.
_YES = frozenset({"oui", "o", "yes", "y", "x", "vrai", "true"})
_NO = frozenset({"non", "n", "no", "faux", "false"})
BLANKED = DATE_FIELDS | PAYMENT_FIELDS


def is_placeholder(value: Any, field: str = "") -> bool:
    """Whether a cell of this field says nothing but « not yet » (and so is empty)."""
    if field in DATE_FIELDS and not isinstance(value, bool) and value in (0, "0"):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text or len(text) > 40:
        return False
    if text in _MARKS or text.lower() in _WORDS_CASE:
        return True
    word = normalise(text)
    return (
        word in _WORDS
        or (field in PAYMENT_FIELDS and word in _UNPAID)
        or (field == "payment_date" and word in _YES | _NO)
        or (field == "due_date" and word in IMMEDIATE)
    )


def blanked(column: Coded, field: str) -> Coded:
    """The column with its placeholder cells made missing (the same column when none)."""
    if field not in BLANKED:
        return column
    blank = np.fromiter((is_placeholder(v, field) for v in column.values), bool, len(column.values))
    if not blank.any():
        return column
    missing = len(column.values) - 1
    if column.values[missing] is not None:  # a plain column has no missing slot: add one
        values = np.empty(len(column.values) + 1, dtype=object)
        values[:-1] = column.values
        column, missing = Coded(column.codes, values), len(column.values)
        blank = np.append(blank, False)
    codes = np.where(blank[column.codes], missing, column.codes)
    return Coded(codes, column.values)


def said_paid_yes(cells: np.ndarray) -> np.ndarray:
    """Rows of a payment date column that say « oui » instead of a date: paid, date unknown."""
    return np.fromiter(
        (isinstance(v, str) and normalise(v.strip()) in _YES for v in cells), bool, len(cells)
    )


__all__ = ["BLANKED", "IMMEDIATE", "blanked", "is_placeholder", "said_paid_yes"]
