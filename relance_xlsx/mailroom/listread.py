"""The posting list's table found again after the office worked on it.

The office types the numbers in Excel or LibreOffice, and may rename the sheet, overwrite a
header, move or delete a column, add rows above. The table is found by its headers' meaning
(« N° LRAR », « Numéro de suivi »… for the numbers), and where a header is gone, by the
layout relance wrote, provided the columns still identified sit where they were written.
When the number column cannot be told, the caller says so with the cell it looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..wording import visible
from .posting import HEADER_ROW, HEADERS, SHEET, WRITTEN

_LOOKED = 30  # rows searched for the header: the office may add a few above it
_NUMBER_WORDS = {
    "recommande", "recommandee", "recommandes", "lrar", "lr", "suivi", "tracking", "envoi",
}  # fmt: skip
_LINE_TEXTS = {"n", "no", "num", "numero", "ligne", "n ligne", "no ligne"}
# « Date de dépôt », « Date d'envoi », « Déposée le », « Posted on »: the day of posting.
_POSTED_WORDS = {"depot", "deposee", "depose", "envoi", "envoye", "envoyee", "postee", "posted"}
_WORDS = (
    ({"facture", "factures"}, "invoices"),
    ({"reference", "references", "ref", "rf"}, "reference"),
    ({"destinataire", "client", "nom", "debiteur"}, "recipient"),
    ({"adresse"}, "address"),
    ({"montant", "somme"}, "amount"),
    ({"date"}, "date"),
)


@dataclass(frozen=True)
class Table:
    """The posting list's table as found: its sheet, header row and columns by field."""

    sheet: str
    header: int  # 0-based row of the header
    columns: dict[str, int]  # field ("line", "number", "reference"…) -> 0-based column
    rows: list[list[Any]]
    # The number column taken where relance wrote it, its header overwritten: what it holds
    # now, for the warning when nothing is typed below it.
    overwritten: str | None = None


@dataclass(frozen=True)
class Lost:
    """Why the numbers cannot be read: the sheet and cell looked at, what it holds now."""

    sheet: str
    cell: str
    holds: str
    sheets: tuple[str, ...]


@dataclass(frozen=True)
class TypedRow:
    """One row of the table: what identifies its letter, and the number typed on it."""

    row: int  # Excel row
    line: int | None
    reference: str  # without spaces, capitals
    recipient: str
    number: str
    cell: str  # the number's cell (« H7 »)
    # What the row shows of its letter, for the page: recipient, address, amount.
    shown: dict[str, Any]
    posted: Any = None  # the date of posting as read (a date, a number, text) or None
    posted_cell: str = ""


