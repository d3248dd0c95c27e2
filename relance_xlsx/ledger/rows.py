"""Raw ledger rows to one canonical row per invoice, with skips and problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..config import Policy
from .absent import absent_columns
from .assumed import assumed_due
from .buyers import legal_due_dates, say_no_receipt
from .checks import check_rows, ht_above_ttc, quiet_settled, refuse_net_only
from .coded import Coded, dates_of, nones, object_array
from .contacts import buyer_kinds, contact_columns
from .credits import credit_columns
from .currency import currencies, refuse_foreign, refuse_scaled
from .dates import parse_dates
from .deductions import deducted, deducted_columns, withheld
from .echeancier import PLAN_SURPLUS, cut_instalments
from .extent import lower_table
from .followup import followup_columns
from .grid import Grid
from .history import history_columns, levels_of
from .holdback import hold_columns as held_back_columns
from .holds import hold_columns, owed_holds
from .insolvency import insolvency_columns
from .kinds import kind_payments
from .leftover import unread_balance
from .levels import parse_level
from .money import credits, negative_paid, paid_amounts, parse_paid_flag, settle, unknown_balances
from .partdispute import partly_disputed
from .problems import Decision, Problem, Skip
from .schema import COLUMNS
from .settledon import payment_dates, settled_flag
from .skips import skip_rows
from .standing import Standing, read_standing
from .terms import Terms, due_from_terms, immediate_terms, parse_terms, start_dates
from .text import parse_one_line
from .unsent import paid_not_held
from .values import parse_date, parse_text


class Normalised(NamedTuple):
    """The invoices of the grid, and what the reading found and decided on the way."""

    frame: pd.DataFrame
    problems: list[Problem]
    skipped: list[Skip]
    decisions: list[Decision]
    notes: list[str]


def normalise_rows(
    data: Sequence[Sequence[Any]],
    first_row: int,
    positions: dict[str, int],
    headers: Sequence[str],
    policy: Policy,
    as_of: dt.date,
    shown: Mapping[int, str] | None = None,
    titled: str | None = None,
    rated: Mapping[str, frozenset[int]] | None = None,
) -> Normalised:
    """Turn the grid below the header into canonical invoice rows, skips and problems
    (shown: the currency each row's amount cell is formatted in, when not the euro; titled:
    the currency a title above the header says)."""
    grid = Grid(data, positions, headers, first_row)
    grid.percent_rows = dict(rated or {})  # deduction cells shown as percentages
    notes = []
    lower = lower_table(grid)
    if lower is not None:
        grid.keep_only(np.arange(len(grid)) < lower[0])
        notes.append(lower[1])
    standing = read_standing(grid)
    keep, skips, decisions = skip_rows(grid, standing)
    if not keep.all():
        grid.keep_only(keep)
        standing = standing.take(keep)
    columns = _columns(grid, standing, policy, as_of, notes, shown or {}, titled)
    frame = _frame(columns)
    if columns[PLAN_SURPLUS].any():  # held on purpose, never misread (usable.py)
        frame[PLAN_SURPLUS] = columns[PLAN_SURPLUS]
    headers_of = {f: grid.header(f) for f in ("terms",) if f in grid.positions}
    dated = int(np.count_nonzero(frame["invoice_date"].notna()))
    decisions += assumed_due(grid.positions, headers_of, dated, policy.default_terms_days)
    return Normalised(frame, grid.problems, skips, [*standing.decisions, *decisions], notes)


def _columns(
    grid: Grid,
    standing: Standing,
    policy: Policy,
    as_of: dt.date,
    notes: list[str],
    shown: Mapping[int, str],
    titled: str | None,
) -> dict[str, Any]:
    """Every canonical column of the kept rows, parsed and checked (notes: the warnings)."""
    # Parsed in this order, so each row's problems are listed in the columns' reading order.
    invoice = grid.parse_names("invoice", parse_one_line)  # a line break: said, made a space
    client = grid.parse_names("client")
    amount, currency, paid_cell = _amounts(grid, notes, shown, titled)
    (invoice_date, due_cell, payment_date), doubtful = _dates(grid)
    paid_flag = grid.parse("paid_flag", parse_paid_flag, "warning")
    payment_date, paid_flag, paid_cell = payment_dates(
        grid, payment_date, paid_flag, as_of, paid_cell
    )
    terms = immediate_terms(grid, grid.parse("terms", parse_terms, "warning"))  # « À réception »
    history = grid.parse("reminder_level", parse_level)
    last_date = grid.parse("reminder_date", parse_date)
    objects = grid.parse("object", parse_text)
    is_credit, amount = credits(grid, amount, standing, invoice, objects)
    holds = hold_columns(grid, standing, is_credit)  # a doubt on a credit note: a warning
    paid, outstanding = settle(
        grid, amount, paid_cell, is_credit, payment_date, paid_flag, standing
    )
    outstanding, retention = withheld(grid, outstanding, is_credit)
    unknown_balances(grid, outstanding, (amount, paid_cell), is_credit)
    due, dated, buyer = _due(grid, invoice_date, due_cell, terms, policy)
    levels, last_date = levels_of(grid, history, standing, last_date, as_of)
    # Rows with a value that could not be read are kept out of the letters, never lost.
    bad_rows = [p.row for p in grid.problems if p.severity == "error" and p.row is not None]
    ok = ~np.isin(grid.numbers, bad_rows) & ~doubtful
    settled = (outstanding <= policy.tolerance) & ~is_credit  # NaN: unknown
    holds = paid_not_held(grid, holds, settled)  # paid wins over « non envoyée » (pubre2 M1)
    # Before the rows' checks: said once, not per row.
    absent = absent_columns(grid, ok, quiet_settled(settled, levels, policy))
    cut, surplus = check_rows(
        grid, ok, invoice=invoice, client=client, amount=amount, paid_cell=paid_cell, paid=paid,
        is_credit=is_credit, settled=settled,
        invoice_date=invoice_date, due=due, levels=levels,
        last_date=last_date, as_of=as_of, policy=policy, public=buyer != None,  # noqa: E711
    )  # fmt: skip
    amount, outstanding = cut_instalments(amount, outstanding, cut)  # review-late M4
    outstanding = np.nan_to_num(outstanding, nan=0.0)
    columns: dict[str, Any] = {
        "row": grid.numbers.astype(int),
        "invoice": invoice.array(),
        "client": client.array(),
        "invoice_date": dates_of(invoice_date),
        **dated,
        "due_date": dates_of(due),
        "payment_date": dates_of(payment_date),
        "payments": nones(len(grid)),
        "amount": np.nan_to_num(amount, nan=0.0),
        "paid": np.nan_to_num(paid, nan=0.0),
        "outstanding": outstanding,
        "retention": retention,
        **deducted_columns(grid, paid, paid_cell, outstanding),
        "is_paid": (outstanding <= policy.tolerance) & ~is_credit,
        **owed_holds(grid, partly_disputed(holds, outstanding), outstanding > policy.tolerance),
        **followup_columns(grid),
        "is_credit": is_credit,
        "on_account": is_credit & kind_payments(grid),  # a payment received, not applied
        "imputed": nones(len(grid)),
        "object": objects.array(),
        "currency": currency.array(),
        **history_columns(history, levels, last_date),
        "valid": ok,
        PLAN_SURPLUS: surplus,
        **contact_columns(grid, policy, buyer),
        **insolvency_columns(grid),
        **credit_columns(grid, invoice, client, is_credit, amount, dates_of(invoice_date)),
    }
    _held_back(columns, grid, as_of)  # then the first problem of each row, after every parse
    columns["problem"] = _problem_column(grid, doubtful, ok, absent)
    return columns


def _amounts(
    grid: Grid, notes: list[str], shown: Mapping[int, str], titled: str | None
) -> tuple[np.ndarray, Coded, np.ndarray]:
    """The amounts owed (foreign or scaled ones refused), their currency, the amounts paid."""
    amount, currency = grid.parse_amounts("amount")
    currency = currencies(grid, currency, shown, titled)
    refuse_foreign(grid, currency, amount, titled)
    refuse_scaled(grid)
    refuse_net_only(grid)
    if "add_vat" in grid.positions:  # a net amount and its tax, no total: the two are owed
        amount = amount + np.nan_to_num(grid.parse_amounts("add_vat")[0])
    notes.extend(filter(None, [ht_above_ttc(grid, amount), unread_balance(grid, amount)]))
    settled_flag(grid)  # « Soldé » = oui: a paid flag, not the balance
    paid_cell = paid_amounts(grid)
    return amount, currency, deducted(grid, negative_paid(grid, paid_cell, amount), amount)


def _due(
    grid: Grid, invoice_date: Coded, due_cell: Coded, terms: Coded, policy: Policy
) -> tuple[Coded, dict[str, Any], np.ndarray]:
    """Each invoice's due date, the columns it comes with (the receipt and performance dates,
    why its due date is the law's: R2192-10 to 12), and the kind of public buyer."""
    received = grid.parse("receipt_date", parse_date, "warning")
    performed = grid.parse("performance_date", parse_date, "warning")
    due = _due_dates(start_dates(grid, invoice_date, terms, received), due_cell, terms, policy)
    buyer = buyer_kinds(grid)
    explicit = due_cell.present() | terms.mask(lambda t: isinstance(t, Terms))
    due, term_note = legal_due_dates(buyer, invoice_date, received, due, explicit)
    say_no_receipt(grid, term_note)
    dated = {
        "receipt_date": dates_of(received),
        "performance_date": dates_of(performed),
        "term_note": term_note,
    }
    return due, dated, buyer


