"""The LRAR numbers typed on the page, written into the posting list the office would fill in
Excel: the next run reads them back from there, as it reads those typed in Excel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorkbookError
from .posting import HEADERS, NUMBER_HEADER, SHEET, PostingLine
from .typed import clean_number, posting_lists, read_list


@dataclass(frozen=True)
class PostingList:
    """A posting list of a run, with its lines as they stand."""

    path: Path
    posted: dt.date
    lines: list[PostingLine]


def recent_lists(folders: Iterable[Path], as_of: dt.date) -> list[PostingList]:
    """The posting lists of the recent runs (or of runs dated later), the latest first."""
    found = []
    for path in posting_lists(folders, as_of, later=True):
        lines, day = read_list(path)
        if day is not None:
            found.append(PostingList(path, day, lines))
    return sorted(found, key=lambda x: x.posted, reverse=True)


def refused_numbers(numbers: Mapping[int, str]) -> dict[int, str]:
    """Why each number typed cannot be one (by line); an empty field is no error."""
    return {
        line: "un n° de recommandé a des lettres et au moins 6 chiffres (1A 123 456 7890 1)"
        for line, typed in numbers.items()
        if typed.strip() and clean_number(typed) is None
    }


def save_numbers(path: Path, numbers: Mapping[int, str]) -> int:
    """Write the numbers typed (by line) into the list's number column; how many changed.

    Refused, the file untouched, when Excel or LibreOffice has it open.
    """
    from openpyxl import load_workbook  # only the page's form needs it

    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise WorkbookError(
                f"{path.name} est ouvert dans Excel ou LibreOffice : fermez-le, puis "
                "enregistrez les numéros."
            )
    book = load_workbook(path)
    ws = book[SHEET]
    changed = 0
    for row in ws.iter_rows():
        names = [str(c.value or "").strip() for c in row]
        if NUMBER_HEADER in names and HEADERS[0] in names:
            line_at, number_at = names.index(HEADERS[0]), names.index(NUMBER_HEADER)
            header = row[0].row
            break
    else:
        raise WorkbookError(f"{path.name} n'a plus sa colonne « {NUMBER_HEADER} ».")
    for row in ws.iter_rows(min_row=header + 1):
        line = row[line_at].value
        if isinstance(line, int | float) and int(line) in numbers:
            typed = numbers[int(line)].strip()
            if str(row[number_at].value or "") != typed:
                row[number_at].value = typed or None
                changed += 1
    tmp = path.with_name(f".{path.name}.tmp")
    book.save(tmp)
    tmp.replace(path)
    return changed


__all__ = ["PostingList", "recent_lists", "refused_numbers", "save_numbers"]
