"""The rows the letters use, as plain dicts built once per run, with each invoice's letters
recorded before today (ledger or journal): the only reminders a letter may cite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat
from typing import Any

import pandas as pd

from ..ledger import FORMAL_NOTICE, REMINDER_1, counted_level
from .columns import frame_columns
from .plan import LetterPlan

# The columns a letter reads, from the ledger frame (as read: the levels before this run)
# and from the decisions (the stage each invoice is at after it).
_FRAME_FIELDS = (
    "invoice",
    "client",
    "invoice_date",
    "object",
    "amount",
    "paid",
    "applied",
    # Left out of the claim and never received: a retention, a net to pay's gap (withheld.py).
    "retention",
    "netted",
    "due_date",
    "payment_date",
    "outstanding",
    "address",
    "contact",
    "email",
    "consumer",
    "public",
    "buyer",
    "last_date",
    "level",
    "currency",
    "is_credit",
    # A payment received and not applied (« Acompte », « Règlement »): never an « avoir ».
    "on_account",
    "imputed",
    # Penalties a bank transfer already paid (a QR code's amount): deducted from the interest.
    "interest_paid",
    "indemnity_paid",
    "credit_for",
    # The day the credit notes naming the invoice settled it (ledger/credits.py), or NaT;
    # its dated payments ((day, amount), …): paid in part before the credit settled the rest.
    "credited_on",
    "payments",
    # The client's free credit notes set against it ((day, amount, number), …; compensation).
    "compensations",
    # A formal notice's avis de réception: a consumer's interest runs from the day after.
    "ar_date",
    # A promise to pay recorded (kept or broken): the client did not forget the invoice.
    "promise_date",
    # Disputed or held: marked so on the statement of account, never claimed.
    "hold",
    # Why: a payment said but not sure is no dispute (policy/doubtful.py).
    "hold_reason",
)
_DECISION_FIELDS = {
    "days_late": "days_late",
    "interest": "interest",
    "indemnity": "indemnity",
    "level": "stage",
    "action": "action",
    "relisted": "relisted",
}
_DEFAULTS = {
    "client": "",
    "level": 0,
    "stage": 0,
    "action": "",
    "relisted": False,
    "buyer": None,
    "interest_paid": 0.0,
    "retention": 0.0,
    "netted": 0.0,
    "indemnity_paid": 0.0,
    "credit_for": None,
    "credited_on": None,
    "payments": None,
    "compensations": None,
    "ar_date": None,
    "promise_date": None,
    "hold": False,
    "hold_reason": None,
    "on_account": False,
    "imputed": None,
}
# The columns that say whether an invoice was reminded before its due date.
_EARLY_NEEDS = {"level", "last_date", "due_date", "valid", "is_paid", "is_credit"}
# (date, stage) of each letter an invoice was listed in, by (client, invoice number).
Sent = Mapping[tuple[str, str], Sequence[tuple[dt.date, int]]]
# The dates of the registered letters that gave a formal notice and listed an invoice below
# the notice's stage, by (client, invoice number).
Registered = Mapping[tuple[str, str], Sequence[dt.date]]
# The date of each invoice's first letter when the tool wrote it, by (client, invoice number).
OwnFirst = Mapping[tuple[str, str], dt.date]


class LetterRows:
    """The rows the letters use, as plain dicts, built once per run.

    Indexing a DataFrame per letter costs ~1 ms a call; a run with thousands of letters would
    spend most of its time there.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        decisions: pd.DataFrame,
        plans: list[LetterPlan],
        periods: Mapping[Any, Sequence[Any]] | None = None,
        sent: Sent | None = None,
        as_of: dt.date | None = None,
        registered: Registered | None = None,
        own_first: OwnFirst | None = None,
    ):
        wanted = sorted(set(chain.from_iterable(map(_rows_of, plans))))
        count = len(wanted)
        columns = frame_columns(frame, decisions, wanted, _FRAME_FIELDS, _DECISION_FIELDS)
        _unreminded(columns, frame, wanted)
        periods, sent, registered = periods or {}, sent or {}, registered or {}
        own_first = own_first or {}
        # The defaults, the row's values over them, then what the letters recorded add.
        names = [*_DEFAULTS, *(name for name in columns if name not in _DEFAULTS)]
        values = [columns[k] if k in columns else [_DEFAULTS[k]] * count for k in names]
        names += ["periods", "letters", "registered", "own_first"]
        # Each invoice's interest periods (start, end, days, rate, base, interest), if any.
        values.append(list(map(tuple, map(periods.get, wanted, repeat(())))))
        values += _recorded(columns, count, sent, registered, own_first, as_of)
        # One dict per row made in C (map, zip): a Python loop over the rows took 1.5 s at 1M.
        self.records: dict[Any, dict[str, Any]] = dict(
            zip(wanted, map(dict, map(zip, repeat(names), zip(*values, strict=True))), strict=True)
        )

    def of(self, rows: tuple[int, ...]) -> list[dict[str, Any]]:
        """The records of some rows, in order."""
        return list(map(self.records.__getitem__, rows))


