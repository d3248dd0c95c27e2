"""When a claim becomes time-barred, to the day, and which ones soon will.

Prescription is counted in days (Code civil 2228): the day of the starting event is not
counted, and the claim is barred once the last day of the term is over (2229). Five years from
15/06/2021 can still be used on 15/06/2026; the claim is barred from 16/06/2026. A term in
years ends on the same date of the last year, or on the last day of the month when that date
does not exist (29 February).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import FORMAL_NOTICE, LAPSING, REMINDER_1

# 5 years between businesses (Code de commerce L110-4), 2 years against a consumer (Code de
# la consommation L218-2); a public debtor's debts lapse after four years from 1 January of
# the year after the right arose (loi n° 68-1250 du 31 décembre 1968, art. 1).
PRESCRIPTION_YEARS = {"business": 5, "consumer": 2}
LAPSE_YEARS = 4
_DAY = pd.Timedelta(days=1)
# Codes, not strings: comparing a million small ints is much cheaper.
REGIMES = ("business", "consumer", "public")
BUSINESS, CONSUMER, PUBLIC = range(3)
BASES = ("performance", "invoice", "due", "payment", "letter", "billed", "journal")
# BILLED: an invoice sent in a later year than the work, a demand for payment that
# interrupts a public debt's lapse (loi 68-1250, art. 2). LETTER: the ledger's last letter;
# JOURNAL: a letter the journal records (both interrupt only if the letter really left).
PERFORMANCE, INVOICE, DUE, PAYMENT, LETTER, BILLED, JOURNAL = range(7)


@dataclass(frozen=True)
class Prescription:
    """Each invoice's prescription: when it is barred, what it is counted from, under which rule."""

    barred_on: pd.Series  # the first day the claim is barred (NaT: no date to count from)
    start: pd.Series  # the day the term runs from: the starting event or the last interruption
    basis: np.ndarray  # what start is, a code of BASES: performance, invoice, due, payment…
    regime: np.ndarray  # a code of REGIMES: business, consumer, public (the four-year lapse)
    performed: pd.Series | None = None  # the ledger's delivery or performance dates
    # A part payment made once the claim was barred (NaT elsewhere): it interrupts nothing
    # (2240 interrupts a running term); at most a renunciation, if unequivocal (2250-2251).
    paid_after: pd.Series | None = None

    def last_day(self) -> pd.Series:
        """The last day the claim can still be acted on."""
        return self.barred_on - _DAY


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A date column of the frame (all NaT when an older frame lacks it)."""
    if name not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[name])


def regimes(frame: pd.DataFrame) -> np.ndarray:
    """Each invoice's code of REGIMES: business, consumer or public (a debtor whose debts
    lapse after four years)."""
    consumer = frame["consumer"].to_numpy(dtype=bool)
    if "buyer" in frame:
        buyer = frame["buyer"]
        present = buyer.notna().to_numpy()
        lapsing = buyer.isin(list(LAPSING)).to_numpy() if present.any() else present
    else:
        lapsing = frame["public"].to_numpy(dtype=bool)
    return np.select([consumer, lapsing], [CONSUMER, PUBLIC], BUSINESS).astype(np.int8)


def prescription_dates(
    frame: pd.DataFrame,
    policy: Policy,
    demands: Mapping[Any, Sequence[dt.date]] | None = None,
) -> Prescription:
    """When each invoice's claim is barred, counted from the right day for its debtor.

    The period runs from the delivery or performance date when the ledger has one and it is
    the earlier, else from the invoice date (the due date when there is neither); between
    businesses, from the due date with [policy] prescription_from = "due_date". A dated partial
    payment acknowledges the debt and starts it again (Code civil 2240). A public debt's lapse
    is interrupted by every written demand (the letters of the ledger, demands: those of the
    journal by frame index) and by a partial payment: four years again from the next 1 January.
    """
    regime = regimes(frame)
    invoice, performed, due = (
        column(frame, c) for c in ("invoice_date", "performance_date", "due_date")
    )
    first = (performed.notna() & ~(performed > invoice)).to_numpy()
    start = invoice.where(~first, performed)
    basis = np.where(first, PERFORMANCE, INVOICE).astype(np.int8)
    has_due = due.notna().to_numpy()
    if policy.prescription_from == "due_date":
        by_due = (regime == BUSINESS) & has_due
        start, basis = start.where(~by_due, due), np.where(by_due, DUE, basis)
    basis = np.where(start.isna().to_numpy() & has_due, DUE, basis)
    start = start.fillna(due)
    paid_on = column(frame, "payment_date").where(frame["paid"].to_numpy(dtype=float) > 0)
    # A payment made before the claim was barred starts the term again (2240); one made
    # after interrupts nothing: the claim stays barred, the payment said (paid_after).
    first_bar = _barred(start, regime)
    again = (paid_on > start).to_numpy(dtype=bool) & (regime != PUBLIC)
    late = again & (paid_on >= first_bar).to_numpy(dtype=bool)
    again &= ~late
    start = start.where(~again, paid_on)
    basis = np.where(again, PAYMENT, basis).astype(np.int8)
    barred = _barred(start, regime)
    public = np.flatnonzero(regime == PUBLIC)
    if len(public):
        _lapse(frame, public, start, basis, barred, demands or {})
    paid_after = paid_on.where(late) if late.any() else None
    return Prescription(barred, start, basis, regime, performed, paid_after)


def _barred(start: pd.Series, regime: np.ndarray) -> pd.Series:
    """The first day barred of the business and consumer claims counted from start."""
    barred = pd.Series(pd.NaT, index=start.index, dtype="datetime64[ns]")
    for code, years in ((BUSINESS, 5), (CONSUMER, 2)):
        mask = regime == code
        if mask.any():
            barred[mask] = start[mask] + pd.DateOffset(years=years) + _DAY
    return barred


def _lapse(
    frame: pd.DataFrame,
    rows: np.ndarray,
    start: pd.Series,
    basis: np.ndarray,
    barred: pd.Series,
    demands: Mapping[Any, Sequence[dt.date]],
) -> None:
    """The four-year lapse of public debts, in place: from 1 January after the year the right
    arose; each written demand or partial payment made before it lapsed starts four years
    again from 1 January after its own year (loi 68-1250, art. 1 and 2)."""
    level = frame["level"].to_numpy(dtype=int)
    sent, billed = column(frame, "last_date"), column(frame, "invoice_date")
    paid_on = column(frame, "payment_date").where(frame["paid"].to_numpy(dtype=float) > 0)
    payments = frame["payments"].tolist() if "payments" in frame else [None] * len(frame)
    for i in rows.tolist():
        origin = start.iat[i]
        if pd.isna(origin):
            continue
        events: list[tuple[pd.Timestamp, int]] = []
        if REMINDER_1 <= level[i] <= FORMAL_NOTICE and pd.notna(sent.iat[i]):
            events.append((sent.iat[i], LETTER))
        if payments[i]:
            events += [(pd.Timestamp(day), PAYMENT) for day, _ in payments[i]]
        elif pd.notna(paid_on.iat[i]):
            events.append((paid_on.iat[i], PAYMENT))
        events += [(pd.Timestamp(day), JOURNAL) for day in demands.get(frame.index[i], ())]
        if pd.notna(billed.iat[i]):  # the invoice is itself a demand for payment
            events.append((billed.iat[i], BILLED))
        end = origin.year + LAPSE_YEARS  # the last year of the term
        for day, kind in sorted(events):
            # A demand made after the debt lapsed revives nothing.
            if origin < day and day.year <= end and day.year + LAPSE_YEARS > end:
                end = day.year + LAPSE_YEARS
                start.iat[i], basis[i] = day, kind
        barred.iat[i] = pd.Timestamp(end + 1, 1, 1)


def prescribed(p: Prescription, as_of: dt.date) -> np.ndarray:
    """Invoices whose claim is time-barred on as_of (as_of is on or after the first barred day)."""
    return (p.barred_on <= pd.Timestamp(as_of)).to_numpy(dtype=bool)


def soon_prescribed(p: Prescription, as_of: dt.date, policy: Policy) -> np.ndarray:
    """Invoices time-barred within [policy] prescription_warning_days (not yet)."""
    today = pd.Timestamp(as_of)
    horizon = today + pd.Timedelta(days=policy.prescription_warning_days)
    return ((p.barred_on > today) & (p.barred_on <= horizon)).to_numpy(dtype=bool)


def keep_bars(out: pd.DataFrame, p: Prescription) -> None:
    """Each claim's bar beside its decision: the first day barred (barred_on), its rule
    (bar_regime, a code of REGIMES), the day it runs from and what that day is (bar_start,
    bar_basis, a code of BASES): the litigation file leaves barred claims out and says when the
    others will be (figures/timebar.py)."""
    out["barred_on"] = p.barred_on.to_numpy()
    out["bar_regime"] = p.regime
    out["bar_start"] = p.start.to_numpy()
    out["bar_basis"] = p.basis
    none = np.full(len(out), np.datetime64("NaT"), dtype="datetime64[ns]")
    out["bar_paid_after"] = none if p.paid_after is None else p.paid_after.to_numpy()


__all__ = [
    "BASES",
    "BUSINESS",
    "CONSUMER",
    "LAPSE_YEARS",
    "PRESCRIPTION_YEARS",
    "PUBLIC",
    "REGIMES",
    "Prescription",
    "keep_bars",
    "prescribed",
    "prescription_dates",
    "regimes",
    "soon_prescribed",
]
