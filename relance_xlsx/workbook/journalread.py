"""The journal sheet read into its lines by client, once per version of the file; and the
version a write-back saves, known from what it appended without reading the file again."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..ledger import parse_date, sheet_rows
from .journal import HEADERS, JournalEntry

# The journal read, by file version (path, sheet, size, modification time): a run asks
# for the version it read and, after its write-back, for the one it wrote.
_READ: OrderedDict[tuple[str, str, int, int], dict[str, tuple[JournalEntry, ...]]] = OrderedDict()
_VERSIONS_KEPT = 2
_GUARD = threading.Lock()  # the page's threads share it


def lines_by_client(
    path: str, sheet: str, size: int, mtime_ns: int
) -> dict[str, tuple[JournalEntry, ...]]:
    """The journal's lines by client, in the order written, of the file's version of that
    size and modification time: read once (a run writing 200 litigation files asks 200 times)."""
    key = (path, sheet, size, mtime_ns)
    with _GUARD:
        found = _READ.get(key)
    if found is None:
        found = _read_lines(Path(path), sheet)
    _remember(key, found)
    return found


def _remember(key: tuple[str, str, int, int], lines: dict[str, tuple[JournalEntry, ...]]) -> None:
    with _GUARD:
        _READ[key] = lines
        _READ.move_to_end(key)
        while len(_READ) > _VERSIONS_KEPT:
            _READ.popitem(last=False)


def _read_lines(path: Path, sheet: str) -> dict[str, tuple[JournalEntry, ...]]:
    grid = sheet_rows(path, sheet)
    if grid is None:
        return {}
    rows = grid[1:]
    out: dict[str, list[JournalEntry]] = {}
    for row in rows:
        entry = _entry(row)
        if entry is not None:
            out.setdefault(entry.client, []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


def remember_appended(
    path: Path,
    sheet: str,
    before: os.stat_result,
    after: os.stat_result,
    appended: Sequence[JournalEntry],
) -> None:
    """The journal of a file saved with these lines appended (after), known without reading
    it again from the journal of the version it was made from (before), if that was read.

    Only when each appended line reads back exactly as its entry says (see _as_read): the
    others make the next call read the file, as it always did.
    """
    with _GUARD:
        old = _READ.get((str(path), sheet, before.st_size, before.st_mtime_ns))
    if old is None:
        return
    out = {client: list(lines) for client, lines in old.items()}
    days: dict[Any, bool] = {}  # the lines of a run share one or a few dates
    for e in appended:
        read = _as_read(e, days)
        if read is None:
            return
        out.setdefault(read.client, []).append(read)
    lines = {k: tuple(v) for k, v in out.items()}
    _remember((str(path), sheet, after.st_size, after.st_mtime_ns), lines)


# What the journal's reader (python-calamine) could read otherwise than written: Excel's
# escapes of characters (_x000D_), and anything but printable characters (line ends, tabs,
# the characters XML refuses, which the writer drops).
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def _as_read(e: JournalEntry, days: dict[Any, bool]) -> JournalEntry | None:
    """The line as _entry reads back the row _entry_rows wrote for it; None when that is
    not certain (the caller then reads the file). days: the dates seen, and if they read."""
    texts = (e.invoice, e.client, e.level, e.action, e.letter, e.reference)
    if not all(type(t) is str for t in texts):
        return None
    joined = " ".join(texts)  # a space: no escape can straddle two texts
    if not joined.isprintable() or ("_x" in joined and _ESCAPE.search(joined)):
        return None
    day = e.run_date
    if not days.get(day, False) and not days.setdefault(day, _date_reads(day)):
        return None
    o, i, n = e.outstanding, e.interest, e.indemnity
    if type(o) is not float or type(i) is not float or type(n) is not float:
        return None
    if o != o:  # NaN: a line without amounts (none written), read as 0
        numbers = (0.0, 0.0, 0.0)
    elif math.isfinite(o + i + n):  # the sum: NaN or infinite if any of them is
        numbers = (round(o, 2), round(i, 2), round(n, 2))
    else:
        return None
    invoice, client, level, action, letter, reference = texts
    stripped = (invoice.strip(), client.strip(), level.strip(), action.strip(),
                letter.strip(), reference.strip())  # fmt: skip
    if stripped == texts and numbers == (o, i, n):
        return e  # nearly every line: it reads back as it is
    invoice, client, level, action, letter, reference = stripped
    return JournalEntry(day, invoice, client, level, action, *numbers, letter, reference)


def _date_reads(day: Any) -> bool:
    """A run date the reader reads back as itself (a date before 1990 is no line)."""
    if type(day) is not dt.date:
        return False
    try:
        return parse_date(day) == day
    except ValueError:
        return False


def _entry(row: list[Any]) -> JournalEntry | None:
    cells = [*row, *[""] * len(HEADERS)][: len(HEADERS)]
    try:
        day = parse_date(cells[0])
    except ValueError:
        return None
    if not isinstance(day, dt.date):
        return None
    numbers = [c if isinstance(c, int | float) else 0.0 for c in cells[5:8]]
    return JournalEntry(
        day, _text(cells[1]), _text(cells[2]), _text(cells[3]), _text(cells[4]),
        float(numbers[0]), float(numbers[1]), float(numbers[2]), _text(cells[8]),
        _text(cells[9]),
    )  # fmt: skip


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an invoice number Excel keeps as a number
    return str(value).strip()


__all__ = ["lines_by_client", "remember_appended"]