def _unreminded(columns: dict[str, list[Any]], frame: pd.DataFrame, wanted: list[Any]) -> None:
    """The stage the letters sent after the due date reached (ledger/early.py): level 0 for
    the unpaid invoices whose recorded reminder precedes their due date, whatever stage the
    ledger holds; no more than the letters sent after it when the journal has earlier ones."""
    if "level" not in columns or not _EARLY_NEEDS.issubset(frame.columns) or not wanted:
        return
    counted = pd.Series(counted_level(frame), index=frame.index)
    if (counted.to_numpy() != frame["level"].to_numpy(dtype=int)).any():
        columns["level"] = counted.loc[wanted].tolist()


def _rows_of(plan: LetterPlan) -> Iterable[Any]:
    """Every row a letter reads: its invoices, credit notes, payments, statement, recalls."""
    return chain(
        plan.rows,
        plan.credit_rows,
        plan.free_credit_rows,
        plan.paid_rows,
        plan.statement_rows,
        plan.recall_rows,
    )


def letters_of(
    record: Mapping[str, Any], sent: Sent, as_of: dt.date | None
) -> tuple[tuple[dt.date, int], ...]:
    """The letters recorded for one invoice before as_of, (date, stage) in date order: the
    journal's lines, and the ledger's own level and date (typed by hand, or the journal gone).
    """
    key = (str(record["client"]), str(record["invoice"] or ""))
    last, level, due = record.get("last_date"), record.get("level"), record.get("due_date")
    return _letters(sent.get(key, ()), last, level, as_of, due)


def _letters(
    found: Iterable[tuple[dt.date, int]],
    last: Any,
    level: Any,
    as_of: dt.date | None,
    due: Any = None,
) -> tuple[tuple[dt.date, int], ...]:
    # letters_of with the journal's letters of the invoice found already. A letter dated
    # on or before the due date reminded no debt then late: never cited (ledger/early.py).
    found, level = set(found), int(level or 0)
    if isinstance(last, pd.Timestamp) and REMINDER_1 <= level <= FORMAL_NOTICE:
        found.add((last.date(), level))
    if not found:
        return ()
    since = due.date() if isinstance(due, pd.Timestamp) else dt.date.min
    return tuple(sorted(d for d in found if (as_of is None or d[0] < as_of) and d[0] > since))


def _recorded(
    columns: dict[str, list[Any]],
    count: int,
    sent: Sent,
    registered: Registered,
    own_first: OwnFirst,
    as_of: dt.date | None,
) -> list[list[Any]]:
    """Each row's letters recorded before as_of; which of them was a notice's registered
    envelope (named as such); the tool's own first letter, when it opens the history."""
    lasts = columns.get("last_date", [None] * count)
    levels = columns.get("level", [0] * count)
    dues = columns.get("due_date", [None] * count)
    if not (sent or registered or own_first):  # no journal: the ledger's own letters only
        return [list(map(_letters, repeat(()), lasts, levels, repeat(as_of), dues)),
                [()] * count, [None] * count]  # fmt: skip
    clients = columns.get("client", [""] * count)
    keys = list(zip(map(str, clients), [str(n or "") for n in columns["invoice"]], strict=True))
    found = map(sent.get, keys, repeat(()))
    # Most invoices have no registered envelope: no generator built for them.
    days = map(registered.get, keys)
    return [
        list(map(_letters, found, lasts, levels, repeat(as_of), dues)),
        [tuple(d for d in x if as_of is None or d < as_of) if x else () for x in days],
        list(map(own_first.get, keys)),
    ]


__all__ = ["LetterRows", "OwnFirst", "Registered", "Sent", "letters_of"]
