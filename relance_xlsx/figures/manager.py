"""The manager's report: the aging balance, the indicators, the call list, litigation."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..config import Report
from .aging import AgingRow, aging, aging_total, bucket_labels, open_items
from .calls import Call, LitigationCase, call_list, litigation_cases
from .dso import Dso, dso_on, monthly_dso


@dataclass(frozen=True)
class Indicators:
    """The figures of the « Indicateurs » sheet, each with how it is computed."""

    receivables: float  # outstanding, credits deducted, held included
    late: float  # outstanding past its due date
    late_share: float | None  # late / receivables, percent
    weighted_days_late: float | None  # average days late, weighted by amount
    interest_due: float
    indemnities_due: float
    dso: Dso
    formulas: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ManagerReport:
    """Everything `relance report` shows and writes (rapport.xlsx, --json)."""

    ledger: str
    as_of: str
    buckets: tuple[str, ...]
    aging: list[AgingRow]
    aging_total: AgingRow
    indicators: Indicators
    dso_by_month: list[Dso]
    calls: list[Call]
    litigation: list[LitigationCase]
    # The office's name, printed in the report's header (empty when not configured).
    company: str = ""
    # What the manager should know about the figures themselves (phones missing…).
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document of `report --json`."""
        return asdict(self)


FORMULAS = {
    "simple": "DSO simple = encours ÷ chiffre d'affaires de la période × jours de la période",
    "count_back": (
        "DSO par épuisement = on retire de l'encours le chiffre d'affaires de chaque mois, du "
        "plus récent au plus ancien ; chaque mois épuisé compte tous ses jours, le dernier "
        "la part de son chiffre d'affaires qui reste"
    ),
    "late_share": "part en retard = encours échu ÷ encours des factures (avoirs non déduits)",
    "weighted_days_late": "retard moyen pondéré = Σ (jours de retard × reste dû) ÷ Σ reste dû échu",
}


def manager_report(
    ledger: str,
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    as_of: dt.date,
    report: Report,
    company: str = "",
    waits: dict[int, int] | None = None,
) -> ManagerReport:
    """The report on as_of, from the ledger frame and the run's decisions (waits: the days
    given after a letter of each level, before it is time to call)."""
    items = open_items(frame, decisions["action"])
    rows = aging(items, as_of, report)
    calls = call_list(frame, decisions, report, as_of, waits)
    return ManagerReport(
        ledger,
        as_of.isoformat(),
        bucket_labels(report),
        rows,
        aging_total(rows),
        indicators(frame, decisions, items, as_of, report),
        _from_first_month(
            monthly_dso(frame[frame["valid"].to_numpy(dtype=bool)], as_of, report.dso_days)
        ),
        calls,
        litigation_cases(frame, decisions),
        company,
        _phones_missing(calls),
    )


def _from_first_month(months: list[Dso]) -> list[Dso]:
    """The monthly history from the first month with anything invoiced or owed: no row of
    zeros for the months before the ledger begins."""
    first = next((i for i, d in enumerate(months) if d.receivables or d.sales), len(months))
    return months[first:]


def _phones_missing(calls: list[Call]) -> list[str]:
    """One warning naming the clients to call whose phone number the ledger lacks."""
    lacking = [c.client for c in calls if not c.phone]
    if not lacking:
        return []
    names = ", ".join(f"« {n} »" for n in lacking[:10]) + (" …" if len(lacking) > 10 else "")
    return [
        f"{len(lacking)} client(s) à appeler sans numéro de téléphone dans le classeur "
        f"({names}) : ajoutez-le dans une colonne « Téléphone » (ou dans la fiche clients)."
    ]


def indicators(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    items: pd.DataFrame,
    as_of: dt.date,
    report: Report,
) -> Indicators:
    """The indicators of as_of from the open items."""
    amount = items["outstanding"].to_numpy(dtype=float)
    receivables = round(float(amount.sum()), 2)
    late_days = (pd.Timestamp(as_of) - items["due_date"]).dt.days.to_numpy(dtype=float)
    is_late = (np.nan_to_num(late_days, nan=0.0) > 0) & ~items["is_credit"].to_numpy(dtype=bool)
    late = round(float(amount[is_late].sum()), 2)
    # Over the invoices alone: the credit notes lower what is owed, not what is late, and a
    # share over the net total exceeded 100 % once every invoice was late.
    invoiced = round(float(amount[~items["is_credit"].to_numpy(dtype=bool)].sum()), 2)
    weighted = (
        round(float((late_days[is_late] * amount[is_late]).sum() / amount[is_late].sum()), 1)
        if late > 0
        else None
    )
    # Also those of the invoices paid late, which their status says « restent dues » (the
    # decisions net them of what a transfer already paid): review-lawhand 7.
    owed = ~frame["is_credit"].to_numpy(dtype=bool)
    valid = frame[frame["valid"].to_numpy(dtype=bool)]
    return Indicators(
        receivables,
        late,
        round(late / invoiced * 100, 1) if invoiced > 0 else None,
        weighted,
        round(float(decisions["interest"][owed].sum()), 2),
        round(float(decisions["indemnity"][owed].sum()), 2),
        dso_on(valid, as_of, receivables, report.dso_days),
        dict(FORMULAS),
    )


__all__ = ["Indicators", "ManagerReport", "indicators", "manager_report"]
