"""One row of the invoice sheet as the person sees it in Excel: column letters, headers and
values, for the page that shows a row to correct."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ooxml import col_letter
from .reader import open_workbook


@dataclass(frozen=True)
class Cell:
    """A cell of the row: its reference (C12), its column's header, its value as text."""

    ref: str
    header: str
    value: str


def sheet_row(path: Path, sheet: str, header_row: int, row: int) -> list[Cell]:
    """The cells of one row (Excel's numbering), with the headers of the table's header row."""
    book = open_workbook(path)
    try:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=row)
    finally:
        book.close()
    headers = rows[header_row - 1] if 0 < header_row <= len(rows) else []
    values = rows[row - 1] if 0 < row <= len(rows) else []
    width = max(len(headers), len(values))
    return [
        Cell(
            f"{col_letter(j)}{row}",
            _text(headers[j]) if j < len(headers) else "",
            _text(values[j]) if j < len(values) else "",
        )
        for j in range(width)
    ]


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


__all__ = ["Cell", "sheet_row"]
