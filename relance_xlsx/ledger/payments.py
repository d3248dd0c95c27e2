"""A payments sheet (invoice number, date, amount): every payment of each invoice, dated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from ..wording import money
from .clients import key_of
from .columns import match_headers, normalise
from .grouped import MAYBE_SEVERAL, split_grouped
from .numbers import column_mark
from .paidsheet import blank_rows, disagree, negative_rows, reversed_held, settle_from_sheet
from .payer import hold_invoice, other_client_held, unknown_invoices
from .settledon import FUTURE
from .values import parse_amount, parse_date

_SEARCH_ROWS = 30
_SHEET_WORDS = ("reglement", "paiement", "payment", "encaissement", "versement", "receipt")
_SHOWN = 5
# A forecast (« Encaissements prévus », « Date prévue »): planned payments are no payments.
_PLANNED = frozenset(
    {"prevu", "prevue", "prevus", "prevues", "prevision", "previsions", "previsionnel"}
    | {"previsionnels", "previsionnelle", "previsionnelles", "attendu", "attendue", "attendus"}
    | {"attendues", "planned", "expected", "forecast", "forecasts", "estime", "estimes"}
)
# An undated payment of a client in collective proceedings may postdate the judgment.
_AFTER_JUDGMENT = (
    " Client en procédure collective : s'il a été reçu après le jugement d'ouverture, il ne "
    "se déduit pas de la créance à déclarer (Code de commerce L622-7)."
)


@dataclass(frozen=True)
class PaymentsTable:
    """The payments of a sheet, by invoice key: (date, amount) in date order."""

    sheet: str
    header_row: int
    payments: dict[str, tuple[tuple[pd.Timestamp, float], ...]]
    # (invoice, date, amount) positions, 0-based, and the header texts (for a write-back)
    columns: tuple[int, int, int] = (0, 1, 2)
    headers: tuple[str, ...] = ()
    # rows without a date: (invoice key, number as typed, sheet row, amount), never dropped
    undated: tuple[tuple[str, str, int, float], ...] = ()
    # rows that may name several invoices: (as typed, sheet row, date or None, amount)
    grouped: tuple[tuple[str, int, pd.Timestamp | None, float], ...] = ()
    # invoice key -> (sheet row, client named) of rows under a client column (payer.py)
    payers: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # invoice key -> (its number as typed, the sheet rows naming it)
    typed: dict[str, tuple[str, list[int]]] = field(default_factory=dict)
    # rows of a negative amount, never applied: (number as typed, sheet row, amount)
    negative: tuple[tuple[str, int, float], ...] = ()


def forecast(sheet: str, row: list[Any]) -> bool:
    """Whether a sheet lists planned payments, never received ones: its name says so
    (« Encaissements prévus ») or a date column does (« Date prévue ») (review-nextcase H1)."""
    if set(normalise(sheet).split()) & _PLANNED:
        return True
    heads = [set(normalise(v).split()) for v in row if isinstance(v, str)]
    return any("date" in words and words & _PLANNED for words in heads)


def _columns(sheet: str, row: list[Any]) -> tuple[int, int, int] | None:
    """(invoice, date, amount) columns of a payments header row, or None."""
    if forecast(sheet, row):
        return None
    positions = match_headers(row)
    # « Facture réglée » names the invoice a payment settles; « N° pièce » is the receipt's.
    invoice = positions.get("settled_invoice", positions.get("invoice"))
    date = positions.get("payment_date", positions.get("invoice_date"))
    amount = positions.get("paid", positions.get("amount"))
    if invoice is None or date is None or amount is None:
        return None
    named = any(w in normalise(sheet) for w in _SHEET_WORDS)
    if not (named or "payment_date" in positions) or "due_date" in positions:
        return None
    return invoice, date, amount


def find_payments(
    rows_of: Callable[[str, int | None], list[list[Any]]], sheets: list[str]
) -> PaymentsTable | None:
    """The first payments table of these sheets (named for payments, or « Date règlement »)."""
    for sheet in sheets:
        try:
            head = rows_of(sheet, _SEARCH_ROWS)
        except Exception:  # an unreadable sheet holds no payments
            continue
        for index, row in enumerate(head):
            found = _columns(sheet, row)
            if found is not None:
                client = match_headers(row).get("client")
                table = _read(sheet, index, found, rows_of(sheet, None)[index + 1 :], client)
                texts = tuple("" if v in (None, "") else str(v).strip() for v in row)
                return replace(table, columns=found, headers=texts)
    return None


def _read(
    sheet: str,
    index: int,
    columns: tuple[int, int, int],
    rows: list[list[Any]],
    client: int | None = None,
) -> PaymentsTable:
    invoice, date, amount = columns
    payers: dict[str, list[tuple[int, str]]] = {}
    seen: dict[str, tuple[str, list[int]]] = {}
    out: dict[str, list[tuple[pd.Timestamp, float]]] = {}
    undated: list[tuple[str, str, int, float]] = []
    grouped: list[tuple[str, int, pd.Timestamp | None, float]] = []
    negative: list[tuple[str, int, float]] = []
    # « 1.500 » takes the decimal mark the column's other text amounts show.
    mark = column_mark(r[amount] for r in rows if amount < len(r) and isinstance(r[amount], str))
    for number, row in enumerate(rows, start=index + 2):
        if max(columns) >= len(row):
            continue
        key = key_of(row[invoice])
        try:
            paid = parse_amount(row[amount], mark)
        except ValueError:
            continue  # not a payment line (a total, a note)
        if key and paid is not None and paid.value < 0:
            negative.append((str(row[invoice]).strip(), number, float(paid.value)))
        if not key or paid is None or paid.value <= 0:
            continue
        day = _day(row[date])
        typed = row[invoice]
        seen.setdefault(key, (str(typed).strip(), []))[1].append(number)
        if client is not None and client < len(row) and str(row[client] or "").strip():
            payers.setdefault(key, []).append((number, str(row[client]).strip()))
        if isinstance(typed, str) and MAYBE_SEVERAL.search(typed.strip()):
            stamp = None if day is None else pd.Timestamp(day)
            grouped.append((typed, number, stamp, float(paid.value)))
        if day is not None:
            out.setdefault(key, []).append((pd.Timestamp(day), float(paid.value)))
        else:  # an amount paid on an invoice without a readable date is a payment all the same
            undated.append((key, str(row[invoice]).strip(), number, float(paid.value)))
    dated = {k: tuple(sorted(v)) for k, v in out.items()}
    return PaymentsTable(
        sheet,
        index + 1,
        dated,
        undated=tuple(undated),
        grouped=tuple(grouped),
        payers=payers,
        typed=seen,
        negative=tuple(negative),
    )


def _day(value: Any) -> dt.date | None:
    """The date of a payment row; None when blank or unreadable."""
    try:
        return parse_date(value)
    except ValueError:
        return None


def apply_payments(
    frame: pd.DataFrame,
    table: PaymentsTable,
    has_paid_column: bool,
    tolerance: float,
    as_of: dt.date | None = None,
) -> tuple[str, list[str]]:
    """Give each invoice its payments, in place: dates for the interest, the last one for
    prescription, and what was paid when the invoice table has no paid column. A payment
    dated after as_of is none yet: its invoice is held, as in the ledger's own column."""
    keys = [key_of(v) for v in frame["invoice"].tolist()]
    table, late = split_grouped(frame, table, keys, tolerance)
    if as_of is not None:
        table, future = _future_held(frame, table, keys, as_of)
        late += future
    table, others = other_client_held(frame, table, keys)
    late += others + unknown_invoices(table, keys) + negative_rows(table)
    late += reversed_held(frame, table, keys)
    undated: dict[str, float] = {}
    for key, _, _, amount in table.undated:
        undated[key] = undated.get(key, 0.0) + amount
    hits = [i for i, k in enumerate(keys) if k in table.payments or k in undated]
    warnings: list[str] = late
    if not hits:
        return "", warnings
    dated = [i for i in hits if keys[i] in table.payments]
    if dated:
        rows = frame.index[dated]
        found = [table.payments[keys[i]] for i in dated]
        frame.loc[rows, "payments"] = pd.Series(found, index=rows, dtype=object)
        frame.loc[rows, "payment_date"] = [p[-1][0] for p in found]
    rows = frame.index[hits]
    totals = np.array(
        [
            round(sum(a for _, a in table.payments.get(keys[i], ())) + undated.get(keys[i], 0), 2)
            for i in hits
        ]
    )
    blank = blank_rows(frame, hits, has_paid_column)
    said = [i for i, b in zip(hits, blank, strict=True) if not b]
    if blank.any():
        # No paid column, or its cell left blank: an empty cell says nothing, the sheet says
        # what was received (review-clerk3 H1).
        warnings += settle_from_sheet(frame, rows[blank], totals[blank], tolerance, table.sheet)
    if said:
        ledger = frame.loc[frame.index[said], "paid"].to_numpy(dtype=float)
        for i, mine, theirs in zip(said, ledger, totals[~blank], strict=True):
            # Less in the sheet than in the column is payments without a date (typed in the
            # column before the sheet listed them): they lower the interest base from the
            # start. More in the sheet: which is right is unknown, the invoice is held.
            if theirs - mine > tolerance:
                warnings += disagree(frame, frame.index[i], table.sheet, theirs, mine)
    caught: set[str] = set()
    if "insolvent" in frame and "client" in frame:  # a client in collective proceedings
        spread = frame["insolvent"].groupby(frame["client"]).transform("any")
        caught = {keys[i] for i in np.flatnonzero(spread.to_numpy(dtype=bool))}
    # An undated row is deducted where the sheet says what was paid (no column, a blank cell).
    counted = {keys[i] for i, b in zip(hits, blank, strict=True) if b}
    warnings += _undated_warnings(table, set(keys), counted, caught)
    count = sum(len(table.payments[keys[i]]) for i in dated)
    loose = sum(1 for k, *_ in table.undated if k in set(keys))
    note = (
        f"Règlements : feuille « {table.sheet} » (en-têtes en ligne {table.header_row}), "
        f"{count} règlement(s) datés" + (f" et {loose} sans date" if loose else "")
        + f" pour {len(hits)} facture(s)."
    )  # fmt: skip
    return note, warnings


