"""The LRAR numbers the office typed on its posting lists, read back by the next run.

Each number goes to the invoices of its letter (by client and invoice number: rows may have
moved since), into the workbook's « N° recommandé » column. A number already there is never
replaced by another: the run says so and leaves both for the office to settle.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import python_calamine as calamine

from .posting import HEADERS, KEYS_SHEET, LIST_NAME, NUMBER_HEADER, SHEET, PostingLine

# A posting list is read back for this many days after its date: numbers are typed within
# days, and a run need not open years of lists.
READ_BACK_DAYS = 120
# La Poste's national numbers (« 1A 123 456 7890 1 ») and the international S10 ones
# (« RR 123 456 789 FR »), spaces and dashes aside; other carriers' numbers are letters and
# digits too.
_NUMBER = re.compile(r"[A-Z0-9]{8,30}")
_S10 = re.compile(r"([A-Z]{2})(\d{8})(\d)([A-Z]{2})")


@dataclass(frozen=True)
class RegisteredNumber:
    """An LRAR number typed on a posting list, written by a run into an invoice's row."""

    row: int
    invoice: str
    client: str
    number: str
    letter: str


@dataclass(frozen=True)
class Recorded:
    """An LRAR number to write on one invoice's row."""

    index: Any  # the invoice's label in the ledger frame
    row: int  # its Excel row
    invoice: str
    client: str
    number: str
    letter: str
    posted: dt.date

    def public(self) -> RegisteredNumber:
        """What the run's result says of it."""
        return RegisteredNumber(self.row, self.invoice, self.client, self.number, self.letter)


def clean_number(raw: Any) -> str | None:
    """The number as the office typed it, tidied (« 1a 123-456 7890 » → « 1A1234567890 »);
    None when it cannot be one (too short, few digits, other characters, a wrong S10 check
    digit)."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)  # digits typed into a number cell
    text = re.sub(r"[\s\-.]", "", unicodedata.normalize("NFKC", str(raw))).upper()
    if not _NUMBER.fullmatch(text) or sum(c.isdigit() for c in text) < 6:
        return None  # every carrier's number is mostly digits: « VOIRANNE » is not one
    s10 = _S10.fullmatch(text)
    if s10 and int(s10[3]) != _s10_check(s10[2]):
        return None
    return text


def _s10_check(digits: str) -> int:
    """The check digit of a UPU S10 item number."""
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return 0 if check == 10 else 5 if check == 11 else check


def posting_lists(folders: Iterable[Path], as_of: dt.date, *, later: bool = False) -> list[Path]:
    """The posting lists of the runs in these folders (relances/<date>/), recent ones only
    (and those dated after as_of, with later)."""
    found: dict[Path, None] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*/{LIST_NAME}")):
            try:
                day = dt.date.fromisoformat(path.parent.name)
            except ValueError:
                continue
            if (later or day <= as_of) and (as_of - day).days <= READ_BACK_DAYS:
                found[path.resolve()] = None
    return list(found)


def read_list(path: Path) -> tuple[list[PostingLine], dt.date | None]:
    """The lines of a posting list with the numbers typed, and its date (None: not a list)."""
    book = calamine.CalamineWorkbook.from_path(str(path))
    try:
        if SHEET not in book.sheet_names or KEYS_SHEET not in book.sheet_names:
            return [], None
        shown = book.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
        keys = book.get_sheet_by_name(KEYS_SHEET).to_python(skip_empty_area=False)
    finally:
        book.close()
    visible = _visible(shown)
    by_line: dict[int, list[list[Any]]] = {}
    for row in keys[1:]:
        if len(row) >= 5 and isinstance(row[0], int | float):
            by_line.setdefault(int(row[0]), []).append(row)
    day = None
    lines = []
    for line, rows in sorted(by_line.items()):
        day = day or _day(rows[0][4])
        seen = visible.get(line, {})
        amount = _amount(seen.get(HEADERS[4]))
        lines.append(
            PostingLine(
                line,
                str(rows[0][1]),
                _cell(seen.get(HEADERS[1])),
                tuple(_cell(seen.get(HEADERS[2])).split("\n")),
                _cell(seen.get(HEADERS[3])),
                amount,
                str(rows[0][2]),
                tuple(str(r[3]) for r in rows if str(r[3])),
                _cell(seen.get(NUMBER_HEADER)),
            )
        )
    return lines, day


def _visible(rows: list[list[Any]]) -> dict[int, dict[str, Any]]:
    """The visible sheet's cells by line and header, wherever the office moved the columns."""
    for h, header in enumerate(rows[:15]):
        names = [str(c).strip() for c in header]
        if NUMBER_HEADER in names and HEADERS[0] in names:
            at = names.index(HEADERS[0])
            return {
                int(r[at]): dict(zip(names, r, strict=False))
                for r in rows[h + 1 :]
                if len(r) > at and isinstance(r[at], int | float)
            }
    return {}


