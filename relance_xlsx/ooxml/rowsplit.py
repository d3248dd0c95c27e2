"""A big sheet's rows edited on two cores: the last part of the sheet in a child process.

Splicing the status cells into 100,000 rows is Python work of about 3.5 s; the GIL keeps a
thread from sharing it, so a second process takes the last part of the sheet's bytes, edits
it, checks its rows are well-formed, compresses it and sends it back. Anything unusual (a row
the parts do not both find, a child that fails) falls back to editing the whole sheet here:
the result is the same, only slower.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any
from xml.parsers import expat

from .. import pychild
from .cellxml import NewCell
from .docxzip import WORKBOOK_LEVEL, PackedTail
from .pieces import Part, Pieces
from .sheethead import rows_start
from .sheetxml import SheetXml
from .xlsxparts import DoneTail, check_well_formed

# Below this many rows to edit, the sheet is edited here: starting a process costs more.
SPLIT_ROWS = 20_000


# The share of the sheet's bytes this process edits. It also writes the journal meanwhile;
# the child also checks its rows are well-formed. Measured at 100,000 rows: 0.42 and 0.5
# left one side waiting, 0.55 balanced them (4.5 s against 4.9 and 5.2 s). Since the child
# also compresses its part, 0.6 to 0.7 give the same time (0.55: the parent waits 0.1 s).
HEAD_SHARE = 0.6
# This process's part is joined as it is edited, this many pieces at a time (about 1 MB).
JOINED = 4096


class RowEdit:
    """SheetXml.edit_rows begun: a big sheet's second part is already with a child process,
    so this process can do other work (its own part, the journal) meanwhile.

    reread() gives the sheet as read again: given it, the sheet is let go once this
    process's part is edited (at a million rows, 430 MB less at the run's peak), and read
    again only if the edit must be done the ordinary way after all.
    """

    def __init__(
        self,
        sheet: SheetXml,
        cells_by_row: Mapping[int, Sequence[NewCell]],
        date_styles: frozenset[int],
        reread: Callable[[], SheetXml] | None = None,
    ) -> None:
        self.sheet: SheetXml | None = sheet
        self.cells, self.date_styles, self._reread = cells_by_row, date_styles, reread
        self._head: tuple[list[bytes | memoryview], int] | None = None
        self.child: subprocess.Popen[bytes] | None = None
        self.offset, self.head = 0, dict(cells_by_row)
        # The child's part, compressed and its rows checked by it, for saving.
        self.tail: DoneTail | None = None
        self._sender: threading.Thread | None = None
        if len(cells_by_row) < SPLIT_ROWS or (os.cpu_count() or 1) < 2:
            return
        cut = sheet.row_after(int(len(sheet.data) * HEAD_SHARE))
        if cut is None:
            return
        self.offset, first_number = cut
        self.head = {n: c for n, c in cells_by_row.items() if n < first_number}
        tail = {n: c for n, c in cells_by_row.items() if n >= first_number}
        self.child = _start()
        if self.child is not None:
            # The child reads its job only once Python has started in it (0.1 s): a thread
            # writes the job into the pipe meanwhile, and this process goes on.
            # A view, not a copy of the bytes: the child receives them as bytes all the same.
            part = pickle.PickleBuffer(memoryview(sheet.data)[self.offset :])
            job = (sheet.prefix, part, tail, date_styles)
            self._sender = threading.Thread(target=_send, args=(self.child, job), daemon=True)
            self._sender.start()

    def __enter__(self) -> RowEdit:
        return self

    def __exit__(self, *exc: object) -> None:
        # A failure elsewhere before result() (the journal, say) must not leave a child behind.
        if self.child is not None and self.child.poll() is None:
            self.child.kill()
            self.child.wait()
        if self._sender is not None:
            self._sender.join()  # its write fails at once on a killed child's pipe

    def edit_head(self) -> None:
        """Edit this process's part of a split sheet now (the child edits its own meanwhile),
        copied in pieces of about 1 MB; then let the sheet as read go, if it can be read again."""
        if self.child is None or self._head is not None:
            return  # no split (or no child to take its part): all of it is done in result()
        assert self.sheet is not None
        self._head = self.sheet.splice_pieces(self.head, self.date_styles, self.offset, JOINED)
        if not self.head and self._reread is not None:
            self.sheet = None

    def result(self, before_rows: BeforeRows | None = None) -> tuple[Part, int]:
        """The edited sheet and its highest column, the same as SheetXml.edit_rows gives;
        once the child's part is done, the sheet up to that part only: the rest is in tail,
        compressed (write both to the package).

        before_rows(what comes before the rows, highest column), if given, returns that part
        edited (the dimension, the column widths). A split sheet comes as pieces, never
        joined: at a million rows each copy is half a gigabyte.
        """
        if self.child is None:
            return self._whole(before_rows)
        self.edit_head()
        assert self._head is not None
        (pieces, head_col), self._head = self._head, None
        tail_result = _finish(self.child)
        if self.head or tail_result is None or tail_result[2]:
            # A row that is not where the order of rows says: do it all the ordinary way.
            return self._whole(before_rows)
        rest, tail_col, _left, packed = tail_result
        self.tail = DoneTail(packed, rest)
        max_col = max(head_col, tail_col)
        return Pieces(_edited_before_rows(pieces, before_rows, max_col)), max_col

    def _whole(self, before_rows: BeforeRows | None) -> tuple[bytes, int]:
        """The whole sheet edited here, the ordinary way."""
        if self.sheet is None:
            assert self._reread is not None
            self.sheet = self._reread()
        xml, max_col = self.sheet.edit_rows(self.cells, self.date_styles)
        if before_rows is None:
            return xml, max_col
        return b"".join(_edited_before_rows([memoryview(xml)], before_rows, max_col)), max_col


# Edits the part of a sheet before its rows, given the sheet's highest column.
BeforeRows = Callable[[bytes, int], bytes]


def _edited_before_rows(
    pieces: list[bytes | memoryview], before_rows: BeforeRows | None, max_col: int
) -> list[bytes | memoryview]:
    """The pieces with what comes before the rows (in the first, which opens the sheet)
    replaced by its edit."""
    if before_rows is None:
        return pieces
    first = memoryview(pieces[0])
    at = rows_start(first)
    return [before_rows(bytes(first[:at]), max_col), first[at:], *pieces[1:]]


def _start() -> subprocess.Popen[bytes] | None:
    """The child process; None if it could not start."""
    try:
        return subprocess.Popen(
            pychild.module_command("relance_xlsx.ooxml.rowsplit"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def _send(child: subprocess.Popen[bytes], job: tuple[Any, ...]) -> None:
    """Write the job into the child's pipe (in a thread: the write waits for the reader)."""
    assert child.stdin is not None
    try:
        pickle.dump(job, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:  # it died before reading its job (a broken pipe)
        child.kill()  # _finish then sees no result and the sheet is edited here
    except (pickle.PicklingError, AttributeError, TypeError):  # what pickle raises for an
        child.kill()  # object it cannot send (a local class, say): the same way out
    finally:
        # Whatever happened, the child must not wait for more: an unfinished job makes it
        # fail, which makes this process edit the whole sheet itself.
        with contextlib.suppress(OSError):
            child.stdin.close()


def _finish(
    child: subprocess.Popen[bytes] | None,
) -> tuple[bytes, int, list[int], PackedTail] | None:
    """The child's edited part, or None when it failed (the caller then does it all)."""
    if child is None:
        return None
    assert child.stdout is not None
    try:
        result = pickle.load(child.stdout)
    except (EOFError, pickle.UnpicklingError, OSError):
        result = None
    if child.wait() != 0:
        return None
    return result


def _serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """In the child: edit the part it is given, check and compress it, and send it back
    compressed, with the rows not found and what follows the rows it checked (all of it if
    they are not well-formed: the parent's check then says what is wrong)."""
    prefix, data, pending, date_styles = pickle.load(stdin)
    xml, max_col = SheetXml(data, prefix).splice(pending, date_styles)
    # Its rows checked here too, on this core: the parent then parses only the rest.
    rows_end = xml.find(b"</" + prefix + b"sheetData>")
    try:
        if rows_end < 0:
            raise expat.ExpatError("no end of sheetData")
        check_well_formed(b"<rows>", memoryview(xml)[:rows_end], b"</rows>")
    except expat.ExpatError:
        rows_end = 0  # the parent's check of the whole part will say what is wrong
    # And compressed here, as the end of the part: the parent then deflates only the rest.
    packed = PackedTail.of(xml, WORKBOOK_LEVEL)
    result = (xml[rows_end:], max_col, sorted(pending), packed)
    pickle.dump(result, stdout, protocol=pickle.HIGHEST_PROTOCOL)
    stdout.flush()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