def _future_held(
    frame: pd.DataFrame, table: PaymentsTable, keys: list[str], as_of: dt.date
) -> tuple[PaymentsTable, list[str]]:
    """The table without payments dated after as_of; their invoices held, in place, with
    the problem the ledger's own payment-date column gives (settledon.FUTURE); a warning
    for each."""
    day = pd.Timestamp(as_of)
    late = {k for k, found in table.payments.items() if any(d > day for d, _ in found)}
    if not late:
        return table, []
    said = f"feuille « {table.sheet} » : {FUTURE}"
    warnings = [hold_invoice(frame, i, said) for i, k in enumerate(keys) if k in late]
    kept = {k: tuple(p for p in found if p[0] <= day) for k, found in table.payments.items()}
    return replace(table, payments={k: found for k, found in kept.items() if found}), warnings


_COLUMN_COUNTS = (
    "c'est la colonne des montants réglés de la feuille des factures qui compte : "
    "vérifiez qu'il y figure, sinon il n'est pas déduit"
)
_DEDUCTED = (
    "il est déduit de ce qui reste dû ; sans sa date, les pénalités ne peuvent "
    "s'arrêter au jour du règlement : il est compté comme reçu dès l'échéance (pénalités "
    "sur le seul reste dû ; ni pénalités ni indemnité si la facture est soldée)"
)


def _undated_warnings(
    table: PaymentsTable, known: set[str], counted: set[str], insolvent: set[str]
) -> list[str]:
    """One warning per payment row without a date of an invoice of the ledger (the first
    few, then how many more): what was done with it (deducted when its invoice's paid is the
    sheet's, in counted; else the invoice sheet's column prevails), and to give its date; for
    a client in collective proceedings, that a payment after the opening judgment is not
    deducted."""
    mine = [u for u in table.undated if u[0] in known]
    out = [
        f"Feuille « {table.sheet} », ligne {row} : règlement de {money(amount)} de la "
        f"facture n° {number} sans date de règlement : "
        f"{_DEDUCTED if key in counted else _COLUMN_COUNTS}. Indiquez sa date dans la feuille."
        + (_AFTER_JUDGMENT if key in insolvent else "")
        for key, number, row, amount in mine[:_SHOWN]
    ]
    if len(mine) > _SHOWN:
        out.append(
            f"Feuille « {table.sheet} » : {len(mine) - _SHOWN} autre(s) règlement(s) sans date, "
            "traités de même."
        )
    return out


__all__ = ["PaymentsTable", "apply_payments", "find_payments", "forecast"]
