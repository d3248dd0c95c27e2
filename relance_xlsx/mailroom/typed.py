"""The posting lists of the recent runs, read back with the LRAR numbers the office typed.

The very hidden sheet says which client, letter and invoices each line is; the visible table,
found again whatever the office did to it (listread.py), gives the numbers. What cannot be read
is said, in one sentence naming the file, the sheet and the cell: a list is never skipped
silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import python_calamine as calamine

from ..config import Limits
from ..ooxml import check_package
from .listread import Lost, Table, TypedRow, fold, locate, quoted, typed_rows
from .posted import posted_day
from .posting import KEYS_HEADERS, KEYS_SHEET, LIST_NAME, SHEET, WORKBOOK_LABEL, PostingLine
from .unread import header_lost, keys_lost, table_lost, unreadable

# A posting list is a page of lines: anything far bigger is not one (or is hostile).
_LIMITS = Limits(max_part_mb=64, max_total_mb=128, max_cells=2_000_000, max_sheets=50)


@dataclass(frozen=True)
class Listed:
    """A posting list read back: its lines with the numbers typed, and what could not be."""

    path: Path
    day: dt.date | None  # None: not a posting list
    lines: list[PostingLine]
    sheet: str = SHEET
    # Why no number of this list can be read (the table or its hidden sheet lost), or "".
    problem: str = ""
    # Rows set aside: a number typed on a row that names no letter of the list, or two.
    notes: tuple[str, ...] = ()
    # Each line's number cell in the sheet (« H7 »), where the page writes what is typed.
    cells: dict[int, str] = field(default_factory=dict)
    # Each line's « Date de dépôt » cell, when the list has that column.
    posted_cells: dict[int, str] = field(default_factory=dict)
    # The file name of the workbook it was written for ("" for a list written before 0.2.0).
    workbook: str = ""

    @property
    def name(self) -> str:
        """The list as the user finds it: « relances/2026-11-22/liste_recommandes.xlsx »."""
        return "/".join(self.path.parts[-3:])


def keys_day(path: Path) -> dt.date | None:
    """The letters' date its hidden sheet keeps, else (unreadable) the day it was saved."""
    try:
        sheets = _sheets(path)
        return _lines(sheets.get(_keys_sheet(sheets), []))[1] or _saved(path)
    except Exception:  # damaged: said by read_list
        return _saved(path)


def folder_day(path: Path) -> dt.date | None:
    if path.name != LIST_NAME:
        return None
    try:
        return dt.date.fromisoformat(path.parent.name)
    except ValueError:
        return None


