"""When an invoice was paid: a payment date is one only when it is past and no flag denies it."""

from __future__ import annotations

import datetime as dt

import numpy as np

from .coded import Coded, object_array
from .columns import ALIASES, header_words
from .grid import Grid

_FUTURE = (
    "date de règlement postérieure à la date du jour : ce n'est pas encore un règlement, la "
    "facture n'est pas tenue pour réglée (une date prévue se met dans une autre colonne)"
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


def payment_dates(grid: Grid, payment_date: Coded, paid_flag: Coded, as_of: dt.date) -> Coded:
    """The payment dates that are payments: one after the run's date is not one yet (a warning
    on its row); one beside a paid flag saying no holds its row when its header plainly names
    a settlement date, else the flag wins."""
    if "payment_date" not in grid.positions:
        return payment_date
    future = payment_date.mask(lambda v: (d := _day(v)) is not None and d > as_of)
    denied = paid_flag.mask(lambda v: v is False) & payment_date.present() & ~future
    raw = grid.raw("payment_date")
    for i in np.flatnonzero(future).tolist():
        grid.problem(i, "payment_date", raw.at(i), _FUTURE, "warning")
    if denied.any():
        # A header that plainly names the settlement date disagrees with the flag: held. Any
        # other is read for a payment only by its words: the flag wins, the invoice is owed.
        clear = header_words(grid.header("payment_date")) in _SETTLEMENT_HEADERS
        flag = grid.header("paid_flag")
        message, severity = (_disagree(flag), "error") if clear else (_flag_wins(flag), "warning")
        for i in np.flatnonzero(denied).tolist():
            grid.problem(i, "payment_date", raw.at(i), message, severity)
    drop = future | denied
    if not drop.any():
        return payment_date
    values = object_array([*payment_date.values.tolist(), None])
    return Coded(np.where(drop, len(values) - 1, payment_date.codes), values)


__all__ = ["payment_dates"]
