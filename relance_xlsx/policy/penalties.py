"""Late-payment interest and the 40 € recovery indemnity (Code de commerce L441-10, D441-5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import repeat
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..config import Policy
from ..wording import percent
from .onceper import once_per_invoice
from .rates import HalfYear, RateTables
from .statuses import paid_late_rows
from .stretches import Stretches

ECB_MARGIN = 10.0
FLOOR_FACTOR = 3.0
PUBLIC_MARGIN = 8.0  # points above the ECB rate for a public buyer (R2192-31)


class InterestPeriod(NamedTuple):
    """One stretch of an invoice's delay at one rate on one base (CPC 1407 asks for them).

    A named tuple: a run may make one per late invoice and half-year, hundreds of thousands.
    """

    start: dt.date
    end: dt.date
    days: int
    rate: float  # percent a year
    base: float  # the amount the interest runs on
    interest: float  # rounded to the cent; an invoice's interest is the sum of its periods


PERIOD_COLUMNS = ("start", "end", "days", "rate", "base", "interest")


@dataclass(frozen=True)
class Penalties:
    """Per-invoice interest and indemnity, the rate of the run's half-year, and warnings."""

    interest: pd.Series
    indemnity: pd.Series
    rate: float  # business rate of the run's half-year, in percent
    warnings: tuple[str, ...]
    periods: pd.DataFrame  # one row per period, indexed by the invoice's frame index


def periods_by_invoice(periods: pd.DataFrame) -> dict[Any, tuple[InterestPeriod, ...]]:
    """The periods of each invoice that has some, in date order."""
    ordered = periods.sort_values("start", kind="stable")
    # Each invoice's periods side by side (a stable sort of the invoices in the order they
    # first come), each group a slice: a loop per period took 0.8 s for 500,000 periods.
    codes, invoices = pd.factorize(ordered.index, use_na_sentinel=False)
    grouped = ordered.take(np.argsort(codes, kind="stable"))
    days = map(int, grouped["days"].tolist())
    rest = (grouped[c].tolist() for c in PERIOD_COLUMNS[3:])
    columns = (_dates(grouped["start"]), _dates(grouped["end"]), days, *rest)
    # tuple.__new__ as the named tuple's own __new__ calls it, without a Python call each.
    made = list(map(tuple.__new__, repeat(InterestPeriod), zip(*columns, strict=True)))
    ends = np.cumsum(np.bincount(codes, minlength=len(invoices))).tolist()
    slices = map(slice, [0, *ends[:-1]], ends)
    return dict(zip(invoices.tolist(), map(tuple, map(made.__getitem__, slices)), strict=True))


def _dates(column: pd.Series) -> list[dt.date]:
    # Dates boxed as dates by the column at once, not as Timestamps then .date() one by one
    # (an empty frame's columns are objects).
    if pd.api.types.is_datetime64_dtype(column.dtype):
        return list(column.dt.date.tolist())
    return [v.date() for v in column.tolist()]


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
            warnings.append(_unconfirmed(half, ecb))
        rates[half] = ecb + ECB_MARGIN
    return rates, warnings


def _unconfirmed(half: HalfYear, ecb: float) -> str:
    return (
        f"Taux BCE du {half.label()} non confirmé dans la table : le dernier connu "
        f"({percent(ecb)}) est utilisé pour les intérêts de retard. À faire : "
        "vérifiez le taux directeur de la BCE au 1er janvier ou au 1er juillet (site "
        "de la Banque de France) ; s'il a changé, installez la dernière version de "
        "relance-xlsx ou donnez le nouveau taux dans une copie de la table des taux "
        "(guide, « Un nouveau taux BCE »)."
    )


