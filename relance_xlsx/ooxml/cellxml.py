"""The XML of one cell, and of cells appended to a row, as bytes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from .xlsxparts import col_index, col_letter, xml_text

_STYLE = re.compile(rb'\bs="(\d+)"')
_SPACE = frozenset(b" \t\n\r\f\v")  # what \s matches in a bytes pattern


class NewCell(NamedTuple):
    """A value to put in a cell: text, or an Excel serial date, with an optional style.

    A named tuple, not a dataclass: a run builds one per status cell (300,000 at 100,000 rows).
    """

    column: int  # 0-based
    text: str | None = None
    serial: int | None = None
    number: float | None = None
    style: int | None = None
    keep_style: bool = True  # keep the existing cell's style when there is one


class AppendPlan(NamedTuple):
    """Cells in column order, and what appending them to a row needs but its number."""

    cells: Sequence[NewCell]  # as given: the plan is found again by this object's identity
    ordered: tuple[NewCell, ...]
    template: bytes  # the cells' XML with %s for the row number in each reference
    # A reference to any of their columns, in any row, but for the white space before it
    # (a pattern that starts with its text is searched for fast: see in_row).
    references: re.Pattern[bytes]

    def in_row(self, data: bytes, start: int, end: int) -> bool:
        """Whether the row at data[start:end] has a cell in one of these columns already (a
        reference to it after white space: rb'\\sr="(?:L|M|N)\\d')."""
        found = self.references.search(data, start, end)
        while found is not None:
            at = found.start()
            if at > start and data[at - 1] in _SPACE:
                return True
            found = self.references.search(data, at + 1, end)
        return False

    @classmethod
    def of(cls, cells: Sequence[NewCell], prefix: bytes) -> AppendPlan:
        """The plan for appending these cells to any row."""
        ordered = tuple(sorted(cells, key=itemgetter(0)))
        letters = [letters_of(c.column) for c in ordered]
        template = b"".join(
            b"<"
            + prefix
            + b'c r="'
            + letter
            + b'%s"'
            + cell_tail(prefix, c.style, c.serial, c.number, c.text).replace(b"%", b"%%")
            for letter, c in zip(letters, ordered, strict=True)
        )
        references = re.compile(rb'r="(?:' + b"|".join(letters or [b"-"]) + rb")\d")
        return cls(cells, ordered, template, references)


@lru_cache(maxsize=256)
def column_of(letters: bytes) -> int:
    """A column's 0-based index from its letters as bytes."""
    return col_index(letters.decode())


@lru_cache(maxsize=64)
def letters_of(column: int) -> bytes:
    """A column's letters as bytes (0 -> b'A')."""
    return col_letter(column).encode()


@lru_cache(maxsize=4096)
def cell_tail(
    prefix: bytes, style: int | None, serial: int | None, number: float | None, text: str | None
) -> bytes:
    """A cell's XML after its reference: the same few values repeat on thousands of rows."""
    p = prefix.decode()
    s = f' s="{style}"' if style else ""
    if serial is not None:
        return f"{s}><{p}v>{serial}</{p}v></{p}c>".encode()
    if number is not None:
        return f"{s}><{p}v>{round(number, 2)!r}</{p}v></{p}c>".encode()
    if not text:
        return f"{s}/>".encode()
    return (
        f'{s} t="inlineStr"><{p}is><{p}t xml:space="preserve">'
        f"{xml_text(text)}</{p}t></{p}is></{p}c>"
    ).encode()


def style_of(cell: bytes) -> int | None:
    """The style index in a cell's opening tag, if any."""
    m = _STYLE.search(cell[: cell.find(b">") + 1])
    return int(m.group(1)) if m else None


_SPANS = re.compile(rb'\bspans="(\d+):(\d+)"')


def widen_spans(open_tag: bytes, last_col: int) -> bytes:
    """A row's open tag with its spans attribute reaching last_col."""
    m = _SPANS.search(open_tag)
    if not m or int(m.group(2)) >= last_col:
        return open_tag
    return open_tag[: m.start()] + b'spans="%s:%d"' % (m.group(1), last_col) + open_tag[m.end() :]


def append_rows(data: bytes, rows_xml: bytes, prefix: bytes) -> bytes:
    """Rows after every existing one go at the end of sheetData."""
    close = b"</" + prefix + b"sheetData>"
    i = data.rfind(close)
    if i >= 0:
        view = memoryview(data)
        return b"".join((view[:i], rows_xml, view[i:]))
    empty = re.search(rb"<" + re.escape(prefix) + rb"sheetData\s*/>", data)
    assert empty is not None, "a worksheet always has sheetData"
    return (
        data[: empty.start()]
        + b"<"
        + prefix
        + b"sheetData>"
        + rows_xml
        + close
        + data[empty.end() :]
    )


__all__ = [
    "AppendPlan",
    "NewCell",
    "append_rows",
    "cell_tail",
    "column_of",
    "letters_of",
    "style_of",
    "widen_spans",
]
