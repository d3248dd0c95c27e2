"""When a claim becomes time-barred, and which ones soon will (prescription)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..config import Policy

# 5 years between businesses (Code de commerce L110-4), 2 years against a consumer (Code de
# la consommation L218-2). Only an acknowledgement by the debtor (a partial payment, a signed
# schedule) or a court claim interrupts it; a mise en demeure does not (Code civil 2240-2241).
PRESCRIPTION_YEARS = {"business": 5, "consumer": 2}


def prescription_dates(frame: pd.DataFrame, policy: Policy) -> pd.Series:
    """The day each invoice's claim is time-barred (NaT without any date to count from).

    Counted from the invoice date by default (the prudent reading, Cass. civ. 1re, 15 juin
    2017, n° 16-16.906), or from the due date ([policy] prescription_from = "due_date"); a
    dated partial payment acknowledges the debt and starts the period again (C. civ. 2240).
    """
    if policy.prescription_from == "due_date":
        start = frame["due_date"].fillna(frame["invoice_date"])
    else:
        start = frame["invoice_date"].fillna(frame["due_date"])
    paid_on = frame["payment_date"].where(frame["paid"].to_numpy(dtype=float) > 0)
    start = start.where(~(paid_on > start).to_numpy(dtype=bool), paid_on)
    consumer = frame["consumer"].to_numpy(dtype=bool)
    ends = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    for who, years in PRESCRIPTION_YEARS.items():
        mask = consumer if who == "consumer" else ~consumer
        if mask.any():
            ends[mask] = start[mask] + pd.DateOffset(years=years)
    return ends


def prescribed(ends: pd.Series, as_of: dt.date) -> np.ndarray:
    """Invoices whose claim is time-barred on as_of."""
    return (ends <= pd.Timestamp(as_of)).to_numpy(dtype=bool)


def soon_prescribed(ends: pd.Series, as_of: dt.date, policy: Policy) -> np.ndarray:
    """Invoices time-barred within [policy] prescription_warning_days (not yet)."""
    today = pd.Timestamp(as_of)
    horizon = today + pd.Timedelta(days=policy.prescription_warning_days)
    return ((ends > today) & (ends <= horizon)).to_numpy(dtype=bool)


__all__ = ["PRESCRIPTION_YEARS", "prescribed", "prescription_dates", "soon_prescribed"]