def _saved(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def read_list(path: Path) -> Listed:
    """A posting list with the numbers typed on it; never raises for what the file holds."""
    try:
        sheets = _sheets(path)
    except Exception as exc:  # a damaged or foreign file: said, the run goes on
        listed = Listed(path, folder_day(path) or _saved(path), [])
        return replace(listed, problem=unreadable(listed.name, exc))
    keys_name = _keys_sheet(sheets)
    keys = sheets.pop(keys_name, [])
    lines, day = _lines(keys)
    listed = Listed(path, day or folder_day(path) or _saved(path), lines, workbook=_book(keys))
    if not keys_name:
        return replace(listed, problem=keys_lost(listed.name))
    table = locate(sheets)
    if isinstance(table, Lost):
        return replace(listed, sheet=table.sheet, problem=table_lost(listed.name, table))
    rows = typed_rows(table)
    listed = _numbered(replace(listed, sheet=table.sheet), table, rows)
    if table.overwritten is not None and not any(r.number for r in rows):
        # Nothing lost for sure, but the numbers may sit in a column no longer told apart.
        listed = replace(listed, problem=header_lost(listed.name, table))
    return listed


def _sheets(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells, after the same checks as the ledger's (a hostile file is refused
    before the reader library sees it)."""
    scan = check_package(path, _LIMITS)
    book = calamine.CalamineWorkbook.from_path(str(path))
    try:
        return {
            name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in book.sheet_names
            if name not in scan.refused
        }
    finally:
        book.close()


def _keys_sheet(sheets: dict[str, list[list[Any]]]) -> str:
    """The hidden sheet of the lines' keys: by its name, or by its header if renamed."""
    if KEYS_SHEET in sheets:
        return KEYS_SHEET
    heads = list(KEYS_HEADERS[:4])
    return next((n for n, rows in sheets.items() if rows and rows[0][:4] == heads), "")


def _lines(keys: list[list[Any]]) -> tuple[list[PostingLine], dt.date | None]:
    """The lines the hidden sheet describes (client, letter, invoices, reference), and the
    list's date."""
    by_line: dict[int, list[list[Any]]] = {}
    for row in keys[1:]:
        if len(row) >= 5 and isinstance(row[0], int | float) and not isinstance(row[0], bool):
            by_line.setdefault(int(row[0]), []).append(row)
    day = None
    lines = []
    for line, rows in sorted(by_line.items()):
        day = day or _day(rows[0][4])
        first = rows[0]
        reference = str(first[5]).strip() if len(first) > 5 and first[5] else ""
        invoices = tuple(str(r[3]) for r in rows if str(r[3]))
        client, letter = str(first[1]), str(first[2])
        lines.append(PostingLine(line, client, client, (), reference, 0.0, letter, invoices))
    return lines, day


def _book(keys: list[list[Any]]) -> str:
    """The workbook's file name the hidden sheet's first row keeps beside its label."""
    head = keys[0] if keys else []
    at = next((j for j, v in enumerate(head) if v == WORKBOOK_LABEL), None)
    return str(head[at + 1]).strip() if at is not None and at + 1 < len(head) else ""


def _day(value: Any) -> dt.date | None:
    """The list's date: a real date, or ISO text (lists written before 0.2.0 was released)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _numbered(listed: Listed, table: Table, rows: list[TypedRow]) -> Listed:
    """The lines with the numbers typed on their rows; a row that names no line is noted."""
    lines = {x.line: x for x in listed.lines}
    by_reference = {x.reference: x.line for x in listed.lines if x.reference}
    by_name: dict[str, list[int]] = {}
    for x in listed.lines:
        by_name.setdefault(fold(x.client), []).append(x.line)
    notes: list[str] = []
    typed: dict[int, TypedRow] = {}
    shown: dict[int, TypedRow] = {}
    clashed: set[int] = set()
    for row in rows:
        line, why = _line_of(row, lines, by_reference, by_name)
        place = f"Liste de recommandés {listed.name}, feuille « {table.sheet} », cellule {row.cell}"
        if line is None:
            if row.number:
                notes.append(f"{place} : le n° « {quoted(row.number)} » n'est pas reporté dans le "
                             f"classeur, {why} ; notez-le sur la ligne de sa lettre.")  # fmt: skip
            continue
        shown.setdefault(line, row)
        if not row.number:
            continue
        other = typed.setdefault(line, row)
        if other is not row and not _same(other.number, row.number):
            clashed.add(line)
            first, second = quoted(other.number), quoted(row.number)
            notes.append(f"{place} : la lettre n° {line} ({lines[line].client}) a deux n° de "
                         f"recommandé, « {first} » en {other.cell} et « {second} » en "
                         f"{row.cell} ; aucun n'est reporté, effacez le faux.")  # fmt: skip
    where = f"feuille « {table.sheet} », cellule"
    numbered = []
    for x in listed.lines:
        at = typed.get(x.line, shown.get(x.line))
        if x.line in shown:
            x = _as_shown(x, shown[x.line].shown)
        if x.line in typed and x.line not in clashed:
            x = replace(x, number=typed[x.line].number, where=f"{where} {typed[x.line].cell}")
        if at is not None and at.posted_cell and x.line not in clashed:
            x = replace(x, posted=posted_day(at.posted),
                        posted_where=f"{where} {at.posted_cell}")  # fmt: skip
        numbered.append(x)
    cells = {line: row.cell for line, row in shown.items()}
    dated = {line: row.posted_cell for line, row in shown.items() if row.posted_cell}
    return replace(listed, lines=numbered, notes=tuple(notes), cells=cells, posted_cells=dated)


def _as_shown(line: PostingLine, shown: dict[str, Any]) -> PostingLine:
    """The line with the recipient, address and amount its row shows."""
    recipient, address = _text(shown.get("recipient")), _text(shown.get("address"))
    return replace(
        line,
        recipient=recipient or line.recipient,
        address=tuple(address.split("\n")) if address else line.address,
        amount=_amount(shown.get("amount")),
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _amount(value: Any) -> float:
    """A line's amount: a number, or French text (« 6 505,15 € », lists written before 0.2.0
    was released)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    digits = re.sub(r"[^\d,.-]", "", str(value or "")).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return 0.0


def _line_of(
    row: TypedRow,
    lines: dict[int, PostingLine],
    by_reference: dict[str, int],
    by_name: dict[str, list[int]],
) -> tuple[int | None, str]:
    """The line a row is (by the letter's reference first, then its line number, then its
    recipient), or None and why not."""
    if row.reference and by_reference:
        line = by_reference.get(row.reference)
        if line is None:
            return None, (f"car la référence de sa ligne ({quoted(row.reference)}) n'est celle "
                          "d'aucune lettre de la liste")  # fmt: skip
        # Rows renumbered by hand: the reference and the recipient agree on the letter.
        if row.line is not None and row.line != line and not _named(row, lines[line]):
            return None, (f"car sa ligne porte le n° {row.line} mais la référence de la lettre "
                          f"n° {line} ({lines[line].client})")  # fmt: skip
        return line, ""
    if row.line is not None:
        if row.line in lines:
            return row.line, ""
        return None, f"car la liste n'a pas de lettre n° {row.line}"
    named = by_name.get(fold(row.recipient), [])
    if len(named) == 1:
        return named[0], ""
    return None, "car rien sur sa ligne (n°, référence, destinataire) ne dit à quelle lettre il va"


def _named(row: TypedRow, line: PostingLine) -> bool:
    """Whether a row names the line's recipient."""
    return bool(row.recipient) and fold(row.recipient) == fold(line.client)


def _same(a: str, b: str) -> bool:
    """Two numbers typed are one, their case, spaces and dashes aside."""
    return "".join(c for c in fold(a) if c.isalnum()) == "".join(c for c in fold(b) if c.isalnum())


__all__ = [
    "Listed",
    "folder_day",
    "keys_day",
    "read_list",
]