def _used_rates_warnings(
    used: list[HalfYear], public_starts: set[HalfYear], policy: Policy, tables: RateTables
) -> list[str]:
    """The warnings of the rates a claimed figure depends on: the business rate of each
    half-year some business interest runs in, the ECB rate of each half-year a public buyer's
    delay starts in (fixed for the whole delay, R2192-31); none for a rate nothing uses."""
    _, warnings = business_rates(used, policy, tables)
    for half in sorted(public_starts, key=lambda h: h.start):
        ecb, confirmed = tables.ecb_rate(half)
        if not confirmed:
            warnings.append(_unconfirmed(half, ecb))
    return list(dict.fromkeys(warnings))


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

    Each half-year is a period of its own, and a dated payment splits its period: before it
    the interest runs on the invoice's amount, after it on what remains (an invoice paid in
    full late owes its interest up to the day of payment, and its 40 €: L441-10). Each
    period's interest is rounded to the cent and the invoice's interest is their sum, so a
    letter's breakdown adds up to its total.
    """
    warnings = check_contract_rate(policy, tables, as_of)
    due = frame["due_date"]
    late = claimable & due.notna().to_numpy() & (due < pd.Timestamp(as_of)).to_numpy()
    paid_late = paid_late_rows(frame)
    consumer = frame["consumer"].to_numpy(dtype=bool)
    owed = late | paid_late
    interest_base = owed & (~consumer | policy.interest_for_consumers)
    interest = np.zeros(len(frame))
    parts: list[pd.DataFrame] = []
    if interest_base.any():
        start = min((due[interest_base] + pd.Timedelta(days=1)).min().date(), as_of)
        halves = _halves_between(start, as_of)
        rates, _ = business_rates(halves, policy, tables)
        stretches = Stretches.of(frame, as_of, consumer)
        public = frame["public"].to_numpy(dtype=bool) & ~consumer
        business = interest_base & ~public & ~consumer
        fixed = _public_rates(due, public, tables)
        unsure: list[HalfYear] = []
        used: list[HalfYear] = []
        for half in halves:
            rate = np.where(consumer, _consumer_rate(half, policy, tables), rates[half])
            rate = np.where(public, fixed, rate)
            for lo, hi, base in stretches.within(half):
                days = np.clip((hi - lo).astype("timedelta64[D]").astype(float) + 1, 0, None)
                days = np.where(interest_base, np.nan_to_num(days), 0.0)
                if _legal_unsure(half, policy, tables) and (days[consumer] > 0).any():
                    unsure.append(half)
                amount = np.round(base * days * rate / 100.0 / 365.0 + 1e-9, 2)
                interest += amount
                has = (days > 0) & (base > 0)
                if half not in used and (has & business).any():
                    used.append(half)
                parts.append(_period_rows(frame.index, has, lo, hi, days, rate, base, amount))
        charged = (interest > 0) & public & interest_base
        starts = {HalfYear.of(d.date()) for d in (due[charged] + pd.Timedelta(days=1))}
        warnings += _used_rates_warnings(used, starts, policy, tables)
        warnings += [_legal_warning(h, tables) for h in dict.fromkeys(unsure)]
    indemnity = once_per_invoice(frame, np.where(owed & ~consumer, policy.indemnity, 0.0))
    if "interest_paid" in frame:  # paid by bank transfer (a letter's QR code): not owed again
        interest = np.maximum(np.round(interest, 2) - frame["interest_paid"].to_numpy(float), 0)
        indemnity = np.maximum(indemnity - frame["indemnity_paid"].to_numpy(float), 0.0)
    current, _ = business_rates([HalfYear.of(as_of)], policy, tables)
    return Penalties(
        pd.Series(np.round(interest, 2), index=frame.index),
        pd.Series(indemnity, index=frame.index),
        current[HalfYear.of(as_of)],
        tuple(dict.fromkeys(warnings)),
        pd.concat(parts) if parts else no_periods(),
    )


def no_periods() -> pd.DataFrame:
    """An empty table of interest periods."""
    return pd.DataFrame({c: [] for c in PERIOD_COLUMNS})


def _period_rows(
    index: pd.Index, mask: np.ndarray, lo: np.ndarray, hi: np.ndarray, *columns: np.ndarray
) -> pd.DataFrame:
    """The periods of one stretch of one half-year, for the invoices it has days for."""
    days, rate, base, amount = (c[mask] for c in columns)
    return pd.DataFrame(
        {
            "start": lo[mask].astype("datetime64[ns]"),
            "end": hi[mask].astype("datetime64[ns]"),
            "days": days,
            "rate": rate,
            "base": base,
            "interest": amount,
        },
        index=index[mask],
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


def _legal_unsure(half: HalfYear, policy: Policy, tables: RateTables) -> bool:
    """Whether a consumer's interest for this half-year uses a legal rate not in the table."""
    return policy.consumer_interest_rate is None and not tables.legal_rate(half)[1]


def _legal_warning(half: HalfYear, tables: RateTables) -> str:
    """The warning of a consumer's interest computed at the latest known legal rate."""
    rate = tables.legal_rate(half)[0]
    return (
        f"Taux d'intérêt légal du {half.label()} non confirmé dans la table : le dernier connu "
        f"({percent(rate)}) est utilisé pour les intérêts dus par les particuliers (Code civil "
        "1231-6). À faire : vérifiez le taux publié au Journal officiel pour ce semestre (site "
        "de la Banque de France) ; s'il diffère, installez la dernière version de relance-xlsx "
        "ou donnez-le dans une copie de la table des taux (guide, « Un nouveau taux BCE »)."
    )


def _consumer_rate(half: HalfYear, policy: Policy, tables: RateTables) -> float:
    if policy.consumer_interest_rate is not None:
        return policy.consumer_interest_rate
    # The creditor is a business: the legal rate « pour tous les autres cas » applies (the
    # « particuliers » rate is for a creditor who is a private person).
    return tables.legal_rate(half, consumer=False)[0]


__all__ = [
    "InterestPeriod",
    "Penalties",
    "business_rates",
    "check_contract_rate",
    "compute_penalties",
    "no_periods",
    "periods_by_invoice",
]
