"""What `relance report` shows in the terminal: the totals, the indicators, who to call."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.table import Table

from ..wording import date_short, money
from .console import err, out

if TYPE_CHECKING:  # an annotation only: a report's result imports the figures and the mail
    from ..results import ReportResult


def render_report(result: ReportResult, notes: list[str]) -> None:
    """The aging totals, both DSO figures, the call list's first lines, the files written."""
    for w in [*notes, *result.warnings]:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    figures = result.figures
    total = figures.aging_total
    day = date_short(dt.date.fromisoformat(figures.as_of))
    table = Table(title=f"Balance âgée au {day}", title_justify="left")
    table.add_column("")
    table.add_column("Montant", justify="right")
    # One line per column of the report's sheet: side by side, nine amounts wrapped at 80
    # columns. What is not chased for a reason nothing has is left out.
    apart = (
        ("En litige / en attente", total.held),
        ("Procédure collective", total.insolvency),
        ("Prescrites", total.prescribed),
    )
    lines = [
        ("Non échu", total.not_due),
        *zip(figures.buckets, total.buckets, strict=True),
        *((name, value) for name, value in apart if value),
        ("Avoirs", total.credits),
        ("Total", total.total),
    ]
    for name, value in lines:
        table.add_row(name, money(value))
    out.print(table)
    ind = figures.indicators

    def days(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f} j".replace(".", ",")

    gap = f" ({ind.dso.simple_gap})" if ind.dso.simple_gap else ""
    out.print(
        f"DSO simple : {days(ind.dso.simple)}{gap} ; par épuisement : {days(ind.dso.count_back)} "
        f"(sur {ind.dso.period_days} jours) ; en retard : {money(ind.late)}"
        + (f" ({ind.late_share:.1f} %)".replace(".", ",") if ind.late_share is not None else ""),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    calls = figures.calls
    out.print(
        f"À appeler : {len(calls)} client(s)"
        + (
            " — " + ", ".join(f"{c.client} ({money(c.total_due)})" for c in calls[:10])
            if calls
            else ""
        )
        + f" ; contentieux : {len(figures.litigation)} client(s).",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if result.xlsx:
        out.print(
            f"Rapport : {result.xlsx}" + (f" et {result.pdf}" if result.pdf else ""),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


__all__ = ["render_report"]
