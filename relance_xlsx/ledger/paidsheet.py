"""A payments sheet beside the invoice table's own paid column (review-clerk3 H1): a blank
cell says nothing, the sheet says what was received; a typed cell the sheet exceeds holds the
invoice, as do a status « Réglée » the sheet pays less and a sheet paying more than the invoice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..wording import money
from .clients import key_of
from .payer import hold_invoice, mark_held

if TYPE_CHECKING:
    from .payments import PaymentsTable


def blank_rows(frame: pd.DataFrame, hits: list[int], has_paid_column: bool) -> np.ndarray:
    """Which of these rows say nothing of what was paid: all of them without a paid column,
    else those whose paid cell is blank."""
    if not has_paid_column:
        return np.ones(len(hits), dtype=bool)
    if "paid_blank" not in frame:
        return np.zeros(len(hits), dtype=bool)
    return frame["paid_blank"].to_numpy(dtype=bool)[hits]


def settle_from_sheet(
    frame: pd.DataFrame, rows: pd.Index, totals: np.ndarray, tolerance: float, sheet: str
) -> list[str]:
    """What the sheet says was paid, in place, for rows that say nothing of it; an invoice
    the ledger says paid that the sheet pays less, or one the sheet pays more than its
    amount, is held (review-attack-6 §2, §12): the warnings that say so."""
    amount = frame.loc[rows, "amount"].to_numpy(dtype=float)
    invoice = ~frame.loc[rows, "is_credit"].to_numpy(dtype=bool) & (amount > 0)
    said_paid = frame.loc[rows, "is_paid"].to_numpy(dtype=bool) & invoice
    short = said_paid & (totals < amount - tolerance)
    over = invoice & (totals > amount + tolerance)
    # An undated payment counts in what was paid, as one in the ledger's column does:
    # it lowers the base from the start (policy/stretches.py), and settles the invoice.
    frame.loc[rows, "paid"] = totals
    frame.loc[rows, "netted"] = 0.0  # the sheet says what was received
    remaining = np.round(amount - totals, 2)
    remaining = np.where(over, 0.0, remaining)  # never a negative amount owed
    frame.loc[rows, "outstanding"] = remaining
    frame.loc[rows, "is_paid"] = (remaining <= tolerance) & ~frame.loc[rows, "is_credit"]
    frame.loc[rows[over], "is_paid"] = False
    warnings = []
    for i in np.flatnonzero(short | over).tolist():
        said = (_SHORT if short[i] else _OVER).format(
            sheet=sheet, theirs=money(float(totals[i])), amount=money(float(amount[i]))
        )
        row = rows[i]
        mark_held(frame, row, said)
        number, line = frame.loc[row, "invoice"], frame.loc[row, "row"]
        warnings.append(f"Facture n° {number} (ligne {line}) : {said}.")
    return warnings


_SHORT = (
    "la facture est dite réglée ({amount}) par son statut ou sa date de règlement, mais les "
    "règlements de la feuille « {sheet} » ne totalisent que {theirs} : facture non relancée "
    "tant que les deux ne concordent pas ; corrigez le statut ou la feuille"
)
_OVER = (
    "les règlements de la feuille « {sheet} » totalisent {theirs}, plus que le montant de la "
    "facture ({amount}) : le montant réglé dépasse le montant de la facture ; facture non "
    "relancée ni tenue pour réglée tant que la feuille n'est pas corrigée"
)


def disagree(frame: pd.DataFrame, row: Any, sheet: str, theirs: float, mine: float) -> list[str]:
    """Hold an invoice whose payments sheet totals more than its paid cell, in place: never
    chased for the higher amount; the warning that says so (both totals)."""
    said = (
        f"les règlements de la feuille « {sheet} » totalisent {money(theirs)}, la colonne des "
        f"montants réglés {money(mine)} : facture non relancée tant que les deux ne "
        "concordent pas ; corrigez la colonne ou la feuille"
    )
    mark_held(frame, row, said)
    return [f"Facture n° {frame.loc[row, 'invoice']} (ligne {frame.loc[row, 'row']}) : {said}."]


def negative_rows(table: PaymentsTable, shown: int = 5) -> list[str]:
    """A warning per payments row of a negative amount (the first few, then how many more):
    never applied, never silent either (review-attack-6 §16)."""
    amount = table.columns[2]
    column = table.headers[amount] if amount < len(table.headers) else ""
    where = f", colonne « {column} »" if column else ""
    out = [
        f"Feuille « {table.sheet} », ligne {row}{where} : −{money(-value)} pour la facture "
        f"n° {number} : un montant négatif n'est pas un règlement (remboursement, chèque "
        "rejeté ?), la ligne n'est pas prise en compte ; s'il annule un règlement, "
        "supprimez ou corrigez celui-ci dans la feuille."
        for number, row, value in table.negative[:shown]
    ]
    if len(table.negative) > shown:
        out.append(
            f"Feuille « {table.sheet} » : {len(table.negative) - shown} autre(s) ligne(s) "
            "de montant négatif, non prises en compte."
        )
    return out


_REVERSED = (
    "la feuille « {sheet} » porte pour elle un règlement et un montant négatif (chèque "
    "rejeté, remboursement ?) : ce qui reste dû n'est pas sûr ; facture ni relancée ni tenue "
    "pour réglée tant que la feuille n'est pas corrigée"
)


def reversed_held(frame: pd.DataFrame, table: PaymentsTable, keys: list[str]) -> list[str]:
    """Hold, in place, each invoice paid in the sheet that a negative row also names: the
    negative may cancel the payment (review-pubre M2: « Réglée » written after a reversal)."""
    if not table.negative:
        return []
    paid = set(table.payments) | {key for key, *_ in table.undated}
    named = {key_of(number) for number, _, _ in table.negative} & paid
    said = _REVERSED.format(sheet=table.sheet)
    return [hold_invoice(frame, i, said) for i, k in enumerate(keys) if k in named]


__all__ = ["blank_rows", "disagree", "negative_rows", "reversed_held", "settle_from_sheet"]