def _held_back(columns: dict[str, Any], grid: Grid, as_of: dt.date) -> None:
    """Held back until a date (« Ne pas relancer avant »): on hold as a dispute is, by the
    policy's one hold rule; a dispute keeps its own reason."""
    columns.update(held_back_columns(grid, as_of, columns["status_text"]))
    columns["held_back"] = columns["held_back"] & ~columns["hold"]
    columns["hold"] = columns["hold"] | columns["held_back"]


def _dates(grid: Grid) -> tuple[tuple[Coded, Coded, Coded], np.ndarray]:
    """The three date columns, and the rows a month-first column leaves in doubt."""
    parsed = [parse_dates(grid, name) for name in ("invoice_date", "due_date", "payment_date")]
    doubtful = parsed[0][1] | parsed[1][1] | parsed[2][1]
    return (parsed[0][0], parsed[1][0], parsed[2][0]), doubtful


def _problem_column(
    grid: Grid, doubtful: np.ndarray, ok: np.ndarray, absent: str | None
) -> np.ndarray:
    """The first problem of each row; for a row held out by its date column or by a column
    the table lacks, why."""
    first = _first_problem(grid.numbers, grid.problems)
    first[doubtful & (first == None)] = (  # noqa: E711
        "date ambiguë (colonne au format mois/jour) : à écrire JJ/MM/AAAA"
    )
    if absent is not None:
        first[~ok & (first == None)] = absent  # noqa: E711
    return first


