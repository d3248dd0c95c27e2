"""The commonest edit of a row, done on the sheet in place: a planned set of status cells
appended after the row's last cell, without copying the row; and what sends a row to the
full parse instead."""

from __future__ import annotations

import re

from .cellxml import AppendPlan, column_of, widen_spans

# A cell's reference after white space, in its opening tag.
REF = re.compile(rb'\sr="([A-Z]+)\d+"')


class Unusual:
    """What the in-place edits leave to the full parse: an extension, cells without
    references, white space other than a space (a tab before r="D5" would hide the cell from
    them: they would add a second D5)."""

    def __init__(self, sheet: bytes, prefix: bytes) -> None:
        self.sheet, self.prefix = sheet, prefix
        self.bare_cell = b"<" + prefix + b"c>"
        self.spaced: bool | None = None  # whether the sheet's rows hold a tab or a line end

    def __call__(self, data: bytes, start: int, end: int) -> bool:
        """Whether data[start:end] (a row) holds any of it."""
        if self.spaced is None:  # in nearly every sheet's rows there is none: looked for once
            sheet, p = self.sheet, self.prefix
            first = max(sheet.find(b"<" + p + b"sheetData"), 0)
            last = sheet.rfind(b"</" + p + b"sheetData>", first)
            last = len(sheet) if last < 0 else last
            self.spaced = any(sheet.find(c, first, last) >= 0 for c in (b"\t", b"\n", b"\r"))
        find = data.find
        return (
            find(b"extLst", start, end) >= 0
            or find(self.bare_cell, start, end) >= 0
            or (
                self.spaced
                and (
                    find(b"\t", start, end) >= 0
                    or find(b"\n", start, end) >= 0
                    or find(b"\r", start, end) >= 0
                )
            )
        )


def append_planned(
    data: bytes,
    m: re.Match[bytes],
    row_end: int,
    number: int,
    plan: AppendPlan,
    prefix: bytes,
    unusual: Unusual,
) -> tuple[bytes | None, bytes, int] | None:
    """The row that m opens and row_end ends, with the plan's cells after its last one: its
    opening tag if its spans are widened (else None), the cells to put before </row>, the
    highest column. None
    for any other row (a cell of the plan's columns already there, a cell after them), which
    then goes the usual way: the same bytes, only slower."""
    close = b"</" + prefix + b"row>"
    start, body_start, body_end = m.start(), m.end(), row_end - len(close)
    if m.group(2) or body_end < body_start or not data.startswith(close, body_end):
        return None  # no cells, or no end: the usual way says what to do
    if not plan.ordered or unusual(data, start, row_end):
        return None
    last_col = -1
    last_start = data.rfind(b"<" + prefix + b"c ", body_start, row_end)
    if last_start >= 0:
        ref = REF.search(data, last_start, data.find(b">", last_start) + 1)
        if ref is None:
            return None
        last_col = column_of(ref.group(1))
    if plan.ordered[0].column <= last_col or plan.in_row(data, body_start, row_end):
        return None
    new_cells = plan.template % ((b"%d" % number,) * len(plan.ordered))
    open_tag = None  # unchanged: the row is the sheet's bytes up to its </row>, then new_cells
    if data.find(b"spans=", start, body_start) >= 0:
        widened = widen_spans(data[start:body_start], plan.ordered[-1].column + 1)
        open_tag = widened if widened != data[start:body_start] else None
    return open_tag, new_cells, plan.ordered[-1].column


__all__ = ["REF", "Unusual", "append_planned"]
