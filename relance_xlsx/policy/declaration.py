"""An insolvent client's claim as it stood on the opening judgment (déclaration de créance).

The declaration states what was due on the day of the opening judgment, and what falls due
later with its dates (Code de commerce L622-25, R622-23). The judgment stops interest from its
own day (L622-28; it takes effect from 0 h that day): interest is counted up to the day
before, period by period at each half-year's rate. The 40 € is due for the invoices already
due before the judgment, not for the others (L441-10 II: the proceedings prevent their
payment at the due date). An invoice for work done on or after the judgment is a later
claim: listed apart, with its rule (L622-17 I and IV, L622-24 al. 6; in a liquidation
L641-13), never in the figures. In a liquidation the invoices not yet due are made due by the
judgment (L643-1): listed with their dates, principal only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from .onceper import once_per_invoice
from .penalties import InterestPeriod, compute_penalties, periods_by_invoice
from .rates import RateTables


@dataclass(frozen=True)
class AtJudgment:
    """An insolvent client's invoices sorted by the opening judgment, with their amounts."""

    judgment: dt.date | None
    due: list[Any]  # frame indexes of the invoices due before the judgment
    not_due: list[Any]  # due on or after the judgment: declared with their due dates
    later: list[Any]  # work done or invoiced on or after the judgment: not declared
    interest: dict[Any, float] = field(default_factory=dict)
    indemnity: dict[Any, float] = field(default_factory=dict)
    periods: dict[Any, tuple[InterestPeriod, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def at_judgment(
    frame: pd.DataFrame,
    rows: list[Any],
    judgment: dt.date | None,
    policy: Policy,
    tables: RateTables,
) -> AtJudgment:
    """The client's open invoices (frame indexes) sorted and valued at the judgment's date.

    Without the judgment's date, nothing can be valued: every invoice is listed as due,
    with no interest and no indemnity, until the date is given.
    """
    if judgment is None:
        return AtJudgment(None, list(rows), [], [])
    day = pd.Timestamp(judgment)
    sub = frame.loc[rows]
    performed = sub["performance_date"] if "performance_date" in sub else sub["invoice_date"]
    born = pd.to_datetime(performed).fillna(sub["invoice_date"])
    later = (born >= day).to_numpy(dtype=bool)
    due_dates = pd.to_datetime(sub["due_date"])
    due = ~later & (due_dates.isna() | (due_dates < day)).to_numpy(dtype=bool)
    not_due = ~later & ~due
    index = list(sub.index)
    picked = [index[i] for i in np.flatnonzero(due).tolist()]
    out = AtJudgment(
        judgment,
        picked,
        [index[i] for i in np.flatnonzero(not_due).tolist()],
        [index[i] for i in np.flatnonzero(later).tolist()],
    )
    if not picked:
        return out
    owed = frame.loc[picked]
    # Up to the day before the judgment: compute_penalties counts through its as_of.
    until = judgment - dt.timedelta(days=1)
    penalties = compute_penalties(owed, np.ones(len(owed), dtype=bool), until, policy, tables)
    consumer = owed["consumer"].to_numpy(dtype=bool)
    indemnity = once_per_invoice(owed, np.where(consumer, 0.0, policy.indemnity))
    return AtJudgment(
        judgment,
        out.due,
        out.not_due,
        out.later,
        dict(zip(picked, penalties.interest.tolist(), strict=True)),
        dict(zip(picked, indemnity.tolist(), strict=True)),
        periods_by_invoice(penalties.periods),
        penalties.warnings,
    )


__all__ = ["AtJudgment", "at_judgment"]