def fold(text: Any) -> str:
    """Lower case, no accents, words separated by one space (« N° de recommandé » →
    « n de recommande »)."""
    decomposed = unicodedata.normalize("NFKD", "" if text is None else str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", bare).split())


def field_of(header: Any) -> str | None:
    """The field a header cell names, by its meaning; None for anything else."""
    text = fold(header)
    if not text or len(text) > 40:  # a title or a sentence, not a header
        return None
    words = set(text.split())
    if words & _POSTED_WORDS and words & {"date", "le", "on"}:
        return "posted"
    if words & _NUMBER_WORDS:
        return "number"
    if text in _LINE_TEXTS or text == "#":
        return "line"
    for names, name in _WORDS:
        if words & names:
            return name
    return None


def locate(sheets: Mapping[str, list[list[Any]]]) -> Table | Lost:
    """The table of a posting list's visible sheets (the one named « Recommandés » first)."""
    order = sorted(sheets, key=lambda name: name != SHEET)
    found = [(name, *_header(sheets[name])) for name in order]
    found = [f for f in found if f[2]]
    if not found:
        sheet = SHEET if SHEET in sheets else (order[0] if order else "")
        first, last = cell_name(HEADER_ROW, 0), cell_name(HEADER_ROW, len(HEADERS) - 1)
        return Lost(sheet, f"{first}:{last}", "", tuple(order))
    named = [f for f in found if f[0] == SHEET]
    sheet, header, columns = named[0] if named else max(found, key=lambda f: len(f[2]))
    rows = sheets[sheet]
    at = WRITTEN["number"]
    holds = _shown(rows[header][at] if at < len(rows[header]) else None)
    overwritten = None
    if _as_written(columns):  # a header overwritten, the layout intact
        overwritten = None if "number" in columns else holds
        for name in ("number", "line"):
            columns.setdefault(name, WRITTEN[name])
        if "posted" not in columns and _free(rows[header], WRITTEN["posted"]):
            columns["posted"] = WRITTEN["posted"]
    elif "number" not in columns and "amount" in columns:
        # Columns moved or deleted, the numbers' header overwritten: they were written just
        # after the amounts, if nothing else is there now.
        after = columns["amount"] + 1
        if after not in columns.values():
            columns["number"] = after
            overwritten = _shown(rows[header][after] if after < len(rows[header]) else None)
    if "number" not in columns:
        return Lost(sheet, cell_name(header, at), holds, tuple(order))
    return Table(sheet, header, columns, rows, overwritten)


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The row of the first rows that names the most fields (at least two), and its fields."""
    best: tuple[int, dict[str, int]] = (0, {})
    for h, row in enumerate(rows[:_LOOKED]):
        columns: dict[str, int] = {}
        for j, value in enumerate(row):
            name = field_of(value)
            if name and name not in columns:
                columns[name] = j
        if len(columns) >= 2 and len(columns) > len(best[1]):
            best = (h, columns)
    return best


def _free(header: Sequence[Any], at: int) -> bool:
    """Whether a header cell holds nothing (the date's header overwritten by an empty one)."""
    return at >= len(header) or header[at] is None or not str(header[at]).strip()


def _as_written(columns: Mapping[str, int]) -> bool:
    """Whether every column still identified is where relance wrote it."""
    return len(columns) >= 2 and all(WRITTEN.get(name) == at for name, at in columns.items())


def typed_rows(table: Table) -> list[TypedRow]:
    """The table's rows that name a letter or hold a number, in order."""
    cols = table.columns
    found = []
    for r, row in enumerate(table.rows[table.header + 1 :], start=table.header + 1):
        line = _get(row, cols.get("line"))
        reference = re.sub(r"\s", "", _shown(_get(row, cols.get("reference")))).upper()
        number = _shown(_get(row, cols["number"]))
        if not isinstance(line, int | float) or isinstance(line, bool) or line != int(line):
            line = None
        if line is None and not reference.startswith("RF") and not number:
            continue  # the count, the stamp's line, a blank row
        found.append(
            TypedRow(
                r + 1,
                None if line is None else int(line),
                reference if reference.startswith("RF") else "",
                _shown(_get(row, cols.get("recipient"))).split("\n")[0].strip(),
                number,
                cell_name(r, cols["number"]),
                {k: _get(row, cols.get(k)) for k in ("recipient", "address", "amount")},
                _get(row, cols.get("posted")),
                cell_name(r, cols["posted"]) if "posted" in cols else "",
            )
        )
    return found


def _get(row: Sequence[Any], at: int | None) -> Any:
    return row[at] if at is not None and at < len(row) else None


def _shown(value: Any) -> str:
    """A cell as text: digits typed into a number cell without their « .0 »."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def quoted(text: str, limit: int = 40) -> str:
    """A value the office typed, as a warning quotes it: visible, on one line, not too long."""
    shown = "".join(c if c.isprintable() else " " for c in visible(str(text)))
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def cell_name(row: int, column: int) -> str:
    """« H7 » for 0-based row 6 and column 7."""
    letters = ""
    n = column + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


__all__ = [
    "Lost",
    "Table",
    "TypedRow",
    "cell_name",
    "field_of",
    "fold",
    "locate",
    "quoted",
    "typed_rows",
]
