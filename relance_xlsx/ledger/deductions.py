"""What is deducted from an invoice's amount before it is claimed: a deposit or a credit note
already applied (« Acompte versé », « Avoir imputé »), read as the paid amount is, and a
retention withheld until its release (« Retenue de garantie »), never chased before it."""

from __future__ import annotations

import re

import numpy as np

from .coded import parse_amounts
from .grid import Grid

_RATE = "un pourcentage, pas un montant"
# « 30 % », « 5% », « 2,5 % »: a rate typed where an amount is expected.
_RATE_TEXT = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*%\s*$")

_BOTH = (
    "un acompte (ou un avoir imputé) et un montant réglé sont remplis tous les deux : on ne sait "
    "pas si le montant réglé comprend déjà l'acompte ; la facture n'est pas relancée tant que "
    "la ligne n'est pas corrigée (portez tout ce qui a été reçu dans une seule des colonnes)"
)


_BELOW = (
    "le reste dû (ou net à payer) est inférieur au montant moins le montant réglé : l'une des "
    "deux colonnes n'est pas à jour ; la facture n'est pas relancée tant que la ligne n'est "
    "pas corrigée"
)


def deducted(grid: Grid, paid_cell: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """The paid amounts with the deposits and credits applied (« Acompte versé »): they count
    as paid; a row where both a paid amount and a deposit are filled is a problem, held, as is
    one whose balance (« Net à payer ») is below its amount less what was paid."""
    _below_balance(grid, paid_cell, amount)
    fields = [f for f in ("deduction", "credit_applied") if f in grid.positions]
    if not fields:
        return paid_cell
    # « -400 » deducts 400 as well; a deposit and a credit applied on one row both count.
    each = np.vstack([np.abs(_amounts(grid, f)) for f in fields])
    deposit = np.where(np.isnan(each).all(axis=0), np.nan, np.nansum(each, axis=0))
    if "paid" not in grid.positions:
        return deposit
    for field, column in zip(fields, each, strict=True):
        both = (np.nan_to_num(paid_cell) > 0) & (np.nan_to_num(column) > 0)
        raw = grid.raw(field)
        for i in np.flatnonzero(both).tolist():
            grid.problem(i, field, raw.at(i), _BOTH)
    return np.where(np.isnan(paid_cell), deposit, paid_cell)


def applied_credits(grid: Grid) -> np.ndarray:
    """The credit note applied to each invoice (« Avoir imputé »), 0 where none: part of what
    is paid, never said received."""
    if "credit_applied" not in grid.positions:
        return np.zeros(len(grid))
    return np.round(np.nan_to_num(np.abs(_amounts(grid, "credit_applied", False))), 2)


def deducted_columns(
    grid: Grid, paid: np.ndarray, paid_cell: np.ndarray, outstanding: np.ndarray
) -> dict[str, np.ndarray]:
    """What of each invoice's paid amount no payment shows: the credit note applied
    (« applied »), and the gap a balance (« Net à payer ») leaves under the amount with no paid
    column nor deposit to say it was received (« netted »): deducted, never said received;
    whether nothing says what was paid (« paid_blank »)."""
    netted = np.zeros(len(paid))
    if "balance" in grid.positions and "paid" not in grid.positions:
        gap = np.clip(np.nan_to_num(paid) - np.nan_to_num(paid_cell), 0, None)
        netted = np.where(np.nan_to_num(outstanding) > 0.005, np.round(gap, 2), 0.0)
    blank = np.isnan(paid_cell) & (np.nan_to_num(paid) == 0)  # nothing says what was paid
    return {"applied": applied_credits(grid), "netted": netted, "paid_blank": blank}


def _below_balance(grid: Grid, paid_cell: np.ndarray, amount: np.ndarray) -> None:
    """A balance below the amount less the paid one: which column is right is unknown, so the
    row is held rather than claimed for more than its balance."""
    if "balance" not in grid.positions or "paid" not in grid.positions:
        return
    balance = grid.parse_amounts("balance")[0]
    left = amount - np.nan_to_num(paid_cell)
    below = (amount > 0) & (balance > 0) & (balance < np.round(left - 0.01, 2))
    raw = grid.raw("balance")
    for i in np.flatnonzero(below).tolist():
        grid.problem(i, "balance", raw.at(i), _BELOW)


def withheld(
    grid: Grid, outstanding: np.ndarray, is_credit: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """What is still owed now, without the retention (« Retenue de garantie »: not due before
    its release), and the retention each invoice withholds (0 where none)."""
    if "retention" not in grid.positions:
        return outstanding, np.zeros(len(outstanding))
    retention = np.nan_to_num(np.abs(_amounts(grid, "retention")))
    retention = np.where(is_credit, 0.0, retention)
    kept = np.round(np.minimum(retention, np.clip(np.nan_to_num(outstanding), 0, None)), 2)
    return np.round(outstanding - kept, 2), kept


def _amounts(grid: Grid, field: str, said: bool = True) -> np.ndarray:
    """A deduction's amounts (NaN where none); a cell holding a percentage (« 30 % », or a
    number Excel shows as one) is a problem, never read as euros (said: report problems)."""
    raw = grid.raw(field)
    rate = raw.mask(lambda v: isinstance(v, str) and bool(_RATE_TEXT.match(v)))
    rate |= np.isin(grid.numbers, sorted(grid.percent_rows.get(field, ())))
    numbers, _, reasons = parse_amounts(raw)
    if said:
        for i in np.flatnonzero(rate).tolist():
            grid.problem(i, field, raw.at(i), _RATE)
        for i in np.flatnonzero(reasons.present() & ~rate).tolist():
            grid.problem(i, field, raw.at(i), str(reasons.at(i)))
    return np.where(rate, np.nan, numbers)


__all__ = ["applied_credits", "deducted", "deducted_columns", "withheld"]
