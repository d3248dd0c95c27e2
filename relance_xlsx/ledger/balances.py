"""A payments sheet that gives each invoice's balance (« N° facture », « Solde ») and no
paid amount: what is left of each invoice, used as such and said, never dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .clients import key_of
from .columns import match_headers, normalise
from .forecasts import forecast_sheets
from .grouped import MAYBE_SEVERAL
from .numbers import column_mark
from .payments import PaymentsTable, apply_payments, find_payments, forecast
from .receipts import RECEIPT_SHEET_WORDS
from .values import parse_amount

_SEARCH_ROWS = 30
_SHOWN = 5


@dataclass(frozen=True)
class BalancesTable:
    """What is left of each invoice, by invoice key, from a sheet named for payments."""

    sheet: str
    header_row: int  # Excel row number
    header: str  # the balance column's header
    balances: dict[str, float]


Settlements = tuple[PaymentsTable | None, BalancesTable | None, list[str]]


def find_settlements(
    rows_of: Callable[[str, int | None], list[list[Any]]], sheets: list[str]
) -> Settlements:
    """The payments sheet of these sheets, else a sheet named for payments giving balances;
    and what is said of the sheets of planned receipts, never read (forecasts.py)."""
    if not sheets:
        return None, None, []
    payments = find_payments(rows_of, sheets)
    found = None if payments is not None else find_balances(rows_of, sheets)
    planned = forecast_sheets(rows_of, sheets)
    if isinstance(found, PaymentsTable):
        return found, None, planned
    return payments, found, planned


def find_balances(
    rows_of: Callable[[str, int | None], list[list[Any]]], sheets: list[str]
) -> BalancesTable | PaymentsTable | None:
    """The first sheet named for payments whose header has an invoice and a balance column
    (and no paid amount: that one is a payments sheet); or, with a paid amount and no date
    column, its payments, every one undated (deducted and said, never dropped)."""
    for sheet in sheets:
        if not set(normalise(sheet).split()) & RECEIPT_SHEET_WORDS:
            continue
        try:
            head = rows_of(sheet, _SEARCH_ROWS)
        except Exception:  # an unreadable sheet holds no balances
            continue
        for index, row in enumerate(head):
            if forecast(sheet, row):
                continue  # planned payments are no payments (review-nextcase H1)
            pos = match_headers(row, balance_as_amount=False)
            invoice = pos.get("settled_invoice", pos.get("invoice"))
            paid = pos.get("paid", pos.get("amount"))
            dated = {"payment_date", "invoice_date"} & set(pos)
            if invoice is not None and paid is not None and not dated:
                rows = rows_of(sheet, None)[index + 1 :]
                return _undated(sheet, index, (invoice, paid), rows)
            if invoice is None or "balance" not in pos or "paid" in pos:
                continue
            rows = rows_of(sheet, None)[index + 1 :]
            return BalancesTable(
                sheet, index + 1, str(row[pos["balance"]]).strip(),
                _read(rows, invoice, pos["balance"]),
            )  # fmt: skip
    return None


def _undated(
    sheet: str, index: int, columns: tuple[int, int], rows: list[list[Any]]
) -> PaymentsTable:
    """A payments sheet without a date column: each payment read as an undated one."""
    invoice, paid = columns
    mark = column_mark(r[paid] for r in rows if paid < len(r) and isinstance(r[paid], str))
    undated: list[tuple[str, str, int, float]] = []
    grouped: list[tuple[str, int, pd.Timestamp | None, float]] = []
    for number, row in enumerate(rows, start=index + 2):
        if max(columns) >= len(row) or not key_of(row[invoice]):
            continue
        try:
            amount = parse_amount(row[paid], mark)
        except ValueError:
            continue  # a total, a note
        if amount is not None and amount.value > 0:
            if isinstance(row[invoice], str) and MAYBE_SEVERAL.search(row[invoice].strip()):
                grouped.append((row[invoice], number, None, float(amount.value)))
            undated.append(
                (key_of(row[invoice]), str(row[invoice]).strip(), number, float(amount.value))
            )
    found = (invoice, paid, paid)
    return PaymentsTable(
        sheet, index + 1, {}, found, undated=tuple(undated), grouped=tuple(grouped)
    )


def _read(rows: list[list[Any]], invoice: int, balance: int) -> dict[str, float]:
    mark = column_mark(r[balance] for r in rows if balance < len(r) and isinstance(r[balance], str))
    out: dict[str, float] = {}
    for row in rows:
        if max(invoice, balance) >= len(row):
            continue
        key = key_of(row[invoice])
        try:
            left = parse_amount(row[balance], mark)
        except ValueError:
            continue  # a total, a note
        if key and left is not None:
            out[key] = float(left.value)
    return out


def apply_settlements(
    frame: pd.DataFrame,
    found: Settlements,
    positions: dict[str, int],
    tolerance: float,
    as_of: dt.date | None = None,
) -> tuple[str, list[str]]:
    """Apply the payments sheet, or the balances sheet, to the invoices, in place (a payment
    dated after as_of is none yet)."""
    payments, balances, planned = found
    if payments is not None:
        note, said = apply_payments(frame, payments, "paid" in positions, tolerance, as_of)
    elif balances is not None:
        own = bool({"paid", "balance"} & set(positions))
        note, said = apply_balances(frame, balances, own, tolerance)
    else:
        note, said = "", []
    return note, [*planned, *said]


def apply_balances(
    frame: pd.DataFrame, table: BalancesTable, own: bool, tolerance: float
) -> tuple[str, list[str]]:
    """Each invoice's balance from the sheet: what is left of it when the invoice table says
    nothing of payments (own: it does, and a disagreement is warned of)."""
    keys = [key_of(v) for v in frame["invoice"].tolist()]
    hits = [i for i, k in enumerate(keys) if k in table.balances]
    where = f"feuille « {table.sheet} », colonne « {table.header} »"
    if not hits:
        return "", [
            f"La {where} donne le solde de {len(table.balances)} facture(s), mais aucune "
            "n'est une facture du tableau lu : rien n'en est déduit ; vérifiez les numéros."
        ]
    rows = frame.index[hits]
    left = np.array([table.balances[keys[i]] for i in hits])
    amount = frame.loc[rows, "amount"].to_numpy(dtype=float)
    if own:
        mine = frame.loc[rows, "outstanding"].to_numpy(dtype=float)
        off = [i for i, a, b in zip(hits, mine, left, strict=True) if abs(a - b) > tolerance]
        return "", [
            f"Ligne {frame.loc[frame.index[i], 'row']} : la {where} donne un solde de "
            f"{table.balances[keys[i]]:.2f}, le tableau des factures un reste dû de "
            f"{float(frame.loc[frame.index[i], 'outstanding']):.2f} ; le tableau des "
            "factures est gardé, vérifiez."
            for i in off[:_SHOWN]
        ]
    sound = (left >= -tolerance) & (left <= amount + tolerance)
    rows, left, amount = rows[sound], left[sound], amount[sound]
    frame.loc[rows, "paid"] = np.round(amount - left, 2)
    frame.loc[rows, "netted"] = 0.0  # the sheet says what was received
    frame.loc[rows, "outstanding"] = left
    frame.loc[rows, "is_paid"] = (left <= tolerance) & ~frame.loc[rows, "is_credit"]
    note = (
        f"Soldes : {where} (en-têtes en ligne {table.header_row}), reste dû de "
        f"{len(rows)} facture(s) ; montant réglé = montant − solde."
    )
    warnings = [
        f"La {where} donne le solde des factures sans date de règlement : ce qui a été "
        "réglé est compté comme reçu dès l'échéance (pas de pénalités sur la part réglée) ; "
        "ajoutez les colonnes « Montant réglé » et « Date règlement » pour les calculer."
    ]
    if not sound.all():
        warnings.append(
            f"La {where} donne pour {int((~sound).sum())} facture(s) un solde négatif ou "
            "supérieur au montant : il n'est pas repris, vérifiez."
        )
    return note, warnings


__all__ = ["BalancesTable", "apply_settlements", "find_balances", "find_settlements"]
