"""The part of a worksheet before its rows: its dimension, its column widths, a cell's style."""

from __future__ import annotations

import re

from .cellxml import style_of
from .sheetxml import SheetXml
from .xlsxparts import col_index, col_letter

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([^"]*)"')
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData[\s/>]")


def rows_start(data: bytes | memoryview) -> int:
    """Where sheetData opens: the dimension and the column widths come before, never after
    (searching the whole of a 50 MB sheet for them costs a tenth of a second each)."""
    m = _SHEET_DATA.search(data)
    return m.start() if m else len(data)


def widen_dimension(data: bytes, last_col: int, last_row: int = 0) -> bytes:
    """Make <dimension ref> cover the new columns (and rows)."""
    m = _DIMENSION.search(data, 0, rows_start(data))
    if not m:
        return data
    first, _, end = m.group(1).decode().partition(":")
    fm, em = re.match(r"([A-Z]+)(\d+)$", first), re.match(r"([A-Z]+)(\d+)$", end or first)
    if not fm or not em:
        return data
    end_col = col_letter(max(col_index(em.group(1)), last_col))
    end_row = max(int(em.group(2)), last_row)
    ref = f"{first}:{end_col}{end_row}".encode()
    # The rows after it are copied once (slicing then adding would copy them twice).
    return b"".join((data[: m.start(1)], ref, memoryview(data)[m.end(1) :]))


def style_at(data: bytes, sheet: SheetXml, row: int, column: int) -> int | None:
    """The style index of a cell, if the cell exists."""
    ref = f'r="{col_letter(column)}{row}"'.encode()
    for m in sheet.cell_re.finditer(data):
        head = m.group(0)[: m.group(0).find(b">") + 1]
        if ref in head:
            return style_of(m.group(0))
    return None


def add_column_widths(data: bytes, widths: dict[int, float], prefix: bytes) -> bytes:
    """Give new columns a width, unless a <col> range already covers them."""
    cols = re.compile(
        rb"<" + re.escape(prefix) + rb"cols>(.*?)</" + re.escape(prefix) + rb"cols>", re.S
    ).search(data, 0, rows_start(data))
    covered: set[int] = set()
    if cols:
        for c in re.finditer(rb'min="(\d+)"[^>]*?max="(\d+)"', cols.group(1)):
            covered.update(range(int(c.group(1)), int(c.group(2)) + 1))
    p = prefix.decode()
    new = b"".join(
        f'<{p}col min="{c + 1}" max="{c + 1}" width="{w}" customWidth="1"/>'.encode()
        for c, w in sorted(widths.items())
        if c + 1 not in covered
    )
    if not new:
        return data
    rest = memoryview(data)
    if cols:
        return b"".join((data[: cols.end(1)], new, rest[cols.end(1) :]))
    sd = rows_start(data)
    opening, closing = b"<" + prefix + b"cols>", b"</" + prefix + b"cols>"
    return b"".join((data[:sd], opening, new, closing, rest[sd:]))


__all__ = ["add_column_widths", "rows_start", "style_at", "widen_dimension"]
