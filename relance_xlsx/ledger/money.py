"""What each invoice is owed: its amount, what was paid, what remains, and credit notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from .advances import ADVANCE_NOTE, kind_advances
from .coded import Coded
from .grid import Grid
from .kinds import kind_credits, kind_payments
from .paidsaid import paid_status_unpaid
from .placeholders import said_paid_yes
from .standing import Standing
from .statuses import CREDIT, PAID, status_partial
from .told import told_against_cell, told_paid
from .values import is_empty, parse_flag

_CREDIT_RE = re.compile(r"\bavoir\b|\bcredit note\b", re.I)
# A description names a credit note only as the document's kind, in its first words
# (« Avoir sur facture F12 », « AVOIR n° 3 », « - Credit note »): elsewhere « avoir » is as
# often the verb (« après avoir raté le vol ») or the cancelled invoice's own note
# (« facture annulée par l'avoir n°114 »).
_KIND_RE = re.compile(r"^[\W_]*(?:avoirs?|cr[eé]dit\s+note|note\s+de\s+cr[eé]dit)\b", re.I)

_MENTION = (
    "le libellé parle d'un « avoir » mais le montant est positif : la ligne est lue comme une "
    "facture, relancée si elle est due ; pour un vrai avoir, saisissez un montant négatif ou "
    "le statut « Avoir » (ou un libellé qui commence par « Avoir »)"
)

# An « Acompte » typed positive is money received all the same: never chased as an invoice.
_RECEIVED = (
    "le type dit un règlement reçu (acompte, règlement, escompte), pas une facture : le "
    "montant positif est lu comme un règlement non imputé en faveur du client, jamais relancé"
)


def credits(
    grid: Grid, amount: np.ndarray, standing: Standing, invoice: Coded, objects: Coded
) -> tuple[np.ndarray, np.ndarray]:
    """Which rows are credit notes (a negative amount, the status, the document type, « Avoir »
    in the invoice number or opening the description), and the amounts with every credit note
    negative.

    A description that only mentions an « avoir » further on, with a positive amount, leaves
    the row an invoice and is a warning on its row.
    """
    is_credit = (amount < 0) | standing.rows(CREDIT) | _says_credit(invoice, _names_credit)
    is_credit |= _says_credit(objects, _opens_with_credit) | kind_credits(grid)
    mentions = ~is_credit & (amount > 0) & _says_credit(objects, _names_credit)
    for i in np.flatnonzero(mentions).tolist():
        grid.problem(i, "object", objects.at(i), _MENTION, "warning")
    for i in np.flatnonzero(kind_payments(grid) & (amount > 0)).tolist():
        grid.problem(i, "amount", float(amount[i]), _RECEIVED, "warning")
    for i in np.flatnonzero(kind_advances(grid)).tolist():
        grid.problem(i, "doc_type", grid.raw("doc_type").at(i), ADVANCE_NOTE, "warning")
    return is_credit, np.where(is_credit & (amount > 0), -amount, amount)


def settle(
    grid: Grid,
    amount: np.ndarray,
    paid_cell: np.ndarray,
    is_credit: np.ndarray,
    payment_date: Coded,
    paid_flag: Coded,
    standing: Standing,
) -> tuple[np.ndarray, np.ndarray]:
    """What was paid and what is still owed (a credit note owes its own negative amount)."""
    told = told_paid(grid, amount, is_credit)  # « Acompte reçu 300 € », « reste 200 € »
    paid = np.nan_to_num(told_against_cell(grid, told, paid_cell), nan=0.0)
    # Fully paid: amount covered, a payment date (or « oui » under « Payée le ») with no paid
    # column, a flag or a status (« Payé 300 € » on a 1 200 € invoice is paid in part).
    settled = (
        paid_flag.mask(lambda v: v is True)
        | (standing.rows(PAID) & ~(told < amount))
        | ((payment_date.present() | _said_yes(grid)) & ("paid" not in grid.positions))
    )
    flagged = paid_flag.mask(lambda v: v is True) | (standing.rows(PAID) & ~(told < amount))
    paid_status_unpaid(grid, flagged & ~is_credit, paid_cell, payment_date.present(), amount)
    known = np.zeros(len(amount), dtype=bool)
    if "balance" in grid.positions and "paid" not in grid.positions:
        # What is still owed gives what was paid, when it is within the amount: a larger one
        # adds charges (a service charge, interest) that the amount column does not hold.
        # A credit note or an advance keeps what is left of it to use (an aging export's
        # « Outstanding value » -27 000 under an original -1 547 000).
        balance = grid.parse_amounts("balance")[0]
        within = np.where(amount < 0, (balance <= 0) & (balance >= amount), balance <= amount)
        known = ~np.isnan(balance) & ((balance >= 0) | (amount < 0)) & within
        paid = np.where(known, np.round(amount - np.nan_to_num(balance), 2), paid)
    paid = np.where(settled, np.clip(amount, 0, None), paid)
    outstanding = np.where(is_credit & ~known, amount, np.round(amount - paid, 2))
    return paid, outstanding


def _said_yes(grid: Grid) -> np.ndarray | bool:
    pos = grid.positions.get("payment_date")
    return False if pos is None or pos >= grid.width else said_paid_yes(grid.cells(pos))


_PARTIAL_UNKNOWN = (
    "facture partiellement réglée d'après son statut, mais aucune colonne « Montant réglé » ni "
    "« Reste dû » ne dit combien : le reste dû est inconnu, non relancée (ajoutez la colonne "
    "du montant réglé, ou corrigez le statut)"
)


def unknown_balances(
    grid: Grid,
    outstanding: np.ndarray,
    amounts: tuple[np.ndarray, np.ndarray],
    is_credit: np.ndarray,
) -> None:
    """A partly paid status with no paid amount (its cell empty) nor balance (nor one written
    in the status): the row is a problem, never chased for its full amount."""
    if "balance" in grid.positions:
        return
    amount, paid_cell = amounts
    unknown = np.isnan(told_paid(grid, amount, is_credit)) & np.isnan(paid_cell)
    unknown &= outstanding > 0
    for field in ("status", "payment_status", "platform_status"):
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        for i in np.flatnonzero(raw.mask(status_partial) & unknown).tolist():
            grid.problem(i, field, raw.at(i), _PARTIAL_UNKNOWN)


def access_flags(numbers: np.ndarray) -> bool:
    """Whether numbers are 0 and -1 only, with some -1: Access's and VBA's yes/no."""
    return (
        bool(len(numbers))
        and bool(((numbers == 0) | (numbers == -1)).all())
        and bool((numbers == -1).any())
    )


_FLAG_VALUES = 6
_NEGATIVE_PAID = (
    "montant réglé négatif : un règlement s'écrit en positif (ou la colonne est un oui/non) ; "
    "la facture n'est pas relancée tant que la cellule n'est pas corrigée"
)


def negative_paid(grid: Grid, paid_cell: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """A negative paid amount on an invoice is a problem on its row, which is then held, and
    is not taken as paid: read as is it would raise what is owed above the invoice (a credit
    note's own negative amount paid is no problem)."""
    negative = (paid_cell < 0) & ~(amount < 0)
    if not negative.any():
        return paid_cell
    raw = grid.raw("paid")
    for i in np.flatnonzero(negative).tolist():
        grid.problem(i, "paid", raw.at(i), _NEGATIVE_PAID)
    return np.where(negative, np.nan, paid_cell)


def paid_amounts(grid: Grid) -> np.ndarray:
    """Amounts paid (NaN where none); a 'paid' column of oui/non (or of 0 and -1, as Access
    writes them, or of TRUE and FALSE) is read as a paid flag."""
    if "paid" in grid.positions:
        # Floats first: nearly every cell of the column is one, and none is a flag word. The
        # other cells are looked at in the rows' order, without a copy of the whole column.
        raw = grid.raw("paid")
        other = np.fromiter((v.__class__ is not float for v in raw.values), bool, len(raw.values))
        cells = raw.values[raw.codes[other[raw.codes]]].tolist()
        texts = [v for v in cells if isinstance(v, str) and v.strip()]
        if texts and sum(map(_is_flag_word, texts)) > len(texts) / 2:
            grid.positions.setdefault("paid_flag", grid.positions.pop("paid"))
            return np.full(len(grid), np.nan)
        # A yes/no has few distinct cells: 0, -1 and empty ones.
        values = raw.values.tolist() if len(raw.values) <= _FLAG_VALUES else []
        numbers = [v for v in values if isinstance(v, int | float)]
        flags = bool(numbers) and all(isinstance(v, bool) for v in numbers)  # TRUE / FALSE
        if len(numbers) + sum(map(is_empty, values)) == len(values) and (
            (flags or access_flags(np.array(numbers, dtype=float)))
            and "paid_flag" not in grid.positions
        ):
            grid.positions["paid_flag"] = grid.positions.pop("paid")
            return np.full(len(grid), np.nan)
    return grid.parse_amounts("paid")[0]


def parse_paid_flag(value: Any) -> bool | None:
    """A paid flag: yes/no, 1/0, -1/0 (Access); any other number is an amount, which never
    settles a row."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value not in (0, 1, -1):
        raise ValueError("un montant, pas oui/non : la facture n'est pas marquée réglée")
    return parse_flag(value)


def _is_flag_word(value: Any) -> bool:
    try:
        parse_flag(value)
    except ValueError:
        return False
    return True


def _says_credit(column: Coded, test: Callable[[Any], bool]) -> np.ndarray:
    """Rows whose text passes a test for a credit note ("Avoir", "Credit note")."""
    # One search through all the texts first: most ledgers have no such word at all.
    texts = "\x00".join([v for v in column.values if v.__class__ is str]).lower()
    if "avoir" not in texts and "credit" not in texts and "crédit" not in texts:
        return np.zeros(len(column), dtype=bool)
    return column.mask(test)


def _names_credit(text: Any) -> bool:
    # The substring test rules out almost every invoice number before the regex runs.
    if not isinstance(text, str):
        return False
    lower = text.lower()
    return ("avoir" in lower or "credit" in lower) and bool(_CREDIT_RE.search(text))


def _opens_with_credit(text: Any) -> bool:
    return isinstance(text, str) and bool(_KIND_RE.match(text))


__all__ = [
    "access_flags",
    "credits",
    "negative_paid",
    "paid_amounts",
    "parse_paid_flag",
    "settle",
    "unknown_balances",
]
