"""The report's charts, each on a sheet of its own: printed, a chart never sits under the
repeated header of a table it does not continue, and the DSO month by month gets columns of
its own width instead of sharing the indicators' wide « Calcul » column."""

from __future__ import annotations

from typing import Any

from .aging import NOT_CHASED_HEADERS
from .manager import ManagerReport

# French whatever the machine's locale: the [$-40C] prefix (fr-FR) makes LibreOffice, and so
# the PDF, write 6 171,15 € on an English system too; [$€-40C] names the euro for Excel.
MONEY = "[$-40C]#,##0.00 [$€-40C]"
AGING_SHEET = "Graphique ancienneté"
DSO_SHEET = "DSO par mois"
# Sheets with no header row to repeat on each printed page.
CHART_SHEETS = frozenset({AGING_SHEET})
CHART_CLIENTS = 15  # the largest debtors shown in the aging chart


def aging_chart(book: Any, report: ManagerReport) -> None:
    """The largest debtors' outstanding by age, a page of its own (none without a debtor)."""
    shown = min(len(report.aging), CHART_CLIENTS)
    if not shown:
        return
    ws = book.add_worksheet(AGING_SHEET)
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    # Non échu, the four buckets, and what is not chased (disputed or on hold, in collective
    # proceedings, time-barred): a client owing only the latter is a bar of its own colour,
    # not an empty one.
    for j in range(1, 6 + len(NOT_CHASED_HEADERS)):
        chart.add_series(
            {
                "name": ["Balance âgée", 0, j],
                "categories": ["Balance âgée", 1, 0, shown, 0],
                "values": ["Balance âgée", 1, j, shown, j],
            }
        )
    chart.set_title({"name": f"Encours par ancienneté ({shown} premiers clients)"})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"num_format": MONEY})
    chart.set_size({"width": 960, "height": 560})
    ws.insert_chart(0, 0, chart)


def dso_by_month(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    """The DSO at the end of each of the last months, its table and its chart beside it on
    one page (no sheet without the history it needs)."""
    months = report.dso_by_month
    if not months:
        return
    ws = book.add_worksheet(DSO_SHEET)
    headers = ["Mois (au)", "Encours", "DSO simple (jours)", "DSO par épuisement (jours)"]
    ws.set_row(0, 44)
    for j, h in enumerate(headers):
        ws.write(0, j, h, styles["head"])
    for i, d in enumerate(months, start=1):
        ws.write_datetime(i, 0, d.on, styles["date"])
        ws.write(i, 1, d.receivables, styles["money"])
        ws.write(i, 2, d.simple if d.simple is not None else "–", styles["days"])
        ws.write(i, 3, d.count_back if d.count_back is not None else "–", styles["days"])
    ws.set_column(0, 0, 12)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 3, 14)
    ws.set_column(4, 4, 3)
    ws.freeze_panes(1, 1)
    chart = book.add_chart({"type": "line"})
    end = len(months)
    for j in (2, 3):
        chart.add_series(
            {
                "name": [DSO_SHEET, 0, j],
                "categories": [DSO_SHEET, 1, 0, end, 0],
                "values": [DSO_SHEET, 1, j, end, j],
                "marker": {"type": "circle"},
            }
        )
    chart.set_title({"name": "DSO des 12 derniers mois (jours)"})
    # The months as dates, not as Excel's day numbers (« 46113 »).
    chart.set_x_axis({"text_axis": True, "num_format": "[$-40C]dd/mm/yyyy"})
    chart.set_size({"width": 640, "height": 360})
    ws.insert_chart(0, 5, chart)


__all__ = ["CHART_SHEETS", "DSO_SHEET", "MONEY", "aging_chart", "dso_by_month"]
