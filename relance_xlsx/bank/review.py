"""rapprochement.xlsx: every credit, what is proposed and why, for the office to review
(a new workbook, written with XlsxWriter; the office's own workbook is never written so)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, BinaryIO

import xlsxwriter

from ..userfiles import write_atomically
from ..wording import money
from .outcome import MatchResult
from .records import ALREADY, FUTURE, OTHER, SURE, TO_DECIDE, Proposal

NAME = "rapprochement.xlsx"
DECISIONS = {
    SURE: "À appliquer", TO_DECIDE: "À décider par vous", ALREADY: "Déjà importé",
    FUTURE: "Date future", OTHER: "Hors clients",
}  # fmt: skip
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


def free_name(target: Path) -> Path:
    """The target, or « rapprochement-2.xlsx », « -3 »… when it exists: a review written
    earlier (the same day, another statement) is a record, never overwritten."""
    n = 1
    found = target
    while found.exists():
        n += 1
        found = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return found


def write_review(result: MatchResult, target: Path) -> Path:
    """The review workbook (at a free name beside target): one line per credit and invoice,
    the lines set aside."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target = free_name(target)
    published = [target]
    write_atomically(
        target,
        lambda fh: _write_book(fh, result),
        suffix=".partial",
        swap=lambda partial, name: published.append(_publish(partial, name)),
    )
    return published[-1]


def _write_book(fh: BinaryIO, result: MatchResult) -> None:
    # A statement's name or label starting with « = » is text, never a formula or a link:
    # every string is written as a string, as in rapport.xlsx.
    options = {"remove_timezone": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(fh, options)
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


def _publish(partial: Path, target: Path) -> Path:
    """The finished file under its name, never over another file: a hard link fails when
    the name was taken meanwhile (then the next free one); where links are not possible,
    a rename to the name found free."""
    for _ in range(100):
        try:
            os.link(partial, target)
        except FileExistsError:
            target = free_name(target)
            continue
        except OSError:
            partial.replace(target)
            return target
        partial.unlink()
        return target
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
    """One line per invoice the credit pays, per penalty it pays, and for a surplus; one
    line when it pays nothing (an undecided credit shows what to choose among, no amount)."""
    decision = "Appliqué" if applied and p.status == SURE else DECISIONS[p.status]
    lines: list[tuple[str, str, float | None, float | None]] = [
        (a.invoice, a.client, a.amount, a.remaining) for a in p.allocations
    ] if p.status == SURE else []  # fmt: skip
    lines += [(f"{s.invoice} (pénalités)", s.client, s.amount, None) for s in p.penalties]
    if p.status == SURE and p.surplus > 0:
        lines.append(("excédent non affecté", "", p.surplus, None))
    if not lines:
        chosen = "à choisir : " + ", ".join(p.candidates) if p.candidates else ""
        lines = [(chosen, "", None, None)]
    for invoice, client, amount, remaining in lines:
        _credit_cells(sheet, row, p, decision, fmt)
        sheet.write_string(row, 8, invoice)
        sheet.write_string(row, 9, client)
        if amount is not None:
            sheet.write_number(row, 10, amount, fmt["money"])
        if remaining is not None:
            sheet.write_number(row, 11, remaining, fmt["money"])
        sheet.write_string(row, 12, p.reason, fmt["wrap"])
        row += 1
    return row


def _credit_cells(sheet: Any, row: int, p: Proposal, decision: str, fmt: dict[str, Any]) -> None:
    e = p.entry
    sheet.write(row, 0, e.source)
    sheet.write_number(row, 1, e.line)
    sheet.write_datetime(row, 2, _midnight(e.date), fmt["date"])
    sheet.write_number(row, 3, e.amount, fmt["money"])
    sheet.write_string(row, 4, e.label)
    sheet.write_string(row, 5, decision)
    sheet.write_string(row, 6, RULES.get(p.rule, p.rule))
    sheet.write_number(row, 7, p.confidence, fmt["pct"])


def _skipped(book: Any, result: MatchResult, fmt: dict[str, Any]) -> None:
    """The statements read, the lines they set aside, the entries given twice."""
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
    for entry, first in (d for d in result.duplicates if d[0].amount > 0):
        sheet.write_string(row, 0, entry.source)
        sheet.write_string(
            row, 5,
            f"Doublon écarté : la ligne {entry.line} ({entry.date:%d/%m/%Y}, "
            f"{money(entry.amount)}) est la ligne {first.line} de {Path(first.source).name} ; "
            "comptée une fois.",
        )  # fmt: skip
        row += 1


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


__all__ = ["NAME", "write_review"]
