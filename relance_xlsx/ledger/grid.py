"""The grid of cells below the header row, read column by column, and the problems found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .coded import Coded, parse_amounts, parse_values
from .labels import label
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
        self.table = _table(data)
        self.numbers = np.arange(first_row, first_row + len(data))
        self.problems: list[Problem] = []
        self._columns: dict[int, Coded] = {}  # by position: a column may change its name

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, index: int) -> np.ndarray:
        """The cells of one row, as read."""
        return self.table[index]

    def raw(self, name: str) -> Coded:
        """The cells of a field's column as they are (all missing without the column)."""
        pos = self.positions.get(name)
        if pos is None or pos >= self.table.shape[1]:
            return Coded.missing(len(self))
        if pos not in self._columns:
            code = Coded.plain if name in _MOSTLY_DISTINCT else Coded.of
            self._columns[pos] = code(np.ascontiguousarray(self.table[:, pos]))
        return self._columns[pos]

    def keep_only(self, keep: np.ndarray) -> None:
        """Drop the rows that are not invoices."""
        self.table = self.table[keep]
        self.numbers = self.numbers[keep]
        self._columns = {pos: column.take(keep) for pos, column in self._columns.items()}

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

    def parse_names(self, name: str) -> Coded:
        """A name column on one line each; a name that lost line breaks is a warning."""
        parsed = self.parse(name, parse_name)
        if name in self.positions:
            raw = self.raw(name)
            for i in np.flatnonzero(raw.mask(name_was_cleaned)).tolist():
                message = "retour à la ligne ou caractère invisible retiré (sens d'écriture…)"
                self.problem(i, name, raw.at(i), message, "warning")
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


def _table(data: Sequence[Sequence[Any]]) -> np.ndarray:
    """The rows as one two-dimensional object array, short rows padded with empty cells.

    One copy of the whole grid in C costs less than cutting each column out of the rows in
    Python (1.2 s against 3.8 s for a million rows of 13 cells).
    """
    width = max(map(len, data), default=0)
    table = np.full((len(data), width), None, dtype=object)
    if all(len(row) == width for row in data):
        table[:] = data  # the target's shape tells numpy where to stop: a tuple stays a cell
        return table
    for i, row in enumerate(data):
        for j, cell in enumerate(row):
            table[i, j] = cell
    return table


__all__ = ["Grid"]
