"""rapport.xlsx: a new workbook, written with XlsxWriter, with native Excel charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..ooxml import col_letter
from .manager import ManagerReport

MONEY = '#,##0.00 "€"'
CHART_CLIENTS = 15  # the largest debtors shown in the aging chart


def write_report(report: ManagerReport, target: Path) -> Path:
    """Write the report's four sheets (and their charts) to target, replacing it."""
    import xlsxwriter  # only a run that writes files needs it (0.1 s to import)

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
    styles = {
        "head": book.add_format(
            {"bold": True, "bg_color": "#DDE4EE", "border": 1, "text_wrap": True}
        ),
        "money": book.add_format({"num_format": MONEY}),
        "total": book.add_format({"bold": True, "num_format": MONEY, "top": 1}),
        "bold": book.add_format({"bold": True, "top": 1}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    _aging(book, report, styles)
    _indicators(book, report, styles)
    _calls(book, report, styles)
    _litigation(book, report, styles)
    book.close()
    tmp.replace(target)
    return target


def _page(ws: Any) -> None:
    """A4 landscape, one page wide: the PDF and the printout read like the screen."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def _table(ws: Any, headers: list[str], rows: list[list[Any]], styles: dict[str, Any]) -> None:
    for j, h in enumerate(headers):
        ws.write(0, j, h, styles["head"])
    # Column formats (set by each sheet) carry the money style: one write_row per row.
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, row)
    ws.freeze_panes(1, 1)
    _page(ws)


def _aging(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("Balance âgée")
    headers = ["Client", "Non échu", *report.buckets, "En litige / en attente", "Avoirs", "Total"]
    rows = [[r.client, r.not_due, *r.buckets, r.held, r.credits, r.total] for r in report.aging]
    _table(ws, headers, rows, styles)
    last = len(rows)
    ws.write(last + 1, 0, "Total", styles["bold"])
    total = report.aging_total
    values = [total.not_due, *total.buckets, total.held, total.credits, total.total]
    for j, value in enumerate(values, start=1):
        column = col_letter(j)
        # A formula, so that a correction in the sheet carries; its value, for readers that
        # do not compute (LibreOffice converts it as it is).
        ws.write_formula(last + 1, j, f"=SUM({column}2:{column}{last + 1})", styles["total"], value)
    ws.set_column(0, 0, 34)
    ws.set_column(1, len(headers) - 1, 14, styles["money"])
    if not rows:
        return
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    shown = min(len(rows), CHART_CLIENTS)
    for j in range(1, 6):  # non échu and the four buckets
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
    chart.set_size({"width": 760, "height": 420})
    ws.insert_chart(last + 3, 0, chart)


def _indicators(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("Indicateurs")
    ind = report.indicators
    dso = ind.dso
    money_, days_ = styles["money"], None
    lines: list[tuple[str, Any, str, Any]] = [
        ("Encours total (avoirs déduits)", ind.receivables, "", money_),
        ("Encours échu", ind.late, "", money_),
        ("Part de l'encours en retard (%)", ind.late_share, ind.formulas["late_share"], days_),
        (
            "Retard moyen pondéré (jours)",
            ind.weighted_days_late,
            ind.formulas["weighted_days_late"],
            days_,
        ),
        (f"Chiffre d'affaires des {dso.period_days} derniers jours", dso.sales, "", money_),
        ("DSO simple (jours)", dso.simple, ind.formulas["simple"], days_),
        ("DSO par épuisement (jours)", dso.count_back, ind.formulas["count_back"], days_),
        ("Pénalités de retard dues", ind.interest_due, "", money_),
        ("Indemnités forfaitaires dues", ind.indemnities_due, "", money_),
    ]
    _page(ws)
    for j, h in enumerate(["Indicateur", "Valeur", "Calcul"]):
        ws.write(0, j, h, styles["head"])
    for i, (label, value, formula, style) in enumerate(lines, start=1):
        ws.write(i, 0, label)
        ws.write(i, 1, "–" if value is None else value, style)
        ws.write(i, 2, formula, styles["wrap"])
    ws.set_column(0, 0, 40)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 90)
    if not report.dso_by_month:
        ws.write(
            len(lines) + 2,
            0,
            "DSO par mois : historique insuffisant (dates de règlement manquantes).",
        )
        return
    top = len(lines) + 2
    for j, h in enumerate(["Mois (au)", "Encours", "DSO simple", "DSO par épuisement"]):
        ws.write(top, j, h, styles["head"])
    for i, d in enumerate(report.dso_by_month, start=top + 1):
        ws.write(i, 0, d.on.strftime("%d/%m/%Y"))
        ws.write(i, 1, d.receivables, styles["money"])
        ws.write(i, 2, d.simple if d.simple is not None else "–")
        ws.write(i, 3, d.count_back if d.count_back is not None else "–")
    chart = book.add_chart({"type": "line"})
    end = top + len(report.dso_by_month)
    for j in (2, 3):
        chart.add_series(
            {
                "name": ["Indicateurs", top, j],
                "categories": ["Indicateurs", top + 1, 0, end, 0],
                "values": ["Indicateurs", top + 1, j, end, j],
                "marker": {"type": "circle"},
            }
        )
    chart.set_title({"name": "DSO des 12 derniers mois (jours)"})
    chart.set_size({"width": 720, "height": 360})
    ws.insert_chart(end + 2, 0, chart)


def _calls(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("À appeler")
    headers = [
        "Client",
        "Téléphone",
        "Contact",
        "Total dû",
        "Plus ancienne facture",
        "Échéance",
        "Dernière relance",
        "Date",
        "Pourquoi",
        "Pour commencer",
    ]
    rows = [
        [
            c.client,
            c.phone,
            c.contact,
            c.total_due,
            c.oldest_invoice,
            c.oldest_date,
            c.last_action,
            c.last_date,
            c.why,
            c.opening,
        ]
        for c in report.calls
    ]
    _table(ws, headers, rows, styles)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 2, 16)
    ws.set_column(3, 3, 14, styles["money"])
    ws.set_column(4, 7, 14)
    ws.set_column(8, 8, 30, styles["wrap"])
    ws.set_column(9, 9, 60, styles["wrap"])
    for i in range(1, len(rows) + 1):
        ws.set_row(i, 48)  # three lines of the opening sentence (no reader fits rows itself)


def _litigation(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("Contentieux")
    headers = [
        "Client",
        "Factures",
        "Principal (avoirs déduits)",
        "Intérêts",
        "Indemnités",
        "Total à réclamer",
    ]
    rows = [
        [c.client, ", ".join(c.invoices), c.principal, c.interest, c.indemnity, c.total]
        for c in report.litigation
    ]
    _table(ws, headers, rows, styles)
    ws.set_column(0, 1, 30)
    ws.set_column(2, 5, 16, styles["money"])


__all__ = ["write_report"]
