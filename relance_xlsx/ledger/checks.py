"""Checks across the fields of a row: what is readable but cannot be right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..errors import LedgerError
from .clients import key_of
from .coded import Coded, dates_of, parse_amounts
from .echeancier import beyond_invoice, instalment_note, instalments
from .grid import Grid
from .guesscheck import is_balance
from .kinds import kind_payments
from .values import parse_text

LEGAL_MAX_DAYS = 60
_Value = Callable[[int], Any] | None  # a row's value shown with its problem
NO_NUMBER_COLUMN = "aucune colonne de n° de facture"
_SHOWN_ROWS = 10
_OVERPAID = "le montant réglé dépasse le montant de la facture"
_UNDATED = "ni date de facture ni échéance : impossible de savoir quand la facture est due"


def _balance_as_amount(grid: Grid) -> bool:
    """Whether the amount read is a balance (« Reste dû ») beside a paid column."""
    if "paid" not in grid.positions or "amount" not in grid.positions:
        return False
    return is_balance(grid.header("amount"))


def _paid_on_nothing(
    grid: Grid, quiet: np.ndarray, amount: np.ndarray, paid_cell: np.ndarray, other: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The rows paid on nothing (a total's line, amount 0: said, never « À corriger »), and
    those whose payment a balance read as the amount deducts twice (review-pubwb7 H6): then
    no row is « nothing », every paid one is wrong."""
    if not _balance_as_amount(grid):
        return quiet & (amount == 0), np.zeros(len(amount), dtype=bool)
    return np.zeros(len(amount), dtype=bool), (np.nan_to_num(paid_cell) > 0) & ~other


def _twice(grid: Grid) -> str:
    """Why a payment beside a balance read as the amount is a row to correct."""
    return (
        f"« {grid.header('amount')} » est lu comme le montant de la facture : « "
        f"{grid.header('paid')} » en serait déduit une seconde fois ; nommez le montant de la "
        'facture (amount = "…") dans la section [columns] de relance.toml'
    )


def check_rows(
    grid: Grid,
    ok: np.ndarray,
    *,
    invoice: Coded,
    client: Coded,
    amount: np.ndarray,
    paid_cell: np.ndarray,
    paid: np.ndarray,
    is_credit: np.ndarray,
    settled: np.ndarray,
    invoice_date: Coded,
    due: Coded,
    levels: np.ndarray,
    last_date: Coded,
    as_of: dt.date,
    policy: Policy,
    public: np.ndarray | None = None,  # public buyers: their term is R2192's, not L441-10's
) -> tuple[np.ndarray, np.ndarray]:
    """Row checks (errors clear ok[i]); returns the instalments' cuts and holds (echeancier)."""

    def error(mask: np.ndarray, name: str | None, value: _Value, message: str) -> None:
        for i in np.flatnonzero(mask & ok).tolist():
            grid.problem(i, name, None if value is None else value(i), message)
            ok[i] = False

    def warn(mask: np.ndarray, name: str | None, value: _Value, message: str) -> None:
        for i in np.flatnonzero(mask).tolist():
            grid.problem(i, name, None if value is None else value(i), message, "warning")

    # A letter names the invoices it claims: a row without its number is never chased. A row
    # that owes nothing and was never reminded needs neither its number, client nor dates.
    quiet = quiet_settled(settled, levels, policy)
    # A payment received (QuickBooks' « Paiement ») has no invoice number: it is imputed.
    quiet = quiet | (is_credit & kind_payments(grid) & (amount < 0))
    if "invoice" in grid.positions:
        error(~invoice.present() & ~quiet, "invoice", None, "n° de facture manquant")
    else:
        error(~quiet, None, None, f"{NO_NUMBER_COLUMN} : une lettre doit nommer sa facture")
    error(~client.present() & ~quiet, "client", None, "client manquant")
    error(np.isnan(amount), "amount", None, "montant manquant")
    error(~due.present() & ~quiet, "invoice_date", None, _UNDATED)
    invoice_ts, due_ts = dates_of(invoice_date), dates_of(due)
    # A due date computed from the terms or the invoice date names the column it came from.
    due_field, due_value = _due_source(grid, due)
    computed = "" if due_field == "due_date" else "échéance calculée : "
    error(
        due_ts < invoice_ts,
        due_field,
        due_value,
        computed + "l'échéance est antérieure à la date de facture",
    )
    overpaid = ~np.isnan(paid_cell) & (paid > amount + policy.tolerance) & ~is_credit
    nothing, twice = _paid_on_nothing(grid, quiet, amount, paid_cell, overpaid | is_credit)
    error(twice, "paid", lambda i: float(paid_cell[i]), _twice(grid))
    error(overpaid & ~nothing, "paid", lambda i: float(paid_cell[i]), _OVERPAID)
    warn(overpaid & nothing, "paid", lambda i: float(paid_cell[i]), _OVERPAID)
    warn((amount == 0) & ~is_credit & np.isnan(paid_cell), "amount", lambda i: 0, _NIL)
    cut, surplus = _duplicates(grid, ok, invoice, due_ts, amount)
    warn(
        _beyond_legal_terms(invoice_ts, due_ts, policy) & (True if public is None else ~public),
        due_field,
        due_value,
        computed
        + "délai de paiement supérieur au maximum légal (60 jours, ou 45 jours fin de mois)",
    )
    warn(
        invoice_ts > np.datetime64(as_of, "ns"),
        "invoice_date",
        invoice_date.at,
        "date de facture dans le futur",
    )
    warn(
        # A mise en demeure without its date is an error of its own (rows.py).
        (levels > 0) & (levels < 3) & ~last_date.present(),
        "reminder_level",
        lambda i: int(levels[i]),
        "niveau de relance sans date : traité comme envoyé il y a longtemps",
    )
    return cut, surplus


