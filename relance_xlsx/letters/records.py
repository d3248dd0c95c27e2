"""The rows the letters use, as plain dicts built once per run, with each invoice's letters
recorded before today (ledger or journal): the only reminders a letter may cite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..ledger import FORMAL_NOTICE, REMINDER_1
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
    # Penalties a bank transfer already paid (a QR code's amount): deducted from the interest.
    "interest_paid",
    "indemnity_paid",
    "credit_for",
    # A promise to pay recorded (kept or broken): the client did not forget the invoice.
    "promise_date",
    # Disputed or held: marked so on the statement of account, never claimed.
    "hold",
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
    "indemnity_paid": 0.0,
    "credit_for": None,
    "promise_date": None,
    "hold": False,
}
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
        wanted = sorted(
            {
                i
                for p in plans
                for i in (
                    *p.rows,
                    *p.credit_rows,
                    *p.free_credit_rows,
                    *p.paid_rows,
                    *p.statement_rows,
                    *p.recall_rows,
                )
            }
        )
        fields = [f for f in _FRAME_FIELDS if f in frame]
        taken = {k: v for k, v in _DECISION_FIELDS.items() if k in decisions}
        sub = frame.loc[wanted, fields].join(
            decisions.loc[wanted, list(taken)].rename(columns=taken)
        )
        # Column by column into Python values (Series.tolist boxes as to_dict would: dates as
        # Timestamps, numbers as Python numbers), then one dict per row: five times faster.
        names = list(sub.columns)
        values = zip(*(sub[name].tolist() for name in names), strict=True)
        self.records: dict[Any, dict[str, Any]] = {}
        periods, sent, registered = periods or {}, sent or {}, registered or {}
        own_first = own_first or {}
        for i, row in zip(wanted, values, strict=True):
            # The defaults, then the row's values over them (no dict made in between).
            record = self.records[i] = _DEFAULTS.copy()
            record.update(zip(names, row, strict=True))
            # Each invoice's interest periods (start, end, days, rate, base, interest), if any.
            record["periods"] = tuple(periods.get(i, ()))
            key = (str(record["client"]), str(record["invoice"] or ""))
            record["letters"] = _letters(key, record, sent, as_of)
            # Which of those letters was a notice's registered envelope: named as such.
            # (Most invoices have none: no generator built for them, 0.1 s at 200 000 rows.)
            days = registered.get(key)
            record["registered"] = (
                tuple(d for d in days if as_of is None or d < as_of) if days else ()
            )
            # The tool's own first letter, when it opens the history (complete_history).
            record["own_first"] = own_first.get(key)

    def of(self, rows: tuple[int, ...]) -> list[dict[str, Any]]:
        """The records of some rows, in order."""
        return [self.records[i] for i in rows]


def letters_of(
    record: Mapping[str, Any], sent: Sent, as_of: dt.date | None
) -> tuple[tuple[dt.date, int], ...]:
    """The letters recorded for one invoice before as_of, (date, stage) in date order: the
    journal's lines, and the ledger's own level and date (typed by hand, or the journal gone).
    """
    return _letters((str(record["client"]), str(record["invoice"] or "")), record, sent, as_of)


def _letters(
    key: tuple[str, str], record: Mapping[str, Any], sent: Sent, as_of: dt.date | None
) -> tuple[tuple[dt.date, int], ...]:
    # letters_of with the (client, invoice) key its caller has made already.
    found = set(sent.get(key, ()))
    last, level = record.get("last_date"), int(record.get("level") or 0)
    if isinstance(last, pd.Timestamp) and REMINDER_1 <= level <= FORMAL_NOTICE:
        found.add((last.date(), level))
    if not found:
        return ()
    return tuple(sorted(d for d in found if as_of is None or d[0] < as_of))


__all__ = ["LetterRows", "OwnFirst", "Registered", "Sent", "letters_of"]
