"""What `relance report` shows in the terminal: the totals, the indicators, who to call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

from ..wording import money
from .console import err, out

if TYPE_CHECKING:  # an annotation only: a report's result imports the figures and the mail
    from ..results import ReportResult


def render_report(result: ReportResult, notes: list[str]) -> None:
    """The aging totals, both DSO figures, the call list's first lines, the files written."""
    for w in [*notes, *result.warnings]:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    figures = result.figures
    total = figures.aging_total
    table = Table(title=f"Balance âgée au {figures.as_of}", title_justify="left")
    for name in ("Non échu", *figures.buckets, "En litige", "Avoirs", "Total"):
        table.add_column(name, justify="right")
    table.add_row(
        *(money(v) for v in (total.not_due, *total.buckets, total.held, total.credits, total.total))
    )
    out.print(table)
    ind = figures.indicators

    def days(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f} j".replace(".", ",")

    out.print(
        f"DSO simple : {days(ind.dso.simple)} ; par épuisement : {days(ind.dso.count_back)} "
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
