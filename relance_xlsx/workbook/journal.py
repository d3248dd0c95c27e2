"""The journal sheet: one line per letter and status change, appended, never rewritten."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import WorkbookError
from ..ledger import parse_date, parse_text, sheet_rows
from ..ooxml import (
    CT_WORKSHEET,
    NS_MAIN,
    NS_PKG_REL,
    NS_REL,
    REL_WORKSHEET,
    NewCell,
    Package,
    SheetXml,
    add_column_widths,
    rels_path,
)
from .journalrows import with_lines

HEADERS = (
    "Date d'exécution",
    "N° facture",
    "Client",
    "Niveau",
    "Action",
    "Reste dû",
    "Intérêts",
    "Indemnité",
    "Courrier",
    "Référence",
)
WIDTHS: dict[int, float] = {0: 14, 1: 14, 2: 30, 3: 18, 4: 12, 5: 12, 6: 11, 7: 11, 8: 40, 9: 26}
# A payment from a bank statement: its line's reference is the bank entry's, which is what
# recognises the entry when the same statement is imported again.
PAYMENT_FULL = "Règlement bancaire"
PAYMENT_PARTIAL = "Règlement partiel (banque)"
# What a transfer paid beyond the principal: the penalties its letter claimed (« Intérêts »
# and « Indemnité » say how much; the next run claims them no more), and a surplus no
# invoice takes (said, never lost).
PENALTIES_PAID = "Pénalités réglées (banque)"
SURPLUS = "Excédent non affecté (banque)"
PAYMENT_ACTIONS = frozenset({PAYMENT_FULL, PAYMENT_PARTIAL, PENALTIES_PAID, SURPLUS})


@dataclass(frozen=True)
class JournalEntry:
    """One line of the journal."""

    run_date: dt.date
    invoice: str
    client: str
    level: str
    action: str
    outstanding: float
    interest: float
    indemnity: float
    letter: str
    # The letter's RF creditor reference, or the bank entry a payment came from.
    reference: str = ""

    @property
    def key(self) -> tuple[dt.date, str, str, str, str]:
        """What makes a line unique: a re-run on the same date adds it only once (a payment
        line also by its bank entry: two credits for one invoice on one day are two lines)."""
        return line_key(self.run_date, self.invoice, self.action, self.level, self.reference)


def line_key(
    day: dt.date, invoice: str, action: str, level: str, reference: str
) -> tuple[dt.date, str, str, str, str]:
    """The key of a journal line, from its cells."""
    return (day, invoice, action, level, reference if action in PAYMENT_ACTIONS else "")


JournalKeys = frozenset[tuple[dt.date, str, str, str, str]]


def existing_keys(path: str, sheet: str) -> tuple[JournalKeys, int]:
    """Keys of the lines already in the journal, and its last row number (0 when absent).

    A run reads them twice (checked before any letter, used by the write-back): the file is
    locked and unchanged between the two, so the second read comes from a cache keyed by the
    file's size and modification time (a journal of a million lines takes seconds to parse).
    """
    stat = Path(path).stat()
    return _keys_of(path, sheet, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _keys_of(path: str, sheet: str, size: int, mtime_ns: int) -> tuple[JournalKeys, int]:
    rows = sheet_rows(Path(path), sheet)
    if rows is None:
        return frozenset(), 0
    if rows and any(c not in ("", None) for c in rows[0]):
        _refuse_foreign_sheet(sheet, rows[0])
    keys = set()
    for row in rows[1:]:
        cells = [*row, *[""] * len(HEADERS)][: len(HEADERS)]
        try:
            day = parse_date(cells[0])
        except ValueError:
            continue
        if day:
            texts = [parse_text(cells[i]) or "" for i in (1, 4, 3, 9)]
            keys.add(line_key(day, *texts))
    last = max(
        (i + 1 for i, r in enumerate(rows) if any(c not in ("", None) for c in r)), default=0
    )
    return frozenset(keys), last


def _refuse_foreign_sheet(sheet: str, first_row: list[Any]) -> None:
    """A sheet of that name that is not a journal is the user's: never append below it."""
    found = [parse_text(c) or "" for c in first_row[: len(HEADERS)]]
    if found[:2] != list(HEADERS[:2]):
        raise WorkbookError(
            f"La feuille « {sheet} » choisie pour le journal ([writeback] journal_sheet) "
            "existe déjà et n'est pas un journal de relances (sa première ligne n'a pas les "
            f"en-têtes « {HEADERS[0]} », « {HEADERS[1]} ») ; choisissez un autre nom dans "
            "relance.toml."
        )


