"""An invoice's delay cut at each dated payment: the stretches its interest runs over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import FORMAL_NOTICE, POSTAL_DAYS
from .rates import HalfYear

_DAY = np.timedelta64(1, "D")
_ONE = pd.Timedelta(days=1)


def consumer_notice(frame: pd.DataFrame) -> pd.Series:
    """The day each invoice's mise en demeure reached the debtor, from which its interest
    runs (Code civil 1231-6; its receipt, CPC 668): the avis de réception's date when known,
    else the letter's date + POSTAL_DAYS, its presumed receipt (a Sunday moved to the Monday;
    the lawyer's review, 7: the day it was sent over-counted the days in the post). The
    ledger's own notice (level « Mise en demeure », « Date AR »), or, once the ledger's level
    went past it (« Contentieux »), the one the journal records (notice_date,
    notice_received, added by the caller); none when neither knows one: the ledger's date
    is then the hand-over's, and interest runs only from the writ's service (Code civil
    1231-6 and 1344; the fourth legal review, 12), so none is counted (NaT)."""
    level = frame["level"].to_numpy(dtype=int)
    sent = frame["last_date"]
    notice = sent.where(level == FORMAL_NOTICE)
    received = frame["ar_date"].where((level == FORMAL_NOTICE) & (frame["ar_date"] >= sent))
    if "notice_date" in frame:
        journal = frame["notice_date"]
        later = (level > FORMAL_NOTICE) & journal.notna().to_numpy(dtype=bool)
        notice = notice.where(~later, journal)
        on = frame["notice_received"]
        received = received.where(~(later & (on >= journal).to_numpy(dtype=bool)), on)
    presumed = notice + pd.Timedelta(days=POSTAL_DAYS)
    # No delivery on a Sunday: the next Monday (ledger.presumed_receipt).
    presumed = presumed.where(presumed.dt.day_of_week != 6, presumed + _ONE)
    return received.fillna(presumed)


@dataclass(frozen=True)
class Stretches:
    """From each invoice's first day of interest to as_of, cut at its dated payments.

    Stretch k runs on bases[:, k] up to splits[:, k] (the day of the k-th payment, which still
    bears interest on the amount before it); the last runs to as_of. An invoice with fewer
    payments has its splits padded with as_of, so its later stretches are empty.
    """

    begin: np.ndarray  # (n,) first day of interest
    splits: np.ndarray  # (n, k) last day of each stretch but the last
    stop: np.ndarray  # (n,) as_of
    bases: np.ndarray  # (n, k + 1) the amount each stretch runs on

    @classmethod
    def of(cls, frame: pd.DataFrame, as_of: dt.date, consumer: np.ndarray) -> Stretches:
        """The stretches of every invoice of the frame."""
        due = frame["due_date"]
        begin = (due + pd.Timedelta(days=1)).to_numpy(dtype="datetime64[D]")
        # Against a consumer, interest runs only from the mise en demeure (Code civil
        # 1231-6): from the day after its receipt, none before one was sent.
        notice = consumer_notice(frame).to_numpy(dtype="datetime64[D]")
        begin = np.where(consumer, notice + _DAY, begin)
        stop = np.full(len(frame), np.datetime64(as_of, "D"))
        # One payment with its date (the ledger's « Date règlement »): before it the amount,
        # after it what remains.
        paid_on = frame["payment_date"]
        dated = (
            (frame["paid"].to_numpy(dtype=float) > 0) | frame["is_paid"].to_numpy(dtype=bool)
        ) & (paid_on > due).to_numpy(dtype=bool)
        after = frame["outstanding"].to_numpy(dtype=float)
        if "credited" in frame:  # what the credit notes naming it settled (ledger/credits.py)
            after = after + frame["credited"].to_numpy(dtype=float)
        amount = frame["amount"].to_numpy(dtype=float) - _withheld(frame)
        payments: list[Any] = (
            frame["payments"].tolist() if "payments" in frame else [None] * len(frame)
        )
        # Credit notes naming the invoice: (date, amount), each lowering the base from the
        # start; the client's free ones set against it (ledger/compensation.py): from the day
        # the compensation takes effect (Code civil 1347 al. 2; review-lawhand 2).
        credits, comps = _tuples(frame, "credits"), _tuples(frame, "compensations")
        present = np.zeros(len(frame), dtype=bool)
        for name in ("credits", "compensations"):
            if name in frame:
                present |= frame[name].notna().to_numpy(dtype=bool)
        credited = [i for i in np.flatnonzero(present).tolist() if credits[i] or comps[i]]
        many = [i for i, p in enumerate(payments) if p]
        width = max(
            [1, *(len(payments[i]) for i in many)]
            + [
                len(payments[i] or ()) + int(dated[i]) + len(credits[i]) + len(comps[i])
                for i in credited
            ]
        )
        splits = np.tile(stop[:, None], (1, width))
        splits[:, 0] = np.where(dated, paid_on.to_numpy(dtype="datetime64[D]"), stop)
        bases = np.zeros((len(frame), width + 1))
        bases[:, 0] = np.where(dated, amount, after)
        bases[:, 1] = np.where(dated, after, 0.0)
        for i in many:  # a payments sheet: every payment of the invoice, in date order
            cls._payments_of(i, payments[i], due.iloc[i], amount[i], after[i], splits, bases)
        for i in credited:
            paid = payments[i] or (((paid_on.iloc[i], amount[i] - after[i]),) if dated[i] else ())
            # A compensation's own day bears no interest on what it extinguished.
            paid = (*paid, *((c[0] - _ONE, c[1]) for c in comps[i]))
            left = after[i] - sum(c[1] for c in comps[i])
            cls._credited(i, paid, credits[i], due.iloc[i], amount[i], left, splits, bases)
        return cls(begin, np.minimum(splits, stop[:, None]), stop, bases)

    @staticmethod
    def _credited(
        i: int,
        paid: tuple[tuple[pd.Timestamp, float], ...],
        credits: tuple[tuple[pd.Timestamp, float], ...],
        due: pd.Timestamp,
        amount: float,
        remaining: float,
        splits: np.ndarray,
        bases: np.ndarray,
    ) -> None:
        # A payment bears interest on the amount before it up to its own day. A credit note
        # cancels part of the invoice: that part was never due, so it lowers the base from
        # the start, whatever its date (as a whole credit note leaves nothing owed:
        # statuses.paid_late_rows; the third legal review, finding 6).
        events = [(pd.Timestamp(d), p) for d, p in paid]
        events += [(due, c) for _, c in credits]
        undated = max(amount - remaining - sum(p for _, p in paid), 0.0)
        base = max(amount - undated - sum(p for d, p in events if not d > due), 0.0)
        bases[i, :] = 0.0
        bases[i, 0] = base
        k = 0
        for day, part in sorted(e for e in events if e[0] > due):
            splits[i, k] = np.datetime64(day.date(), "D")
            base = max(base - part, 0.0)
            k += 1
            bases[i, k] = base
        bases[i, k] = max(remaining - sum(c for _, c in credits), 0.0)

    @staticmethod
    def _payments_of(
        i: int,
        paid: tuple[tuple[pd.Timestamp, float], ...],
        due: pd.Timestamp,
        amount: float,
        remaining: float,
        splits: np.ndarray,
        bases: np.ndarray,
    ) -> None:
        # A payment made by the due date lowers the base from the start; each later one
        # cuts the delay, the base dropping by what it paid. What the ledger says was paid
        # beyond the sheet's dated payments has no date: it lowers the base from the start
        # too, as an undated payment of the ledger's column does.
        early = sum(p for d, p in paid if not d > due)
        undated = max(amount - remaining - sum(p for _, p in paid), 0.0)
        base = amount - early - undated
        bases[i, :] = 0.0
        bases[i, 0] = base
        k = 0
        for day, part in sorted((d, p) for d, p in paid if d > due):
            splits[i, k] = np.datetime64(day.date(), "D")
            base = max(base - part, 0.0)
            k += 1
            bases[i, k] = base
        # The ledger's own figure for what remains is the last base.
        bases[i, k] = remaining

    def within(self, half: HalfYear) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The (first day, last day, base) of each stretch inside a half-year."""
        first, last = np.datetime64(half.start, "D"), np.datetime64(half.end, "D")
        lo = np.maximum(self.begin, first)
        out = []
        previous = self.begin - _DAY
        for k in range(self.bases.shape[1]):
            end = self.splits[:, k] if k < self.splits.shape[1] else self.stop
            start = np.maximum(lo, previous + _DAY)
            out.append((start, np.minimum(end, last), self.bases[:, k]))
            if k < self.splits.shape[1]:
                previous = np.maximum(previous, self.splits[:, k])
        return out


def _tuples(frame: pd.DataFrame, name: str) -> list[tuple[Any, ...]]:
    """Each invoice's (date, amount, …) tuples of this column, () where none."""
    out: list[tuple[Any, ...]] = [()] * len(frame)
    if name in frame:
        column = frame[name]
        for i in np.flatnonzero(column.notna().to_numpy(dtype=bool)).tolist():
            value = column.iat[i]
            out[i] = value if isinstance(value, tuple) else ()
    return out


def _withheld(frame: pd.DataFrame) -> np.ndarray:
    """The retention (« Retenue de garantie ») of each invoice: not due yet, so no interest."""
    if "retention" not in frame:
        return np.zeros(len(frame))
    return frame["retention"].fillna(0).to_numpy(dtype=float)


__all__ = ["Stretches", "consumer_notice"]
