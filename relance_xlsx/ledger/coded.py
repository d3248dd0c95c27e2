"""A column as codes into its distinct values, so that per-value work is done once per value.

A million-row ledger holds a few hundred distinct dates, flags and levels: parsing, testing
and converting each distinct value once, then spreading the result with one numpy take, is
what keeps reading it fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .numbers import column_mark
from .text import parse_one_line
from .values import MAX_AMOUNT, parse_amount, parse_text

try:  # pandas' own hash table for objects, the one pd.factorize fills for them
    from pandas._libs.hashtable import PyObjectHashTable as _ObjectTable
except ImportError:  # pragma: no cover - another pandas: pd.factorize itself
    _ObjectTable = None


class Coded:
    """Row i holds values[codes[i]]; the last value is the one of a missing cell."""

    __slots__ = ("_filled", "codes", "values")

    def __init__(self, codes: np.ndarray, values: np.ndarray) -> None:
        self.codes, self.values = codes, values
        self._filled: np.ndarray | None = None

    @classmethod
    def of(cls, cells: Sequence[Any] | np.ndarray) -> Coded:
        """Code raw cells: None and NaN are missing; 1, 1.0 and True stay apart."""
        raw = cells if isinstance(cells, np.ndarray) else object_array(list(cells))
        codes, uniques = _factorize(raw)
        codes[codes < 0] = len(uniques)  # missing cells point at the last slot
        return cls(codes, object_array([*uniques, None]))

    @classmethod
    def plain(cls, cells: Sequence[Any] | np.ndarray) -> Coded:
        """Cells coded one per row, for columns whose values rarely repeat (numbers, amounts).

        Hashing a million cells to find almost as many distinct values costs more than it
        saves. NaN stays a value here; every parser reads it as an empty cell.
        """
        values = np.empty(len(cells) + 1, dtype=object)
        values[:-1] = cells if isinstance(cells, np.ndarray) else object_array(list(cells))
        return cls(np.arange(len(cells)), values)

    @classmethod
    def missing(cls, rows: int) -> Coded:
        """A column the ledger does not have: every cell missing."""
        return cls(np.zeros(rows, dtype=np.intp), object_array([None]))

    def __len__(self) -> int:
        return len(self.codes)

    def at(self, row: int) -> Any:
        """The value of one row."""
        return self.values[self.codes[row]]

    def map(self, convert: Callable[[Any], Any]) -> Coded:
        """convert(v) once per distinct value (the missing cell's too)."""
        return Coded(self.codes, object_array([convert(v) for v in self.values]))

    def mask(self, test: Callable[[Any], bool]) -> np.ndarray:
        """test(v) for every row, computed once per distinct value."""
        return np.array([bool(test(v)) for v in self.values], dtype=bool)[self.codes]

    def present(self) -> np.ndarray:
        """Rows whose value is not None, without a Python call per value."""
        is_none = np.equal(self.values, np.array(None, dtype=object))
        return ~is_none[self.codes]

    def filled(self) -> np.ndarray:
        """Rows with a value: not None, NaN or empty text (calamine reads a blank cell as "")."""
        # Kept: the table's end and the skipped rows ask again for the same million cells.
        if self._filled is None:
            values = self.values
            empty = pd.isna(values) | np.equal(values, np.array("", dtype=object))
            self._filled = ~empty[self.codes]
        return self._filled.copy()

    def array(self, dtype: Any = object) -> np.ndarray:
        """One value per row."""
        values = self.values if dtype is object else self.values.astype(dtype)
        return values[self.codes]

    def merged(self) -> Coded:
        """The same column with equal values sharing one code (parsing can make cells equal)."""
        inner, uniques = pd.factorize(self.values, use_na_sentinel=True)
        inner[inner < 0] = len(uniques)
        return Coded(inner[self.codes], object_array([*uniques, None]))

    def take(self, rows: np.ndarray) -> Coded:
        """The rows a boolean mask or index array selects."""
        return Coded(self.codes[rows], self.values)


def parse_values(column: Coded, parser: Callable[[Any], Any]) -> tuple[Coded, Coded]:
    """Apply a parser once per distinct value: the parsed column and the error reasons."""
    values = column.values
    reasons = nones(len(values))
    if parser is parse_text or parser is parse_one_line:
        # The hot parsers' common case inline (a million distinct invoice numbers): a plain
        # text (ASCII, printable: no control, line break or invisible character) is only
        # trimmed, an empty one is missing; any other text goes through the parser itself.
        # Same results, a tenth of the time.
        parsed = [
            ((v.strip() or None) if v.isascii() and v.isprintable() else parser(v))
            if v.__class__ is str
            else _parsed(parser, i, v, reasons)
            for i, v in enumerate(values)
        ]
    else:
        parsed = [_parsed(parser, i, v, reasons) for i, v in enumerate(values)]
    return Coded(column.codes, object_array(parsed)), Coded(column.codes, reasons)


def _parsed(parser: Callable[[Any], Any], i: int, value: Any, reasons: np.ndarray) -> Any:
    """parser(value), or None with the reason it cannot be read written at reasons[i]."""
    try:
        return parser(value)
    except (ValueError, TypeError, OverflowError) as exc:
        reasons[i] = str(exc) or "valeur illisible"
        return None


def parse_amounts(column: Coded) -> tuple[np.ndarray, Coded, Coded]:
    """Amounts: the number of each row (NaN where none), the currency, the error reasons.

    Float cells, nearly all of a ledger's amounts, are rounded to the cent in bulk, with no
    Amount made for them; the rest goes through parse_amount one distinct value at a time,
    with the decimal mark the column's text amounts agree on.
    """
    values = column.values
    numbers = np.full(len(values), np.nan)
    currencies = nones(len(values))
    reasons = nones(len(values))
    is_float = np.fromiter((v.__class__ is float for v in values), bool, len(values))
    floats = values[is_float].astype(float)
    # Beyond a thousand billion, or infinite: parse_amount says why, once per value.
    finite = np.isfinite(floats) & (np.abs(floats) < MAX_AMOUNT)
    cents = round_cents(floats)
    numbers[np.flatnonzero(is_float)[finite]] = cents[finite]
    slow = np.ones(len(values), dtype=bool)
    slow[np.flatnonzero(is_float)[finite]] = False
    # The rest once per distinct value: a column coded one per row repeats its blank cells.
    where = np.flatnonzero(slow)
    codes, distinct = _factorize(values[where])
    distinct_numbers = np.full(len(distinct), np.nan)
    distinct_currencies = nones(len(distinct))
    distinct_reasons = nones(len(distinct))
    # The decimal mark of « 1.500 » is the one its column's other text amounts show.
    mark = column_mark(v for v in distinct if v.__class__ is str)
    for k, value in enumerate(distinct):
        try:
            amount = parse_amount(value, mark)
        except (ValueError, TypeError, OverflowError) as exc:
            distinct_reasons[k] = str(exc) or "valeur illisible"
            continue
        if amount is not None:
            distinct_numbers[k], distinct_currencies[k] = amount.value, amount.currency
    present = codes >= 0  # missing cells (-1) keep no number, no currency, no reason
    numbers[where[present]] = distinct_numbers[codes[present]]
    currencies[where[present]] = distinct_currencies[codes[present]]
    reasons[where[present]] = distinct_reasons[codes[present]]
    return (
        numbers[column.codes],
        Coded(column.codes, currencies),
        Coded(column.codes, reasons),
    )


def round_cents(floats: np.ndarray) -> np.ndarray:
    """Each number rounded to the cent exactly as Python's round(x, 2) does, in bulk."""
    with np.errstate(invalid="ignore", over="ignore"):
        cents = np.round(floats, 2)
        # A number with at most two decimals is its own rounding in numpy and in Python
        # alike; only the others (formula results) go through Python's exact round.
        inexact = np.flatnonzero(np.isfinite(floats) & (cents != floats))
    cents[inexact] = [round(x, 2) for x in floats[inexact].tolist()]
    return cents


def dates_of(column: Coded) -> np.ndarray:
    """datetime64[ns] per row from parsed dates; anything else is NaT."""
    dates = pd.to_datetime(
        [v if isinstance(v, dt.date) else None for v in column.values], errors="coerce"
    )
    return np.asarray(dates.values)[column.codes]


def object_array(values: list[Any]) -> np.ndarray:
    """A one-dimensional object array, even of tuples."""
    # fromiter takes each item as one cell, and costs half of a slice assignment.
    return np.fromiter(values, dtype=object, count=len(values))


def nones(rows: int) -> np.ndarray:
    """An object array of None (numpy's own fill: a list of a million None cost 0.15 s)."""
    return np.empty(rows, dtype=object)


def _factorize(raw: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Codes and distinct values; a missing cell gets -1."""
    # A column that starts with a text or a date is no column of floats: no pass over it to
    # ask pandas for its kind (one more over a million cells), unless a bool is in doubt.
    first = raw[0].__class__ if len(raw) else None
    kind = None if first in _NOT_FLOAT else pd.api.types.infer_dtype(raw, skipna=True)
    if kind == "floating":
        # Numbers only (amounts): factorising float objects is slow, and they rarely repeat.
        codes, uniques = pd.factorize(raw.astype(float), use_na_sentinel=True)
        return codes, uniques.tolist()
    codes, uniques = _object_factorize(raw)
    # True == 1 == 1.0 for hashing: a column that mixes bools with other values is factorised
    # with typed keys (rare, slower). infer_dtype says "mixed" for those, in C.
    # A bool either is among the distinct values or was merged into a 0 or 1 before it:
    # only then is the column scanned for one (a million dates mixed with text are not).
    if any(map(_bool_or_bit, uniques)) and any(v.__class__ is bool for v in raw):
        kind = kind or pd.api.types.infer_dtype(raw, skipna=True)
        if kind in ("mixed", "mixed-integer"):
            return _typed_factorize(raw)
    return codes, list(uniques)


_NOT_FLOAT = frozenset({str, dt.date, dt.datetime})


def _object_factorize(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pd.factorize of an object array, without its pass asking whether all cells are text
    (to hash them as UTF-8, no faster), nor a table sized for a million distinct values."""
    if _ObjectTable is None or not _table_agrees():
        return pd.factorize(raw, use_na_sentinel=True)
    # The arguments pandas' own factorize_array gives the table: the same codes and values.
    table = _ObjectTable(min(len(raw), 1024))
    uniques, codes = table.factorize(raw, na_sentinel=-1, na_value=None, mask=None, ignore_na=True)
    return codes.astype(np.intp, copy=False), uniques


@functools.cache
def _table_agrees() -> bool:
    """Whether pandas' private table codes a tricky sample as pd.factorize does, asked once:
    another pandas that takes other arguments, or codes otherwise, gets pd.factorize."""
    sample = np.array(["b", None, "a", "b", math.nan, 1.0, True, dt.date(2026, 1, 1)], object)
    try:
        uniques, codes = _ObjectTable(8).factorize(sample, -1, None, None, True)
    except TypeError:  # pragma: no cover - a pandas whose private table changed
        return False
    theirs, values = pd.factorize(sample, use_na_sentinel=True)
    same = [(type(v), v) for v in uniques] == [(type(v), v) for v in values]
    return same and codes.tolist() == theirs.tolist()


def _bool_or_bit(value: Any) -> bool:
    return value.__class__ is bool or (value.__class__ in (int, float) and value in (0, 1))


def _typed_factorize(raw: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    seen: dict[Any, int] = {}
    uniques: list[Any] = []
    codes = np.empty(len(raw), dtype=np.intp)
    for i, value in enumerate(raw):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            codes[i] = -1
            continue
        key = _key(value)
        if key not in seen:
            seen[key] = len(uniques)
            uniques.append(value)
        codes[i] = seen[key]
    return codes, uniques


def _key(raw: Any) -> Any:
    # Keep 1 and True and 1.0 apart; NaN is not equal to itself, so give it one key.
    if isinstance(raw, float) and math.isnan(raw):
        return ("nan",)
    return (type(raw).__name__, raw)


__all__ = [
    "Coded",
    "dates_of",
    "nones",
    "object_array",
    "parse_amounts",
    "parse_values",
    "round_cents",
]
