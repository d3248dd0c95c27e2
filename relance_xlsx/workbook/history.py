"""The journal read back, client by client: the timeline of a litigation file."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import python_calamine as calamine

from ..ledger import ACTION_LABELS, FORMAL_NOTICE, LEVEL_LABELS, REMINDER_1, REMINDER_2, parse_date
from .journal import HEADERS, JournalEntry

# A written demand for payment: a reminder or a formal notice, posted or e-mailed.
_DEMAND_LEVELS = {LEVEL_LABELS[n] for n in (REMINDER_1, REMINDER_2, FORMAL_NOTICE)}
_DEMAND_ACTIONS = (ACTION_LABELS["letter"], ACTION_LABELS["email"])


def journal_lines(path: Path, sheet: str, client: str) -> list[JournalEntry]:
    """The journal's lines about one client, in the order written (for its litigation file)."""
    stat = Path(path).stat()
    return list(_lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).get(client, ()))


def journal_demands(path: Path, sheet: str) -> dict[tuple[str, str], tuple[dt.date, ...]]:
    """The dates of the written demands (reminders, formal notices, by post or e-mail) the
    journal records, by (client, invoice): each interrupts a public debt's lapse."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    out: dict[tuple[str, str], set[dt.date]] = {}
    for client, lines in _lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if e.level in _DEMAND_LEVELS and e.action.startswith(_DEMAND_ACTIONS):
                out.setdefault((client, e.invoice), set()).add(e.run_date)
    return {key: tuple(sorted(days)) for key, days in out.items()}


@lru_cache(maxsize=2)
def _lines_by_client(
    path: str, sheet: str, size: int, mtime_ns: int
) -> dict[str, tuple[JournalEntry, ...]]:
    # Read once per file version: a run writing 200 litigation files asks 200 times.
    book = calamine.CalamineWorkbook.from_path(path)
    try:
        if sheet not in book.sheet_names:
            return {}
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)[1:]
    finally:
        book.close()
    out: dict[str, list[JournalEntry]] = {}
    for row in rows:
        cells = [*row, *[""] * len(HEADERS)][: len(HEADERS)]
        try:
            day = parse_date(cells[0])
        except ValueError:
            continue
        if day is None:
            continue
        numbers = [c if isinstance(c, int | float) else 0.0 for c in cells[5:8]]
        client = str(cells[2])
        out.setdefault(client, []).append(
            JournalEntry(
                day, str(cells[1]), client, str(cells[3]), str(cells[4]),
                float(numbers[0]), float(numbers[1]), float(numbers[2]), str(cells[8] or ""),
            )
        )  # fmt: skip
    return {k: tuple(v) for k, v in out.items()}


__all__ = ["journal_demands", "journal_lines"]
