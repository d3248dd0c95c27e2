"""The ledger's rows a litigation file or a declaration of claim reads, as plain records:
the columns taken once as numpy arrays, each client's rows made into dicts when needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import Ledger, key_of
from ..policy import Decisions

# What a litigation file reads of each invoice and of its decision.
_FIELDS = (
    "client", "invoice", "invoice_date", "due_date", "amount", "paid", "outstanding", "valid",
    "is_credit", "is_paid", "address", "contact", "email", "phone", "siret", "consumer",
    "public", "payment_date", "promise_date", "attachment", "buyer", "legal_form",
    "head_office", "representative", "level", "last_date", "registered_no", "ar_date", "hold",
    "performance_date", "credit_for", "insolvent", "proceedings", "judgment_date",
    "bodacc_date", "mandataire", "court", "payments", "credits", "hold_reason",
)  # fmt: skip
_DECIDED = (
    "interest", "indemnity", "action", "barred_on", "bar_regime", "bar_start", "bar_basis",
    "bar_paid_after",
)  # fmt: skip
# The penalties a bank transfer paid: in the frame only when the journal records some.
# The day credit notes settled an invoice (ledger/credits.py), when the ledger has some.
# What of the paid amount no payment shows (a credit applied, a net to pay's gap).
_OPTIONAL = ("interest_paid", "indemnity_paid", "credited_on", "applied", "netted")
_DATES = (
    "invoice_date", "due_date", "payment_date", "promise_date", "last_date", "ar_date",
    "performance_date", "judgment_date", "bodacc_date", "credited_on", "barred_on", "bar_start",
    "bar_paid_after",
)  # fmt: skip


def records(ledger: Ledger, decisions: Decisions, where: Any) -> list[dict[str, Any]]:
    """The rows at these positions as plain dicts (with their frame index as "index")."""
    return Columns(ledger, decisions).records(where)


class Columns:
    """The columns a litigation file reads, as numpy arrays taken once, to make the records
    of any rows from: indexing pandas row by row took 8 ms a client."""

    def __init__(self, ledger: Ledger, decisions: Decisions) -> None:
        f, d = ledger.frame, decisions.frame
        optional = [name for name in _OPTIONAL if name in f]
        self.names = [*_FIELDS, *optional, *_DECIDED, "index"]
        self.arrays = [
            *(f[name].to_numpy() for name in [*_FIELDS, *optional]),
            *(d[name].to_numpy() for name in _DECIDED),
            f.index.to_numpy(),
        ]
        self.dates = [name in _DATES for name in self.names]

    def records(self, where: Any) -> list[dict[str, Any]]:
        """The rows at these positions as plain dicts, column by column into Python values."""
        where = np.asarray(where, dtype=np.intp)
        # Dates as datetime.date (None when missing), converted by numpy in one go: tolist()
        # made a pandas Timestamp of each, a third of the litigation files' time.
        columns = [
            a[where].astype("datetime64[D]").astype(object).tolist() if date else a[where].tolist()
            for a, date in zip(self.arrays, self.dates, strict=True)
        ]
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def payments(r: dict[str, Any]) -> tuple[tuple[dt.date | None, float], ...]:
    """Each payment of the invoice (a payments sheet's, else the ledger's one) on its day.
    An invoice a credit note settled keeps its payment's day in "payments" (ledger/credits.py):
    its « Date règlement » is then the credit's, and a payment without one has no day."""
    paid = r.get("payments") or ()
    if not paid and float(r["paid"]) > 0:
        day = None if day_of(r.get("credited_on")) else r["payment_date"]
        paid = ((day, r["paid"]),)
    return tuple((day_of(day), float(amount)) for day, amount in paid if float(amount) > 0)


def day_of(value: Any) -> dt.date | None:
    """A day as datetime.date (a pandas Timestamp of the payments sheet too), None if none."""
    if value is None or pd.isna(value):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def credit_notes(
    rows: list[dict[str, Any]],
) -> dict[str, tuple[tuple[str, Any, float, float], ...]]:
    """The credit notes of these rows used to settle the invoice they name, by the invoice's
    folded number: (number, date, amount used, the credit's whole amount). A credit left
    whole (the invoice paid in full all the same) is on the statement, not here."""
    out: dict[str, tuple[tuple[str, Any, float, float], ...]] = {}
    for r in rows:
        if not (r["valid"] and r["is_credit"] and r["credit_for"] is not None):
            continue
        used = round(float(r["outstanding"]) - float(r["amount"]), 2)
        if used > 0.005:
            note = (str(r["invoice"]), r["invoice_date"], used, round(-float(r["amount"]), 2))
            out[key_of(r["credit_for"])] = (*out.get(key_of(r["credit_for"]), ()), note)
    return out


__all__ = ["Columns", "credit_notes", "day_of", "payments", "records"]