def add_journal(
    package: Package,
    sheet: str,
    entries: list[JournalEntry],
    date_style: int,
) -> list[JournalEntry]:
    """Append new entries to the journal sheet, creating it on first use; return those added
    (an entry the journal holds already is not added again)."""
    keys, last_row = existing_keys(package.path, sheet)
    fresh = [e for e in dict.fromkeys(entries) if e.key not in keys]
    if not fresh:
        return []
    if last_row == 0:
        part = create_sheet(package, sheet)
        rows: dict[int, list[NewCell]] = {1: [NewCell(i, text=h) for i, h in enumerate(HEADERS)]}
        last_row = 1
    else:
        part = package.sheet_part(sheet)
        rows = {}
    xml = SheetXml(package.read(part))
    if not rows and b' r="J1"' not in xml.data and any(e.reference for e in fresh):
        rows = {1: [NewCell(len(HEADERS) - 1, text=HEADERS[-1])]}  # a journal from before 0.2
    data, max_col = xml.edit_rows(rows, frozenset()) if rows else (xml.data, 0)
    width = max(max_col, len(HEADERS) - 1)
    package.write(part, with_lines(xml, data, last_row + 1, fresh, date_style, width))
    return fresh


def create_sheet(package: Package, sheet: str) -> str:
    """Add an empty worksheet part and register it in the workbook, its rels and content types."""
    n = 1
    while f"xl/worksheets/sheet{n}.xml" in package.names:
        n += 1
    part = f"xl/worksheets/sheet{n}.xml"
    body = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><dimension ref="A1"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><sheetData/>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>'
    ).encode()
    package.write(part, add_column_widths(body, WIDTHS, b""))

    rels_name = rels_path("xl/workbook.xml")
    rels = package.xml(rels_name)
    ids = {r.get("Id") for r in rels}
    k = len(ids) + 1
    while f"rId{k}" in ids:
        k += 1
    rid = f"rId{k}"
    etree.SubElement(
        rels,
        f"{{{NS_PKG_REL}}}Relationship",
        Id=rid,
        Type=REL_WORKSHEET,
        Target=f"worksheets/sheet{n}.xml",
    )
    package.write(rels_name, _xml(rels))

    workbook = package.xml("xl/workbook.xml")
    sheets = workbook.find(f"{{{NS_MAIN}}}sheets")
    assert sheets is not None
    sheet_id = max((int(s.get("sheetId", "0")) for s in sheets), default=0) + 1
    node = etree.SubElement(sheets, f"{{{NS_MAIN}}}sheet", name=sheet, sheetId=str(sheet_id))
    node.set(f"{{{NS_REL}}}id", rid)
    package.write("xl/workbook.xml", _xml(workbook))

    types = package.xml("[Content_Types].xml")
    ns = types.nsmap.get(None, "")
    etree.SubElement(types, f"{{{ns}}}Override", PartName=f"/{part}", ContentType=CT_WORKSHEET)
    package.write("[Content_Types].xml", _xml(types))
    return part


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_full_calc_on_load(package: Package) -> None:
    """Ask Excel to recalculate formulas when the workbook is opened."""
    data = package.read("xl/workbook.xml")
    m = re.search(rb"<(\w+:)?calcPr\b[^>]*?/?>", data)
    if m:
        tag = m.group(0)
        if b"fullCalcOnLoad" in tag:
            new = re.sub(rb'fullCalcOnLoad="[^"]*"', b'fullCalcOnLoad="1"', tag)
        else:
            new = tag.replace(b"calcPr", b'calcPr fullCalcOnLoad="1"', 1)
        package.write("xl/workbook.xml", data[: m.start()] + new + data[m.end() :])
        return
    workbook = package.xml("xl/workbook.xml")
    calc = etree.Element(f"{{{NS_MAIN}}}calcPr", fullCalcOnLoad="1")
    # calcPr comes after sheets, functionGroups, externalReferences and definedNames.
    anchor = None
    for name in ("sheets", "functionGroups", "externalReferences", "definedNames"):
        found = workbook.find(f"{{{NS_MAIN}}}{name}")
        if found is not None:
            anchor = found
    assert anchor is not None
    anchor.addnext(calc)
    package.write("xl/workbook.xml", _xml(workbook))


__all__ = [
    "HEADERS",
    "PAYMENT_ACTIONS",
    "PAYMENT_FULL",
    "PAYMENT_PARTIAL",
    "JournalEntry",
    "add_journal",
    "create_sheet",
    "existing_keys",
    "line_key",
    "set_full_calc_on_load",
]
