"""The LRAR numbers typed on the page, written into the posting list the office would fill in
Excel: the next run reads them back from there, as it reads those typed in Excel."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorkbookError
from ..userfiles import write_atomically
from .listfind import posting_lists
from .lrar import EXAMPLE, clean_number, number_problem, shown_number
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


@dataclass(frozen=True)
class Saved:
    """What a save wrote: numbers of registered letters, dates of posting (each a cell)."""

    numbers: int = 0
    dates: int = 0

    def __add__(self, other: Saved) -> Saved:
        return Saved(self.numbers + other.numbers, self.dates + other.dates)


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
        line: f"ce n'est pas un n° de recommandé (modèle : {EXAMPLE}) : {why}"
        for line, why in found.items()
        if why
    }


def reused_numbers(
    lists: Sequence[tuple[PostingList, Mapping[int, str]]],
) -> dict[tuple[int, int], str]:
    """Each number typed (the lists' numbers typed by line) that another registered letter of
    these lists has, typed too or saved before: why, naming both letters, by (list's place,
    line). A number is proof of one posting only."""
    holders: dict[str, list[tuple[int, int]]] = {}
    for n, (listed, typed) in enumerate(lists):
        for x in listed.lines:
            key = clean_number(typed.get(x.line, x.number))
            if key:
                holders.setdefault(key, []).append((n, x.line))
    out = {}
    for key, places in holders.items():
        for n, line in places if len(places) > 1 else []:
            if not lists[n][1].get(line, "").strip():
                continue  # saved before, not typed now: the typed one is refused
            on, at = next(p for p in places if p != (n, line))
            other = next(x for x in lists[on][0].lines if x.line == at)
            this = next(x for x in lists[n][0].lines if x.line == line)
            out[(n, line)] = (
                f"{shown_number(key)} est déjà le n° de la lettre à {other.client} (dépôt du "
                f"{lists[on][0].posted:%d/%m/%Y}, ligne {at}) : un n° de recommandé ne sert "
                f"qu'une fois ; vérifiez celui de la lettre à {this.client} sur sa preuve de dépôt"
            )
    return out


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
) -> Saved:
    """Write the numbers typed (by line) into the list's number column, and the dates of
    posting (jj/mm/aaaa, checked by refused_dates) into its « Date de dépôt » column; how
    many numbers and dates were written (a number or date erased is not counted).

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
    written, posted = 0, 0
    for line, typed in numbers.items():
        cell = ws[listed.cells[line]] if line in listed.cells else None
        key = clean_number(typed)  # stored as La Poste prints it, however it was typed
        stored = shown_number(key) if key else typed.strip()
        if cell is not None and str(cell.value or "") != stored:
            cell.value = stored or None
            written += bool(stored)
    for line, day in dated.items():
        cell = ws[listed.posted_cells[line]] if line in listed.posted_cells else None
        value = dt.datetime.combine(day, dt.time()) if isinstance(day, dt.date) else None
        if cell is not None and cell.value != value:
            cell.value, cell.number_format = value, "dd/mm/yyyy"
            posted += value is not None
    write_atomically(path, book.save)
    return Saved(written, posted)


__all__ = [
    "PostingList",
    "Saved",
    "recent_lists",
    "refused_dates",
    "refused_numbers",
    "reused_numbers",
    "save_numbers",
]