# « 0 » in the amount (a placeholder, a line not priced yet): said on its row, never a silent
# invoice of 0 € (review-nextcase2 L2); a total's line with its payment is said above.
_NIL = (
    "montant nul : une facture de 0 € n'a rien à réclamer, elle n'est pas relancée ; si le "
    "montant n'est pas encore connu, écrivez-le dans sa colonne"
)


def quiet_settled(settled: np.ndarray, levels: np.ndarray, policy: Policy) -> np.ndarray:
    """The settled rows never reminded: no letter this week asks anything of them (no thanks,
    and no claim of penalties unless the policy writes them), so a missing client, number or
    date on them is no problem this week."""
    return settled & (levels == 0) & (policy.claim_after_payment != "letter")


def _beyond_legal_terms(invoice_ts: np.ndarray, due_ts: np.ndarray, policy: Policy) -> np.ndarray:
    """Due dates beyond 60 days, and beyond 45 days end of month, after the invoice."""
    limit = invoice_ts + np.timedelta64(LEGAL_MAX_DAYS, "D")
    # "45 jours fin de mois", counted by the method in force ([policy] end_of_month_method):
    # + 45 days then to the end of that month, or the end of the month then + 45 days.
    issued = pd.DatetimeIndex(invoice_ts)
    if policy.end_of_month_method == "eom_then_add":
        eom_limit = (issued + pd.offsets.MonthEnd(0) + pd.Timedelta(days=45)).values
    else:
        eom_limit = (issued + pd.Timedelta(days=45) + pd.offsets.MonthEnd(0)).values
    return (due_ts > limit) & (due_ts > eom_limit)


def _due_source(grid: Grid, due: Coded) -> tuple[str, Callable[[int], Any]]:
    """The column a due date comes from, and the value to show: the cell itself, or the
    terms or invoice date it was computed from with the date (« D(360) → 16/03/2027 »)."""
    if "due_date" in grid.positions:
        return "due_date", due.at
    field = "terms" if "terms" in grid.positions else "invoice_date"
    source = grid.raw(field)
    days = dates_of(due)

    def shown(i: int) -> str:
        day = pd.Timestamp(days[i]).strftime("%d/%m/%Y") if not np.isnat(days[i]) else ""
        return f"{parse_text(source.at(i)) or ''} → {day}"

    return field, shown


def ht_above_ttc(grid: Grid, amount: np.ndarray) -> str | None:
    """One warning naming the rows whose amount owed is below their net amount (a TTC column
    under its HT one: the columns swapped, or a discount typed in the wrong place)."""
    if "amount_ht" not in grid.positions or "amount" not in grid.positions:
        return None
    net = parse_amounts(grid.raw("amount_ht"))[0]
    below = ~np.isnan(net) & ~np.isnan(amount) & (np.abs(amount) < np.abs(net) - 0.005)
    if not below.any():
        return None
    rows = grid.numbers[below].astype(int).tolist()
    shown = ", ".join(map(str, rows[:_SHOWN_ROWS])) + (" …" if len(rows) > _SHOWN_ROWS else "")
    ttc, ht = grid.header("amount"), grid.header("amount_ht")
    return (
        f"« {ttc} » est inférieur à « {ht} » sur {len(rows)} ligne(s) (ligne(s) {shown}) : "
        f"un montant TTC ne peut être inférieur au HT ; vérifiez ces lignes (la somme "
        f"réclamée est celle de « {ttc} »)."
    )