def _amount(value: Any) -> float:
    """The amount of a line, written as French text (« 6 505,15 € ») or as a number."""
    if isinstance(value, int | float):
        return float(value)
    digits = re.sub(r"[^\d,.-]", "", str(value or "")).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return 0.0


def _cell(value: Any) -> str:
    """A cell as text: digits typed into a number cell without their « .0 »."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def record_numbers(
    frame: pd.DataFrame, lists: Sequence[tuple[Path, list[PostingLine], dt.date]]
) -> tuple[list[Recorded], list[str]]:
    """The numbers to write, invoice by invoice, and a French warning for each one set aside."""
    warnings: list[str] = []
    wanted: dict[tuple[str, str], tuple[str, PostingLine, dt.date, Path]] = {}
    seen: dict[str, str] = {}
    for path, lines, day in lists:
        for line in lines:
            if not line.number:
                continue
            where = f"ligne {line.line} de {path.parent.name}/{path.name}"
            number = clean_number(line.number)
            if number is None:
                warnings.append(
                    f"N° de recommandé illisible « {line.number} » ({where}) : non reporté dans "
                    "le classeur ; corrigez-le dans la liste."
                )
                continue
            other = seen.setdefault(number, where)
            if other != where:
                warnings.append(
                    f"Le n° de recommandé {number} figure deux fois ({other} et {where}) : "
                    "reporté pour la première seulement."
                )
                continue
            for invoice in line.invoices:
                wanted[(_fold(line.client), invoice)] = (number, line, day, path)
    return _matched(frame, wanted, warnings), warnings


def _matched(
    frame: pd.DataFrame,
    wanted: dict[tuple[str, str], tuple[str, PostingLine, dt.date, Path]],
    warnings: list[str],
) -> list[Recorded]:
    """The ledger's rows of those invoices whose number cell is empty."""
    if not wanted:
        return []
    invoices = frame["invoice"].astype(str)
    candidates = frame.index[invoices.isin({invoice for _, invoice in wanted}).to_numpy()]
    found: list[Recorded] = []
    for idx in candidates:
        key = (_fold(frame.at[idx, "client"]), str(frame.at[idx, "invoice"]))
        if key not in wanted:
            continue
        number, line, day, _ = wanted[key]
        current = frame.at[idx, "registered_no"] if "registered_no" in frame else None
        now = clean_number(current) if isinstance(current, str) and current.strip() else None
        if now == number:
            continue
        if isinstance(current, str) and current.strip():
            warnings.append(
                f"Facture {key[1]} ({line.client}) : le classeur indique le recommandé n° "
                f"{current.strip()}, la liste du {day:%d/%m/%Y} donne {number} ; non remplacé."
            )
            continue
        found.append(
            Recorded(idx, int(frame.at[idx, "row"]), key[1], line.client, number, line.letter, day)
        )
    return found


def _fold(name: Any) -> str:
    return " ".join(str(name).split()).casefold()


__all__ = [
    "READ_BACK_DAYS",
    "Recorded",
    "RegisteredNumber",
    "clean_number",
    "posting_lists",
    "read_list",
    "record_numbers",
]
