"""rapport.xlsx: a new workbook, written with XlsxWriter, with native Excel charts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..ooxml import col_letter
from ..userfiles import write_bytes_atomically
from ..wording import date_long
from .aging import NOT_CHASED_HEADERS, AgingRow
from .charts import CHART_SHEETS, DSO_SHEET, MONEY, aging_chart, dso_by_month
from .manager import ManagerReport

# French whatever the machine's locale: the [$-40C] prefix (fr-FR) makes LibreOffice, and so
# the PDF, write 6 171,15 € on an English system too; [$€-40C] names the euro for Excel.
DAYS = "[$-40C]0.0"
DATE = "dd/mm/yyyy"  # the French day, whatever the machine


def write_report(report: ManagerReport, target: Path, *, papers: str = "") -> Path:
    """Write the report's sheets (tables, and charts on sheets of their own) to target,
    replacing it.

    papers: the creditor's legal mentions, printed at the foot of every page.
    """
    import xlsxwriter  # only a run that writes files needs it (0.1 s to import)

    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # Dates are real Excel dates (sortable, filterable), shown JJ/MM/AAAA.
    options = {"strings_to_formulas": False, "strings_to_urls": False, "default_date_format": DATE}
    book = xlsxwriter.Workbook(buffer, options)
    styles = {
        "head": book.add_format(
            {"bold": True, "bg_color": "#DDE4EE", "border": 1, "text_wrap": True}
        ),
        "money": book.add_format({"num_format": MONEY, "valign": "top"}),
        "total": book.add_format({"bold": True, "num_format": MONEY, "top": 1}),
        "bold": book.add_format({"bold": True, "top": 1}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "top": book.add_format({"valign": "top"}),
        "days": book.add_format({"num_format": DAYS}),
        "date": book.add_format({"num_format": DATE, "align": "left"}),
        "missing": book.add_format(
            {"font_color": "#A40000", "bold": True, "text_wrap": True, "valign": "top"}
        ),
    }
    book.set_properties({"title": "Rapport de relances", "company": report.company})
    _aging(book, report, styles)
    aging_chart(book, report)
    _indicators(book, report, styles)
    dso_by_month(book, report, styles)
    _calls(book, report, styles)
    if report.litigation:  # an empty sheet would print an empty page
        _litigation(book, report, styles)
    for ws in book.worksheets():
        _page(ws, report, papers, header_row=ws.name not in CHART_SHEETS)
    book.close()
    write_bytes_atomically(target, buffer.getvalue())
    return target


def _page(ws: Any, report: ManagerReport, papers: str = "", *, header_row: bool = True) -> None:
    """A4 landscape, one page wide, and on every page the title, the company, the date and
    the page number (the sheet's own header and footer: the PDF prints them too), and the
    company's legal mentions in small type at the foot; a table's header row on each of its
    pages (header_row; not on a chart's page, where it would head nothing)."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    if header_row:
        ws.repeat_rows(0)
    ws.set_margins(left=0.5, right=0.5, top=0.9, bottom=0.7)
    day = date_long(dt.date.fromisoformat(report.as_of))
    company = _escaped(report.company or "")
    ws.set_header(
        f'&L&"-,Bold"{company}&C&"-,Bold"Rapport de relances – &A&R{day}', {"margin": 0.3}
    )
    left, right = f"&L{_escaped(Path(report.ledger).name)}", "&RPage &P sur &N"
    room = 250 - len(left) - len(right) - 6  # Excel keeps at most 255 characters
    # One line; its no-break spaces kept (« 10 000 € » not cut at its thousands).
    mentions = " ".join(papers.splitlines()).replace("&", "&&")[: max(room, 0)]
    centre = f"&C&6{mentions}" if mentions else ""
    ws.set_footer(f"{left}{centre}{right}", {"margin": 0.3})


def _escaped(text: str) -> str:
    """Text for a header or footer: & doubled (a lone & starts a code), at most 80 chars."""
    return " ".join(text.split())[:80].replace("&", "&&")


def _date(text: str) -> dt.date | str:
    """A JJ/MM/AAAA of the figures as a date Excel sorts (empty stays empty)."""
    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else ""


def _table(ws: Any, headers: list[str], rows: list[list[Any]], styles: dict[str, Any]) -> None:
    ws.set_row(0, 44)  # headers on up to three lines
    for j, h in enumerate(headers):
        ws.write(0, j, h, styles["head"])
    # Column formats (set by each sheet) carry the money style: one write_row per row.
    for i, row in enumerate(rows, start=1):
        ws.write_row(i, 0, row)
    ws.freeze_panes(1, 1)


def _apart(row: AgingRow) -> tuple[float, float, float]:
    """What is not chased, in the order of NOT_CHASED_HEADERS."""
    return row.held, row.insolvency, row.prescribed


def _aging(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("Balance âgée")
    headers = ["Client", "Non échu", *report.buckets, *NOT_CHASED_HEADERS, "Avoirs", "Total"]
    rows = [[r.client, r.not_due, *r.buckets, *_apart(r), r.credits, r.total] for r in report.aging]
    _table(ws, headers, rows, styles)
    last = len(rows)
    ws.write(last + 1, 0, "Total", styles["bold"])
    total = report.aging_total
    values = [total.not_due, *total.buckets, *_apart(total), total.credits, total.total]
    for j, value in enumerate(values, start=1):
        column = col_letter(j)
        # A formula, so that a correction in the sheet carries; its value, for readers that
        # do not compute (LibreOffice converts it as it is).
        ws.write_formula(last + 1, j, f"=SUM({column}2:{column}{last + 1})", styles["total"], value)
    ws.set_column(0, 0, 34)
    ws.set_column(1, len(headers) - 1, 14, styles["money"])


def _indicators(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("Indicateurs")
    ind = report.indicators
    dso = ind.dso
    money_, days_ = styles["money"], styles["days"]
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
        ("DSO simple (jours)", dso.simple, _said(ind.formulas["simple"], dso.simple_gap), days_),
        ("DSO par épuisement (jours)", dso.count_back, ind.formulas["count_back"], days_),
        ("Pénalités de retard dues", ind.interest_due, "", money_),
        ("Indemnités forfaitaires dues", ind.indemnities_due, "", money_),
    ]
    for j, h in enumerate(["Indicateur", "Valeur", "Calcul"]):
        ws.write(0, j, h, styles["head"])
    for i, (label, value, formula, style) in enumerate(lines, start=1):
        ws.write(i, 0, label)
        ws.write(i, 1, "–" if value is None else value, style)
        ws.write(i, 2, formula, styles["wrap"])
    ws.set_column(0, 0, 40)
    ws.set_column(1, 3, 16)
    ws.set_column(2, 2, 90)
    if not report.dso_by_month:
        ws.write(
            len(lines) + 2,
            0,
            "DSO par mois : historique insuffisant (dates de règlement manquantes).",
        )
        return
    ws.write(len(lines) + 2, 0, f"DSO mois par mois : feuille « {DSO_SHEET} ».")


def _said(formula: str, gap: str) -> str:
    """The formula, and why it gives nothing this time."""
    return f"{formula} ; non calculé : {gap}" if gap else formula


def _calls(book: Any, report: ManagerReport, styles: dict[str, Any]) -> None:
    ws = book.add_worksheet("À appeler")
    # The contact column only when the ledger names one: the sheet must fit the page's width.
    contact = any(c.contact for c in report.calls)
    columns: list[tuple[str, float, str, Any]] = [
        ("Client", 22, "wrap", lambda c: c.client),
        ("Téléphone", 15, "wrap", lambda c: c.phone),
        *([("Contact", 14, "wrap", lambda c: c.contact)] if contact else []),
        ("Total dû par le client", 13, "money", lambda c: c.total_due),
        ("Factures impayées", 9, "wrap", lambda c: c.invoices),
        ("Plus ancienne facture", 10, "wrap", lambda c: c.oldest_invoice),
        ("Son reste dû", 12, "money", lambda c: c.oldest_amount),
        ("Échéance", 10, "top", lambda c: _date(c.oldest_date)),
        ("Dernière relance", 12, "wrap", lambda c: c.last_action),
        ("Date", 10, "top", lambda c: _date(c.last_date)),
        ("Pourquoi", 22, "wrap", lambda c: c.why),
        ("Pour commencer", 42, "wrap", lambda c: c.opening),
    ]
    rows = [[get(c) for _, _, _, get in columns] for c in report.calls]
    _table(ws, [name for name, _, _, _ in columns], rows, styles)
    for i, c in enumerate(report.calls, start=1):
        if not c.phone:  # flagged where the clerk looks for it
            ws.write(i, 1, "À trouver : pas de numéro dans le classeur", styles["missing"])
        ws.set_row(i, 80)  # the opening sentence on five lines (no reader fits rows itself)
    if not rows:
        ws.write(1, 0, "Aucun client à appeler cette semaine.")
    for j, (_, width, style, _) in enumerate(columns):
        ws.set_column(j, j, width, styles[style])


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
