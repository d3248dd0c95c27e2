"""The LRAR numbers typed on the page, written into the posting list the office would fill in
Excel: the next run reads them back from there, as it reads those typed in Excel."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorkbookError
from ..userfiles import write_atomically
from .listfind import posting_lists
from .lrar import EXAMPLE, number_problem
from .posted import posted_day, posted_problem
from .posting import POSTED_HEADER, PostingLine
from .typed import read_list


@dataclass(frozen=True)
class PostingList:
    """A posting list of a run, with its lines as they stand."""

    path: Path
    posted: dt.date
    lines: list[PostingLine]
    problem: str = ""  # why its numbers cannot be read (and so not written from the page)

    @property
    def key(self) -> str:
        """What tells this list from any other, and from itself rewritten by a later run: the
        page sends it back with the numbers, which go nowhere if the list is no longer it."""
        lines = "|".join(f"{x.line}:{x.reference}:{x.client}" for x in self.lines)
        text = f"{self.path.resolve()}|{self.posted.isoformat()}|{lines}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def recent_lists(folders: Iterable[Path], as_of: dt.date, workbook: str = "") -> list[PostingList]:
    """The posting lists of the recent runs (or of runs dated later), the latest first;
    with workbook (a file name), not those written for another workbook."""
    found = []
    for path in posting_lists(folders, as_of, later=True):
        listed = read_list(path)
        other = workbook and listed.workbook.casefold() not in ("", workbook.casefold())
        if listed.day is not None and not other:
            found.append(PostingList(path, listed.day, listed.lines, listed.problem))
    return sorted(found, key=lambda x: x.posted, reverse=True)


def refused_numbers(numbers: Mapping[int, str]) -> dict[int, str]:
    """Why each number typed cannot be one (by line); an empty field is no error."""
    found = {line: number_problem(typed) for line, typed in numbers.items()}
    return {
        line: f"ce n'est pas un n° de recommandé ({EXAMPLE}) : {why}"
        for line, why in found.items()
        if why
    }


def refused_dates(
    dates: Mapping[int, str], letters: dt.date | None, today: dt.date
) -> dict[int, str]:
    """Why each date of posting typed cannot be the one (by line); an empty field is none."""
    found = {
        line: posted_problem(posted_day(typed), letters, today, "aujourd'hui")
        for line, typed in dates.items()
    }
    return {line: f"date de dépôt à corriger : {why}" for line, why in found.items() if why}


def save_numbers(
    path: Path, numbers: Mapping[int, str], dates: Mapping[int, str] | None = None
) -> int:
    """Write the numbers typed (by line) into the list's number column, and the dates of
    posting (jj/mm/aaaa, checked by refused_dates) into its « Date de dépôt » column; how
    many cells changed.

    The column is found as the next run finds it (its header's meaning, or where it was
    written). Refused, the file untouched, when Excel or LibreOffice has it open or when the
    list cannot be read back.
    """
    from openpyxl import load_workbook  # only the page's form needs it

    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise WorkbookError(
                f"{path.name} est ouvert dans Excel ou LibreOffice : fermez-le, puis "
                "enregistrez les numéros."
            )
    listed = read_list(path)
    if listed.problem and not listed.cells:
        raise WorkbookError(listed.problem)
    missing = [n for n, typed in numbers.items() if typed.strip() and n not in listed.cells]
    if missing:
        raise WorkbookError(
            f"{listed.name} n'a plus la ligne de la lettre n° {missing[0]} : notez son numéro "
            "dans la liste, sur la ligne de sa lettre."
        )
    dated = {n: posted_day(typed) for n, typed in (dates or {}).items()}
    undated = [n for n, day in dated.items() if day is not None and n not in listed.posted_cells]
    if undated:
        raise WorkbookError(
            f"{listed.name} n'a pas de colonne « {POSTED_HEADER} » pour la lettre n° "
            f"{undated[0]} : notez la date de dépôt dans la liste."
        )
    book = load_workbook(path)
    ws = book[listed.sheet]
    changed = 0
    for line, typed in numbers.items():
        cell = ws[listed.cells[line]] if line in listed.cells else None
        if cell is not None and str(cell.value or "") != typed.strip():
            cell.value = typed.strip() or None
            changed += 1
    for line, day in dated.items():
        cell = ws[listed.posted_cells[line]] if line in listed.posted_cells else None
        value = dt.datetime.combine(day, dt.time()) if isinstance(day, dt.date) else None
        if cell is not None and cell.value != value:
            cell.value, cell.number_format = value, "dd/mm/yyyy"
            changed += 1
    write_atomically(path, book.save)
    return changed


__all__ = ["PostingList", "recent_lists", "refused_dates", "refused_numbers", "save_numbers"]
