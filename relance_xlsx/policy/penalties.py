"""Late-payment interest and the 40 € recovery indemnity (Code de commerce L441-10, D441-5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import FORMAL_NOTICE
from ..wording import percent
from .rates import HalfYear, RateTables

ECB_MARGIN = 10.0
FLOOR_FACTOR = 3.0
PUBLIC_MARGIN = 8.0  # points above the ECB rate for a public buyer (R2192-31)


@dataclass(frozen=True)
class Penalties:
    """Per-invoice interest and indemnity, the rate of the run's half-year, and warnings."""

    interest: pd.Series
    indemnity: pd.Series
    rate: float  # business rate of the run's half-year, in percent
    warnings: tuple[str, ...]


def business_rates(
    halves: list[HalfYear], policy: Policy, tables: RateTables
) -> tuple[dict[HalfYear, float], list[str]]:
    """The B2B late-payment rate of each half-year, with warnings for unconfirmed rates."""
    rates: dict[HalfYear, float] = {}
    warnings: list[str] = []
    for half in halves:
        if policy.interest_rate is not None:
            # The floor is 3 × the legal rate of each half-year (L441-10 II): a contractual
            # rate valid today may be below it for an older period (2024 H1: 15,21 %).
            floor = round(FLOOR_FACTOR * tables.legal_rate(half)[0], 2)
            rates[half] = max(policy.interest_rate, floor)
            if floor > policy.interest_rate:
                warnings.append(
                    f"Au {half.label()}, le taux contractuel ({percent(policy.interest_rate)}) "
                    f"est sous le minimum légal de 3 fois le taux d'intérêt légal "
                    f"({percent(floor)}) : ce minimum est appliqué pour cette période."
                )
            continue
        ecb, confirmed = tables.ecb_rate(half)
        if not confirmed:
            warnings.append(
                f"Taux BCE du {half.label()} non confirmé dans la table : le dernier connu "
                f"({percent(ecb)}) est utilisé ; à vérifier."
            )
        rates[half] = ecb + ECB_MARGIN
    return rates, warnings


def check_contract_rate(policy: Policy, tables: RateTables, as_of: dt.date) -> list[str]:
    """Warnings about the contractual rate's floor (applied half-year by half-year)."""
    if policy.interest_rate is None:
        return []
    half = HalfYear.of(as_of)
    legal, known = tables.legal_rate(half)
    if not known:
        return [
            f"Taux d'intérêt légal du {half.label()} absent de la table : le dernier connu "
            f"({percent(legal)}) sert au minimum du taux contractuel ; à vérifier."
        ]
    return []


def _halves_between(first: dt.date, last: dt.date) -> list[HalfYear]:
    halves, half = [], HalfYear.of(first)
    while half.start <= last:
        halves.append(half)
        half = half.next()
    return halves


def compute_penalties(
    frame: pd.DataFrame,
    claimable: np.ndarray,
    as_of: dt.date,
    policy: Policy,
    tables: RateTables,
) -> Penalties:
    """Interest from the day after the due date to as_of, actual days / 365, per half-year rate.

    An invoice paid in full after its due date still owes its interest, on the amount paid,
    up to the day of payment, and its 40 € (L441-10): computed too (paid_late).
    """
    n = len(frame)
    warnings = check_contract_rate(policy, tables, as_of)
    due = frame["due_date"]
    late = claimable & due.notna().to_numpy() & (due < pd.Timestamp(as_of)).to_numpy()
    paid_late = _paid_late(frame)
    consumer = frame["consumer"].to_numpy(dtype=bool)
    owed = late | paid_late
    interest_base = owed & (~consumer | policy.interest_for_consumers)
    stop = np.where(
        paid_late,
        frame["payment_date"].to_numpy(dtype="datetime64[D]"),
        np.datetime64(as_of, "D"),
    )
    rate_days = np.zeros(n)  # sum over half-years of rate × days
    if interest_base.any():
        start = min((due[interest_base] + pd.Timedelta(days=1)).min().date(), as_of)
        halves = _halves_between(start, as_of)
        rates, more = business_rates(halves, policy, tables)
        warnings += more
        begin = (due + pd.Timedelta(days=1)).to_numpy(dtype="datetime64[D]")
        # Against a consumer, interest runs only from the mise en demeure (Code civil
        # 1231-6): from the day after the notice's date, none before one was sent.
        notice = _notice_dates(frame).to_numpy(dtype="datetime64[D]")
        begin = np.where(consumer, notice + np.timedelta64(1, "D"), begin)
        public = frame["public"].to_numpy(dtype=bool) & ~consumer
        fixed = _public_rates(due, public, tables)
        for half in halves:
            lo = np.maximum(begin, np.datetime64(half.start, "D"))
            hi = np.minimum(stop, np.datetime64(half.end, "D"))
            days = np.clip((hi - lo).astype("timedelta64[D]").astype(float) + 1, 0, None)
            days = np.nan_to_num(days)
            business = np.where(consumer, _consumer_rate(half, policy, tables), rates[half])
            business = np.where(public, fixed, business)
            rate_days += np.where(interest_base, days * business, 0.0)
    base = np.where(paid_late, frame["amount"].to_numpy(dtype=float), frame["outstanding"])
    interest = np.round(base.astype(float) * rate_days / 100.0 / 365.0 + 1e-9, 2)
    indemnity = np.where(owed & ~consumer, policy.indemnity, 0.0)
    current, _ = business_rates([HalfYear.of(as_of)], policy, tables)
    return Penalties(
        pd.Series(interest, index=frame.index),
        pd.Series(indemnity, index=frame.index),
        current[HalfYear.of(as_of)],
        tuple(dict.fromkeys(warnings)),
    )


def _paid_late(frame: pd.DataFrame) -> np.ndarray:
    """Invoices paid in full after their due date, with the date of payment known."""
    paid_on = frame["payment_date"]
    return (
        frame["valid"].to_numpy(dtype=bool)
        & frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & paid_on.notna().to_numpy()
        & (paid_on > frame["due_date"]).to_numpy(dtype=bool)
    )


def _public_rates(due: pd.Series, public: np.ndarray, tables: RateTables) -> np.ndarray:
    """A public buyer's rate: the ECB rate of the half-year in which its delay starts, + 8
    points, for the whole delay (Code de la commande publique R2192-31)."""
    out = np.zeros(len(due))
    if not public.any():
        return out
    starts = (due + pd.Timedelta(days=1)).dt.date.to_numpy(dtype=object)
    cache: dict[HalfYear, float] = {}
    for i in np.flatnonzero(public & due.notna().to_numpy()).tolist():
        half = HalfYear.of(starts[i])
        if half not in cache:
            cache[half] = tables.ecb_rate(half)[0] + PUBLIC_MARGIN
        out[i] = cache[half]
    return out


def _notice_dates(frame: pd.DataFrame) -> pd.Series:
    """The date of the mise en demeure each invoice got (NaT before one was sent)."""
    noticed = frame["level"].to_numpy(dtype=int) >= FORMAL_NOTICE
    return frame["last_date"].where(noticed)


def _consumer_rate(half: HalfYear, policy: Policy, tables: RateTables) -> float:
    if policy.consumer_interest_rate is not None:
        return policy.consumer_interest_rate
    # The creditor is a business: the legal rate « pour tous les autres cas » applies (the
    # « particuliers » rate is for a creditor who is a private person).
    return tables.legal_rate(half, consumer=False)[0]


__all__ = ["Penalties", "business_rates", "check_contract_rate", "compute_penalties"]
