"""The journal's new lines as worksheet XML, appended to its sheet in pieces of about 1 MB.

A big first run journals 450,000 lines: their rows, joined, then copied into the sheet and
copied again to widen its dimension, were three copies of 150 MB at once beside the ledger's
sheet. After every existing row (as relance-xlsx writes its journal), the new rows are made
and joined a batch at a time and the sheet is never copied: its pieces are saved as they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..ooxml import Part, Pieces, SheetXml, excel_serial, rows_start, widen_dimension, xml_texts

if TYPE_CHECKING:
    import datetime as dt

    from .journal import JournalEntry

# Rows joined into one piece: about 1 MB of XML.
BATCH = 2048
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')


def with_lines(
    xml: SheetXml, data: bytes, first: int, entries: list[JournalEntry], date_style: int, width: int
) -> Part:
    """The journal sheet (its bytes, data) with the entries' rows from row `first` on, its
    dimension widened to column `width` and the last row: the same bytes as the rows merged
    among the existing ones by number (SheetXml.insert_rows), then the dimension widened."""
    last = first + len(entries) - 1
    if _highest_row(xml, data) > first:  # rows to place among the existing ones
        merged = xml.insert_rows(data, entry_rows(first, entries, date_style, xml.prefix.decode()))
        return widen_dimension(merged, width, last)
    p = xml.prefix.decode()
    rows = [
        b"".join([row for _, row in entry_rows(n, entries[at : at + BATCH], date_style, p)])
        for at, n in zip(range(0, len(entries), BATCH), range(first, last + 1, BATCH), strict=True)
    ]
    view = memoryview(data)
    # The dimension comes before the rows: widened there, the existing rows are not copied.
    head = rows_start(data)
    widened = widen_dimension(data[:head], width, last)
    close = b"</" + xml.prefix + b"sheetData>"
    at = data.rfind(close)
    if at >= 0:  # after the last row, as cellxml.append_rows puts them
        return Pieces([widened, view[head:at], *rows, view[at:]])
    empty = re.search(rb"<" + re.escape(xml.prefix) + rb"sheetData\s*/>", data)
    assert empty is not None, "a worksheet always has sheetData"
    opening = b"<" + xml.prefix + b"sheetData>"
    return Pieces([widened, view[head : empty.start()], opening, *rows, close, view[empty.end() :]])


def _highest_row(xml: SheetXml, data: bytes) -> int:
    """The highest row number of the sheet's rows (0 without any)."""
    highest = 0
    for m in xml.row_start_re.finditer(data):
        r = _ROW_NUMBER.search(m.group(1))
        if r is not None:
            highest = max(highest, int(r.group(1)))
    return highest


def entry_rows(
    first: int, entries: list[JournalEntry], date_style: int, p: str
) -> list[tuple[int, bytes]]:
    """Journal lines as row XML from row `first` on, each written in one go (tens of
    thousands on a big first run: no helper call per cell)."""
    text_open = f' t="inlineStr"><{p}is><{p}t xml:space="preserve">'
    text_close = f"</{p}t></{p}is></{p}c>"
    serials: dict[dt.date, int] = {}
    rows = []
    for n, e in enumerate(entries, start=first):
        serial = serials.get(e.run_date)
        if serial is None:
            serial = serials[e.run_date] = excel_serial(e.run_date)
        # Nearly no line holds a character to escape: one search for its six texts.
        invoice, client, level, action, letter, reference = xml_texts(
            (e.invoice, e.client, e.level, e.action, e.letter, e.reference)
        )
        cells = [f'<{p}row r="{n}"><{p}c r="A{n}" s="{date_style}"><{p}v>{serial}</{p}v></{p}c>']
        for col, value in (("B", invoice), ("C", client), ("D", level), ("E", action)):
            if value:  # an empty text is no cell at all
                cells.append(f'<{p}c r="{col}{n}"{text_open}{value}{text_close}')
        if e.outstanding == e.outstanding:  # NaN: a letter recovered from the ledger
            cells.append(
                f'<{p}c r="F{n}"><{p}v>{round(e.outstanding, 2)!r}</{p}v></{p}c>'
                f'<{p}c r="G{n}"><{p}v>{round(e.interest, 2)!r}</{p}v></{p}c>'
                f'<{p}c r="H{n}"><{p}v>{round(e.indemnity, 2)!r}</{p}v></{p}c>'
            )
        if letter:
            cells.append(f'<{p}c r="I{n}"{text_open}{letter}{text_close}')
        if reference:
            cells.append(f'<{p}c r="J{n}"{text_open}{reference}{text_close}')
        cells.append(f"</{p}row>")
        rows.append((n, "".join(cells).encode()))
    return rows


__all__ = ["entry_rows", "with_lines"]
