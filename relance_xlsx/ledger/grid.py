"""The grid of cells below the header row, read column by column, and the problems found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

import numpy as np

from .coded import Coded, parse_amounts, parse_values
from .labels import label
from .placeholders import blanked
from .problems import Problem
from .text import name_was_cleaned, parse_name, parse_text

# Fields whose cells are nearly all different: coded one per row, without hashing.
_MOSTLY_DISTINCT = frozenset({"invoice", "amount", "paid"})


class Grid:
    """Column-wise access to the rows below the header; each column is cut and coded once."""

    def __init__(
        self,
        data: Sequence[Sequence[Any]],
        positions: dict[str, int],
        headers: Sequence[str],
        first_row: int,
    ) -> None:
        self.positions, self.headers = positions, headers
        # The rows as given, each column cut out of them when first asked for: a copy of the
        # whole grid as one 2-D array, then of each column out of it, cost twice as much.
        self._data = data
        self.width = max(map(len, data), default=0)
        self._even = min(map(len, data), default=0) == self.width
        self._kept: np.ndarray | None = None  # the kept rows' indices into data (None: all)
        self.numbers = np.arange(first_row, first_row + len(data))
        self.first_row = first_row
        self.problems: list[Problem] = []
        # The Excel rows of each field whose cell is formatted as a percentage (« 0 % »).
        self.percent_rows: dict[str, frozenset[int]] = {}
        self._columns: dict[int, Coded] = {}  # by position: a column may change its name

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, index: int) -> np.ndarray:
        """The cells of one row, as read (a short row padded with empty cells)."""
        cells = self._data[index if self._kept is None else int(self._kept[index])]
        padded = chain(cells, repeat(None, self.width - len(cells)))
        return np.fromiter(padded, dtype=object, count=self.width)

    def raw(self, name: str) -> Coded:
        """The cells of a field's column as they are (all missing without the column)."""
        pos = self.positions.get(name)
        if pos is None or pos >= self.width:
            return Coded.missing(len(self))
        if pos not in self._columns:
            cells = _column(self._data, pos, self._even)
            if self._kept is not None:
                cells = cells[self._kept]
            code = Coded.plain if name in _MOSTLY_DISTINCT else Coded.of
            # « — », « N/A »… in a payment or date column: empty cells (placeholders.py).
            self._columns[pos] = blanked(code(cells), name)
        return self._columns[pos]

    def cells(self, pos: int) -> np.ndarray:
        """The kept rows' cells of the column at this position, whatever field reads it."""
        cells = _column(self._data, pos, self._even)
        return cells if self._kept is None else cells[self._kept]

    def keep_only(self, keep: np.ndarray) -> None:
        """Drop the rows that are not invoices."""
        kept = np.arange(len(self._data)) if self._kept is None else self._kept
        self._kept = kept[keep]
        self.numbers = self.numbers[keep]
        self._columns = {pos: column.take(keep) for pos, column in self._columns.items()}

    def set_aside(self) -> list[tuple[int, Sequence[Any]]]:
        """The rows dropped as not invoices, each with its Excel row number."""
        if self._kept is None:
            return []
        dropped = sorted(set(range(len(self._data))) - set(self._kept.tolist()))
        return [(self.first_row + i, self._data[i]) for i in dropped]

    def header(self, name: str) -> str:
        """The header a problem names for a field."""
        pos = self.positions.get(name)
        # A column the ledger does not have (a due date computed from terms…): its French name.
        return self.headers[pos] if pos is not None else label(name)

    def parse(self, name: str, parser: Callable[[Any], Any], severity: str = "error") -> Coded:
        """A field's column parsed; each cell that cannot be read becomes a problem."""
        if name not in self.positions:
            return Coded.missing(len(self))
        raw = self.raw(name)
        parsed, reasons = parse_values(raw, parser)
        self.report(name, raw, reasons, severity)
        return parsed

    def parse_names(self, name: str, parser: Callable[[Any], Any] = parse_name) -> Coded:
        """A name column on one line each; a name that lost line breaks is a warning."""
        parsed = self.parse(name, parser)
        if name in self.positions:
            raw = self.raw(name)
            for i in np.flatnonzero(raw.mask(name_was_cleaned)).tolist():
                message = "retour à la ligne ou caractère invisible retiré (sens d'écriture…)"
                shown = " ↵ ".join(str(raw.at(i)).splitlines())  # the report's line stays one
                self.problem(i, name, shown, message, "warning")
        return parsed

    def parse_amounts(self, name: str) -> tuple[np.ndarray, Coded]:
        """A field's amounts (NaN where none) and their currencies, with their problems."""
        if name not in self.positions:
            return np.full(len(self), np.nan), Coded.missing(len(self))
        raw = self.raw(name)
        numbers, currencies, reasons = parse_amounts(raw)
        self.report(name, raw, reasons, "error")
        return numbers, currencies

    def report(self, name: str, raw: Coded, reasons: Coded, severity: str = "error") -> None:
        """One problem per row with a reason: the cell's value and why it cannot be read."""
        for i in np.flatnonzero(reasons.present()).tolist():
            self.problem(i, name, raw.at(i), str(reasons.at(i)), severity)

    def problem(
        self, index: int, name: str | None, value: Any, message: str, severity: str = "error"
    ) -> None:
        """Record a problem on the row at this index."""
        self.problems.append(
            Problem(
                int(self.numbers[index]),
                self.header(name) if name else None,
                None if value is None else parse_text(value) or str(value),
                message,
                "warning" if severity == "warning" else "error",
            )
        )


def _column(data: Sequence[Sequence[Any]], pos: int, even: bool) -> np.ndarray:
    """One column of the rows as an object array, a short row's missing cell None."""
    if even:  # every row as long: the cells taken in C, each one cell even if a tuple
        return np.fromiter(map(itemgetter(pos), data), dtype=object, count=len(data))
    cells = (row[pos] if len(row) > pos else None for row in data)
    return np.fromiter(cells, dtype=object, count=len(data))


__all__ = ["Grid"]