def refuse_net_only(grid: Grid) -> None:
    """Refuse a ledger whose only amount is its net (« Montant total HT », « Subtotal »), no
    tax and no total beside it: the sum claimed and printed is the TTC, never an HT under
    that name (review-pubwb5 M6). Named in [columns] as the amount, it is the user's word."""
    amount, net = grid.positions.get("amount"), grid.positions.get("amount_ht")
    if amount is None or amount != net or {"add_vat", "vat"} & set(grid.positions):
        return
    header = grid.header("amount")
    raise LedgerError(
        f"La seule colonne de montant, « {header} », est hors taxes, sans colonne TTC ni TVA : "
        "relance-xlsx réclame le montant TTC et n'imprime jamais un HT sous le nom « Montant "
        "TTC ». Ajoutez la colonne du montant TTC (ou de la TVA) ; si vos factures sont sans "
        "TVA (franchise en base, article 293 B du CGI), le HT est ce qui est dû : nommez-la "
        f'dans la section [columns] de relance.toml, amount = "{header}" ; aucune lettre '
        "n'est préparée."
    )


def _duplicates(
    grid: Grid, ok: np.ndarray, invoice: Coded, due: np.ndarray, amount: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Both rows of a repeated invoice number are problems, each naming the other; rows of
    one number with distinct due dates are its instalments, each chased at its own date, up
    to the invoice's total: returns what is cut from each row, and the rows held for it."""
    cut, surplus = np.zeros(len(amount)), np.zeros(len(amount), dtype=bool)
    if _all_distinct(invoice):
        return cut, surplus
    invoice = invoice.merged()
    counts = np.bincount(invoice.codes, minlength=len(invoice.values))
    counts[-1] = 0  # rows without a number are not duplicates of each other
    repeated = np.flatnonzero(counts[invoice.codes] > 1)
    rows_of: dict[int, list[int]] = {}
    for i in repeated.tolist():
        rows_of.setdefault(int(invoice.codes[i]), []).append(int(i))
    staged = instalments(rows_of, due) - _two_clients(grid, rows_of)
    beyond = beyond_invoice(grid, {c: rows_of[c] for c in staged}, amount, due)
    for i in repeated.tolist():
        others = [int(grid.numbers[j]) for j in rows_of[int(invoice.codes[i])] if j != i]
        if i in beyond:
            cut[i], said, held = beyond[i]
            grid.problem(int(i), "invoice", invoice.at(i), said, "error" if held else "warning")
            ok[i] &= not held
            surplus[i] = held
            continue
        if int(invoice.codes[i]) in staged:
            grid.problem(int(i), "invoice", invoice.at(i), instalment_note(others), "warning")
            continue
        said = f"numéro de facture en double (aussi ligne {', '.join(map(str, others))})"
        twins = rows_of[int(invoice.codes[i])]
        if len({(str(due[j]), float(amount[j])) for j in twins}) == 1:
            # An export of one row per article repeats the invoice's due date and total
            # (Zoho, Xero: review-pubwb8 M1): « correct » means export it otherwise.
            said += SAME_TWINS
        grid.problem(int(i), "invoice", invoice.at(i), said)
        ok[i] = False
    return cut, surplus


def _two_clients(grid: Grid, rows_of: dict[int, list[int]]) -> set[int]:
    """The repeated numbers whose rows name two clients: a number typed for another client,
    never one invoice's instalments (review-clerk4 M5)."""
    if "client" not in grid.positions:
        return set()
    names = grid.raw("client").array()
    return {code for code, rows in rows_of.items() if len({key_of(names[i]) for i in rows}) > 1}


SAME_TWINS = (
    " : même échéance et même montant ; une ligne par article de la facture (exportez une "
    "ligne par facture) ou la même facture copiée deux fois ?"
)


def _all_distinct(invoice: Coded) -> bool:
    """Whether no invoice number is on two rows, seen at once in the common case: a column
    of texts, one per row (merging a million distinct numbers to find none repeated cost
    three times as much). False when in doubt: merged() then decides."""
    values = invoice.values
    rows = np.bincount(invoice.codes, minlength=len(values))
    numbered = (rows > 0) & ~pd.isna(values)
    if rows[numbered].max(initial=0) > 1:
        return False
    used = values[numbered]
    # Texts only: two equal texts are one number, as merged() says; anything else is merged.
    return all(v.__class__ is str for v in used) and len(set(used)) == len(used)


__all__ = ["LEGAL_MAX_DAYS", "check_rows", "ht_above_ttc", "quiet_settled", "refuse_net_only"]
