"""Splice cells into a worksheet's XML row by row; rows not touched stay byte-for-byte."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence

from .cellxml import (
    AppendPlan,
    NewCell,
    append_rows,
    cell_tail,
    column_of,
    letters_of,
    style_of,
    widen_spans,
)
from .rowappend import REF, Unusual, append_planned
from .xlsxparts import col_index


class SheetXml:
    """A worksheet part as bytes, with the regular expressions for its namespace prefix."""

    def __init__(self, data: bytes, prefix: bytes | None = None) -> None:
        self.data = data
        if prefix is None:
            m = re.search(rb"<(\w+:)?sheetData[\s/>]", data)
            prefix = (m.group(1) or b"") if m else b""
        self.prefix = prefix
        self._plans: dict[int, AppendPlan] = {}
        self._unusual = Unusual(data, self.prefix)
        p = re.escape(self.prefix)
        self.row_start_re = re.compile(rb"<" + p + rb"row\b([^>]*?)(/?)>")
        self.cell_re = re.compile(rb"<" + p + rb"c\b[^>]*?(?:/>|>.*?</" + p + rb"c>)", re.S)
        self.has_formulas = re.search(rb"<" + p + rb"f[\s>/]", data) is not None

    def cell_xml(
        self, row: int, cell: NewCell, old: bytes | None, date_styles: Container[int]
    ) -> bytes:
        """The XML of one written cell, keeping the old cell's style where it fits."""
        style = cell.style
        old_style = style_of(old) if old is not None else None
        if (
            old_style is not None
            and cell.keep_style
            and (cell.serial is None or old_style in date_styles)
        ):
            style = old_style
        head = b'<%sc r="%s%d"' % (self.prefix, letters_of(cell.column), row)
        return head + cell_tail(self.prefix, style, cell.serial, cell.number, cell.text)

    def edit_rows(
        self, cells_by_row: Mapping[int, Sequence[NewCell]], date_styles: Container[int]
    ) -> tuple[bytes, int]:
        """Put the given cells into their rows; return the new XML and the highest column."""
        pending = dict(cells_by_row)
        out, max_col = self.splice(pending, date_styles)
        if pending:
            out = self._add_rows(out, pending, date_styles)
            max_col = max([max_col] + [c.column for cs in pending.values() for c in cs])
        return out, max_col

    def row_after(self, offset: int) -> tuple[int, int] | None:
        """The first row opening at or after a byte offset: where it starts, and its number."""
        m = self.row_start_re.search(self.data, offset)
        number = _ROW_NUMBER.search(m.group(1)) if m else None
        if m is None or number is None:
            return None
        return m.start(), int(number.group(1))

    def splice(
        self, pending: dict[int, Sequence[NewCell]], date_styles: Container[int]
    ) -> tuple[bytes, int]:
        """Edit the existing rows named in pending, taking each out of it as it is done."""
        pieces, max_col = self.splice_pieces(pending, date_styles)
        return b"".join(pieces), max_col

    def splice_pieces(
        self,
        pending: dict[int, Sequence[NewCell]],
        date_styles: Container[int],
        end: int | None = None,
        joined: int = 0,
    ) -> tuple[list[bytes | memoryview], int]:
        """splice, up to a row's start (the whole sheet by default), as pieces to join: the
        stretches between edited rows are views of the sheet, not copies. joined: join each
        run of that many pieces (and the last) as they come: no view of the sheet is left,
        which can then be let go, and there are never a million small pieces at once."""
        pieces: list[bytes | memoryview] = []
        chunks: list[bytes | memoryview] = []
        last = 0
        max_col = 0
        data = self.data
        stop = len(data) if end is None else end
        view = memoryview(data)
        close = b"</" + self.prefix + b"row>"
        # Row openings only (a cheap pattern); a row's end is the next </row>: rows never nest.
        for m in self.row_start_re.finditer(data, 0, stop):
            if not pending:
                break
            r = _ROW_NUMBER.search(m.group(1))
            if r is None or int(r.group(1)) not in pending:
                continue
            if joined and len(pieces) >= joined:
                chunks, pieces = [*chunks, b"".join(pieces)], []
            row_end = m.end() if m.group(2) else data.find(close, m.end()) + len(close)
            number = int(r.group(1))
            cells = pending.pop(number)
            appended = self._append_in_sheet(m, row_end, number, cells)
            if appended is not None:  # the row's bytes are not copied: views, and the new cells
                open_tag, new_cells, col = appended
                body_end = row_end - len(close)
                if open_tag is None:  # two pieces a row: a hundred thousand rows are edited
                    pieces += [view[last:body_end], new_cells]
                else:
                    between = view[m.end() : body_end]
                    pieces += [view[last : m.start()], open_tag, between, new_cells]
                last, max_col = body_end, max(max_col, col)
                continue
            new_xml, col = self._edit_row(data[m.start() : row_end], number, cells, date_styles)
            max_col = max(max_col, col)
            pieces += [view[last : m.start()], new_xml]
            last = row_end
        pieces.append(view[last:stop])
        return ([*chunks, b"".join(pieces)] if joined else pieces), max_col

    def _append_in_sheet(
        self, m: re.Match[bytes], row_end: int, number: int, cells: Sequence[NewCell]
    ) -> tuple[bytes | None, bytes, int] | None:
        """The commonest edit worked out on the sheet itself (rowappend.append_planned)."""
        plan = self._plan(cells)
        return append_planned(self.data, m, row_end, number, plan, self.prefix, self._unusual)

    def _edit_row(
        self, row_xml: bytes, number: int, cells: Sequence[NewCell], date_styles: Container[int]
    ) -> tuple[bytes, int]:
        fast = self._edit_row_in_place(row_xml, number, cells, date_styles)
        if fast is not None:
            return fast
        p = self.prefix
        if row_xml.endswith(b"/>"):
            open_tag, body, close_tag = row_xml[:-2] + b">", b"", b"</" + p + b"row>"
        else:
            end = row_xml.find(b">") + 1
            open_tag, body, close_tag = (
                row_xml[:end],
                row_xml[end : -len(b"</" + p + b"row>")],
                b"</" + p + b"row>",
            )
        existing: list[tuple[int, bytes]] = []
        column = -1
        for c in self.cell_re.finditer(body):
            ref = _CELL_REF.search(c.group(0)[: c.group(0).find(b">") + 1])
            column = col_index(ref.group(1).decode()) if ref else column + 1
            existing.append((column, c.group(0)))
        by_col = dict(existing)
        for cell in cells:
            by_col[cell.column] = self.cell_xml(number, cell, by_col.get(cell.column), date_styles)
        # Anything in the row that is not a cell (extLst) stays after the cells.
        rest = self.cell_re.sub(b"", body)
        new_body = b"".join(by_col[c] for c in sorted(by_col)) + rest
        max_col = max(by_col)
        open_tag = widen_spans(open_tag, max_col + 1)
        return open_tag + new_body + close_tag, max_col

    def _edit_row_in_place(
        self,
        row_xml: bytes,
        number: int,
        cells: Sequence[NewCell],
        date_styles: Container[int],
    ) -> tuple[bytes, int] | None:
        """The common case without reading every cell: each written cell either exists (found by
        its reference) or comes after the row's last cell. None when the row needs the full way.
        """
        p = self.prefix
        close = b"</" + p + b"row>"
        if not row_xml.endswith(close) or self._unusual(row_xml, 0, len(row_xml)):
            return None  # no cells, an extension, cells without references, odd white space
        body_start = row_xml.find(b">") + 1
        body_end = len(row_xml) - len(close)
        cell_open = b"<" + p + b"c "
        last_start = row_xml.rfind(cell_open, body_start)
        last_col = -1
        if last_start >= 0:
            ref = REF.search(row_xml, last_start, row_xml.find(b">", last_start) + 1)
            if ref is None:
                return None  # cells without references: count them the full way
            last_col = column_of(ref.group(1))
        plan = self._plan(cells)
        cells = plan.ordered
        if cells and cells[0].column > last_col:
            appended = self._append_cells(row_xml, number, plan, body_start, body_end)
            if appended is not None:
                return appended, cells[-1].column
        pieces: list[bytes] = []
        last = 0
        for cell in cells:  # in column order, so also in position order
            found = row_xml.find(b' r="%s%d"' % (letters_of(cell.column), number), body_start)
            if found >= 0:
                start = row_xml.rfind(cell_open, body_start, found + 1)
                head_end = row_xml.find(b">", found)
                # The reference must sit in that cell's opening tag, not in some cell's text.
                if start < 0 or head_end < 0 or row_xml.find(b">", start, found) >= 0:
                    return None
                if row_xml[head_end - 1] == 47:  # "/>": an empty cell
                    end = head_end + 1
                else:
                    end = row_xml.find(b"</" + p + b"c>", head_end)
                    if end < 0:
                        return None
                    end += len(p) + 4
                xml = self.cell_xml(number, cell, row_xml[start:end], date_styles)
            elif cell.column > last_col:
                start = end = body_end
                xml = self.cell_xml(number, cell, None, date_styles)
            else:
                return None  # a new cell between existing ones
            pieces += [row_xml[last:start], xml]
            last = end
        pieces.append(row_xml[last:])
        max_col = max(last_col, cells[-1].column) if cells else last_col
        out = b"".join(pieces)
        if b"spans=" in out[:body_start]:
            out = widen_spans(out[:body_start], max_col + 1) + out[body_start:]
        return out, max_col

    def _plan(self, cells: Sequence[NewCell]) -> AppendPlan:
        """What is worked out once per set of cells that several rows share (rows with the same
        status share one tuple: a few hundred for a hundred thousand rows). The plan keeps the
        cells: no other object can take their id while it lives."""
        key = id(cells)
        plan = self._plans.get(key)
        if plan is None or plan.cells is not cells:
            plan = self._plans[key] = AppendPlan.of(cells, self.prefix)
        return plan

    def _append_cells(
        self, row_xml: bytes, number: int, plan: AppendPlan, body_start: int, body_end: int
    ) -> bytes | None:
        """The commonest edit, done with the least work: every cell goes after the row's last
        one (new status columns). None if the row already has one of them out of order."""
        if plan.in_row(row_xml, body_start, len(row_xml)):
            return None
        num = b"%d" % number
        out = row_xml[:body_end] + plan.template % ((num,) * len(plan.ordered)) + row_xml[body_end:]
        if b"spans=" in out[:body_start]:
            out = widen_spans(out[:body_start], plan.ordered[-1].column + 1) + out[body_start:]
        return out

    def _add_rows(
        self, data: bytes, rows: Mapping[int, Sequence[NewCell]], date_styles: Container[int]
    ) -> bytes:
        """Rows that did not exist yet are merged in order, in one pass."""
        p = self.prefix.decode()
        new = [
            (
                number,
                f'<{p}row r="{number}">'.encode()
                + b"".join(
                    self.cell_xml(number, c, None, date_styles)
                    for c in sorted(rows[number], key=lambda c: c.column)
                )
                + f"</{p}row>".encode(),
            )
            for number in sorted(rows)
        ]
        return self.insert_rows(data, new)

    def insert_rows(self, data: bytes, new: list[tuple[int, bytes]]) -> bytes:
        """Merge new rows (number, XML), sorted by number, among the existing ones in one pass."""
        pieces: list[bytes | memoryview] = []
        view = memoryview(data)  # joined without a copy of each stretch of existing rows
        last = i = 0
        # Openings only: the whole rows' pattern took a second on a 100 MB sheet.
        for m in self.row_start_re.finditer(data):
            if i == len(new):
                break
            r = _ROW_NUMBER.search(m.group(1))
            if r is None:
                continue
            number = int(r.group(1))
            while i < len(new) and new[i][0] < number:
                pieces += [view[last : m.start()], new[i][1]]
                last = m.start()
                i += 1
        if i:  # else the sheet is unchanged so far: no copy of it at all
            pieces.append(view[last:])
            data = b"".join(pieces)
        rest = b"".join(xml for _, xml in new[i:])
        return append_rows(data, rest, self.prefix) if rest else data


_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]+)\d+"')


__all__ = ["SheetXml"]