def _frame(columns: dict[str, Any]) -> pd.DataFrame:
    """The canonical frame, its columns in COLUMNS order."""
    # Each column its own block (copy=False): pandas would otherwise copy the 59 columns
    # into one block per type, 1.6 s at a million rows. A column whose array another one
    # already holds is copied, so that each stays as independent as in a copied frame.
    seen: list[np.ndarray] = []
    arrays = {}
    for name, v in columns.items():
        if any(np.may_share_memory(v, other) for other in seen):
            v = v.copy()
        seen.append(v)
        # Object columns stay object: pandas would make text columns str, and None NaN.
        arrays[name] = pd.Series(v, dtype=object, copy=False) if v.dtype == object else v
    return pd.DataFrame(arrays, columns=list(COLUMNS), copy=False)


def _due_dates(invoice_date: Coded, due_cell: Coded, terms: Coded, policy: Policy) -> Coded:
    """The due date's cell, or else the invoice date plus the terms: once per distinct pair."""
    default = Terms(policy.default_terms_days)
    pairs = invoice_date.codes * len(terms.values) + terms.codes
    distinct, inverse = np.unique(pairs, return_inverse=True)
    computed = []
    for pair in distinct.tolist():
        day, term = (
            invoice_date.values[pair // len(terms.values)],
            terms.values[pair % len(terms.values)],
        )
        computed.append(
            None
            if day is None
            else due_from_terms(day, term or default, policy.end_of_month_method)
        )
    given = due_cell.present()
    codes = np.where(given, due_cell.codes, len(due_cell.values) + inverse.reshape(-1))
    return Coded(codes, np.concatenate([due_cell.values, object_array(computed)]))


def _first_problem(numbers: np.ndarray, problems: list[Problem]) -> np.ndarray:
    first: dict[int, str] = {}
    for p in problems:
        if p.severity == "error" and p.row is not None:
            first.setdefault(p.row, p.message)
    out = nones(len(numbers))
    if first:  # numbers ascend: each problem's row is found by bisection
        rows = np.fromiter(first, dtype=numbers.dtype, count=len(first))
        out[np.searchsorted(numbers, rows)] = list(first.values())
    return out


__all__ = ["COLUMNS", "Normalised", "normalise_rows"]
