"""rapprochement.xlsx: every credit, what is proposed and why, for the office to review
(a new workbook, written with XlsxWriter; the office's own workbook is never written so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from .outcome import MatchResult
from .records import ALREADY, SURE, TO_DECIDE, Proposal

NAME = "rapprochement.xlsx"
DECISIONS = {SURE: "À appliquer", TO_DECIDE: "À décider", ALREADY: "Déjà importé"}
RULES = {
    "reference": "Référence RF de la lettre",
    "number": "N° de facture",
    "amount": "Payeur et montant",
    "none": "",
}
COLUMNS = (
    ("Relevé", 22), ("Ligne", 7), ("Date", 11), ("Montant", 13), ("Libellé", 48),
    ("Décision", 14), ("Règle", 22), ("Confiance", 10), ("Factures", 22), ("Client", 26),
    ("Affecté", 13), ("Reste dû après", 14), ("Motif", 90),
)  # fmt: skip


def write_review(result: MatchResult, target: Path) -> Path:
    """The review workbook: one line per credit and invoice, the lines set aside."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    book = xlsxwriter.Workbook(str(partial), {"remove_timezone": True})
    try:
        fmt = _formats(book)
        sheet = book.add_worksheet("Rapprochement")
        for col, (title, width) in enumerate(COLUMNS):
            sheet.write(0, col, title, fmt["head"])
            sheet.set_column(col, col, width, fmt["wrap"] if title == "Motif" else None)
        row = 1
        for p in result.proposals:
            row = _proposal_rows(sheet, row, p, result.applied > 0, fmt)
        sheet.autofilter(0, 0, max(row - 1, 1), len(COLUMNS) - 1)
        sheet.freeze_panes(1, 0)
        _skipped(book, result, fmt)
    finally:
        book.close()
    partial.replace(target)
    return target


def _formats(book: Any) -> dict[str, Any]:
    return {
        "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "date": book.add_format({"num_format": "dd/mm/yyyy"}),
        "money": book.add_format({"num_format": '#,##0.00 "€"'}),
        "pct": book.add_format({"num_format": "0%"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


def _proposal_rows(sheet: Any, row: int, p: Proposal, applied: bool, fmt: dict[str, Any]) -> int:
    """One line per invoice the credit pays (one line when it pays none)."""
    e = p.entry
    decision = "Appliqué" if applied and p.status == SURE else DECISIONS[p.status]
    lines = p.allocations or (None,)
    for a in lines:
        sheet.write(row, 0, e.source)
        sheet.write_number(row, 1, e.line)
        sheet.write_datetime(row, 2, _midnight(e.date), fmt["date"])
        sheet.write_number(row, 3, e.amount, fmt["money"])
        sheet.write_string(row, 4, e.label)
        sheet.write_string(row, 5, decision)
        sheet.write_string(row, 6, RULES.get(p.rule, p.rule))
        sheet.write_number(row, 7, p.confidence, fmt["pct"])
        if a is not None:
            sheet.write_string(row, 8, a.invoice)
            sheet.write_string(row, 9, a.client)
            sheet.write_number(row, 10, a.amount, fmt["money"])
            sheet.write_number(row, 11, a.remaining, fmt["money"])
        elif p.candidates:
            sheet.write_string(row, 8, "à choisir : " + ", ".join(p.candidates))
        sheet.write_string(row, 12, p.reason, fmt["wrap"])
        row += 1
    return row


def _skipped(book: Any, result: MatchResult, fmt: dict[str, Any]) -> None:
    """The statements read and the lines they set aside."""
    sheet = book.add_worksheet("Relevés")
    for col, title in enumerate(("Relevé", "Format", "Lu", "Crédits", "Débits ignorés", "Note")):
        sheet.write(0, col, title, fmt["head"])
    sheet.set_column(0, 0, 40)
    sheet.set_column(5, 5, 90)
    row = 1
    for s in result.statements:
        sheet.write_row(row, 0, [s.path, s.format, len(s.entries), len(s.credits), s.debits])
        sheet.write_string(row, 5, s.description)
        row += 1
        for why in s.skipped:
            sheet.write_string(row, 5, f"Ligne écartée : {why}")
            row += 1


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


__all__ = ["NAME", "write_review"]
