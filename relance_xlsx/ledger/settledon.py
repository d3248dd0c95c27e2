"""When an invoice was paid: a payment date is one only when it is past and no flag denies it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np

from .coded import Coded, object_array
from .columns import ALIASES, header_words
from .grid import Grid
from .paidsaid import future_paid_statuses
from .values import is_empty, parse_flag

_FUTURE_DATE = (
    "date de règlement postérieure à la date du jour : ce n'est pas encore un règlement, la "
    "facture n'est pas tenue pour réglée (une date prévue se met dans une autre colonne)"
)
# A paid amount or flag beside it: neither counted nor denied, the invoice is held.
FUTURE = (
    "date de règlement postérieure à la date du jour : ce n'est pas encore un règlement ; la "
    "facture n'est ni tenue pour réglée ni relancée tant que la date n'est pas corrigée (une "
    "date prévue se met dans une autre colonne, « Date promise »)"
)


def _disagree(flag: str) -> str:
    return (
        f"« {flag} » dit non, mais une date de règlement est donnée : la facture n'est ni tenue "
        "pour réglée ni relancée tant que l'une des deux cellules n'est pas corrigée"
    )


def _flag_wins(flag: str) -> str:
    return (
        f"« {flag} » dit non : cette date n'est pas lue comme un règlement (l'en-tête ne dit pas "
        "clairement une date de règlement) et la facture reste due"
    )


_SETTLEMENT_HEADERS = frozenset(header_words(a) for a in ALIASES["payment_date"])


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def payment_dates(
    grid: Grid, payment_date: Coded, paid_flag: Coded, as_of: dt.date, paid_cell: np.ndarray
) -> tuple[Coded, Coded, np.ndarray]:
    """The payment dates that are payments, the paid flags and amounts they leave: one after
    the run's date is not one yet (a warning on its row), nor is its row's paid amount or
    flag (then the row is held, a problem on it: neither settled nor chased); one beside a
    paid flag saying no holds its row when its header plainly names a settlement date, else
    the flag wins."""
    future_paid_statuses(grid, as_of)  # « Réglée le 15/01/2027 » read on 1 December
    if "payment_date" not in grid.positions:
        return payment_date, paid_flag, paid_cell
    future = payment_date.mask(lambda v: (d := _day(v)) is not None and d > as_of)
    denied = paid_flag.mask(lambda v: v is False) & payment_date.present() & ~future
    raw = grid.raw("payment_date")
    paid = future & ((np.nan_to_num(paid_cell) > 0) | paid_flag.mask(lambda v: v is True))
    for i in np.flatnonzero(future).tolist():
        said = (FUTURE, "error") if paid[i] else (_FUTURE_DATE, "warning")
        grid.problem(i, "payment_date", raw.at(i), *said)
    if future.any():
        paid_cell = np.where(future, np.nan, paid_cell)
        paid_flag = _dropped(paid_flag, future)
    if denied.any():
        # A header that plainly names the settlement date disagrees with the flag: held. Any
        # other is read for a payment only by its words: the flag wins, the invoice is owed.
        clear = header_words(grid.header("payment_date")) in _SETTLEMENT_HEADERS
        flag = grid.header("paid_flag")
        message, severity = (_disagree(flag), "error") if clear else (_flag_wins(flag), "warning")
        for i in np.flatnonzero(denied).tolist():
            grid.problem(i, "payment_date", raw.at(i), message, severity)
    return _dropped(payment_date, future | denied), paid_flag, paid_cell


def _dropped(column: Coded, drop: np.ndarray) -> Coded:
    """The column with the cells of these rows emptied."""
    if not drop.any():
        return column
    values = object_array([*column.values.tolist(), None])
    return Coded(np.where(drop, len(values) - 1, column.codes), values)


# « Soldé », « Soldée ? »: folded, the same words as « Solde » (the balance).
_SETTLED_WORDS = frozenset({"solde", "soldes", "soldee", "soldees"})
_ACCENTED = re.compile(r"sold[éÉ]|soldee", re.IGNORECASE)


def _flag_cell(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value in (0, 1)
    try:
        parse_flag(value)
    except ValueError:
        return False
    return True


def settled_header(header: str) -> str | None:
    """'accented' for « Soldé(e) », 'plain' for « Solde », None for any other header."""
    if header_words(header) not in _SETTLED_WORDS:
        return None
    return "accented" if _ACCENTED.search(header) else "plain"


def settled_flag(grid: Grid) -> None:
    """A « Soldé » column of oui/non or 1/0 is a paid flag (1, oui: settled), never the
    balance owed; 1/0 alone only under the accented « Soldé(e) », « Solde » being a balance."""
    if "balance" not in grid.positions or "paid_flag" in grid.positions:
        return
    kind = settled_header(grid.header("balance"))
    if kind is None:
        return
    cells = [v for v in grid.raw("balance").values.tolist() if not is_empty(v)]
    words = any(isinstance(v, str | bool) for v in cells)
    if cells and all(map(_flag_cell, cells)) and (words or kind == "accented"):
        grid.positions["paid_flag"] = grid.positions.pop("balance")


__all__ = ["FUTURE", "payment_dates", "settled_flag", "settled_header"]
