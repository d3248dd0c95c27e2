"""A column as codes into its distinct values, so that per-value work is done once per value.

A million-row ledger holds a few hundred distinct dates, flags and levels: parsing, testing
and converting each distinct value once, then spreading the result with one numpy take, is
what keeps reading it fast.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from .values import Amount, parse_amount, parse_text


class Coded:
    """Row i holds values[codes[i]]; the last value is the one of a missing cell."""

    __slots__ = ("codes", "values")

    def __init__(self, codes: np.ndarray, values: np.ndarray) -> None:
        self.codes, self.values = codes, values

    @classmethod
    def of(cls, cells: Sequence[Any]) -> Coded:
        """Code raw cells: None and NaN are missing; 1, 1.0 and True stay apart."""
        raw = np.empty(len(cells), dtype=object)
        raw[:] = cells
        codes, uniques = _factorize(raw)
        codes[codes < 0] = len(uniques)  # missing cells point at the last slot
        return cls(codes, object_array([*uniques, None]))

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

    def array(self, dtype: Any = object) -> np.ndarray:
        """One value per row."""
        values = self.values if dtype is object else self.values.astype(dtype)
        return values[self.codes]

    def series(self) -> pd.Series:
        """One value per row, as an object Series."""
        return pd.Series(self.array(), dtype=object)

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
    values = list(column.values)
    if parser is parse_amount:
        values = _rounded_floats(values)
    parsed: list[Any] = []
    reasons: list[str | None] = [None] * len(values)
    shortcut, fast = _SHORTCUTS.get(parser, (None, None))
    for i, value in enumerate(values):
        if value.__class__ is shortcut:
            parsed.append(fast(value))  # type: ignore[misc]
            continue
        try:
            parsed.append(parser(value))
        except (ValueError, TypeError, OverflowError) as exc:
            parsed.append(None)
            reasons[i] = str(exc) or "valeur illisible"
    return Coded(column.codes, object_array(parsed)), Coded(column.codes, object_array(reasons))


def dates_of(column: Coded) -> np.ndarray:
    """datetime64[ns] per row from parsed dates; anything else is NaT."""
    dates = pd.to_datetime(
        [v if isinstance(v, dt.date) else None for v in column.values], errors="coerce"
    )
    return np.asarray(dates.values)[column.codes]


def object_array(values: list[Any]) -> np.ndarray:
    """A one-dimensional object array, even of tuples."""
    table = np.empty(len(values), dtype=object)
    table[:] = values
    return table


# Amount(v) without the named tuple's Python-level __new__: 95,000 amounts in 0.05 s, not 0.17 s.
_new_amount = partial(tuple.__new__, Amount)


def _rounded_floats(values: list[Any]) -> list[Any]:
    """Finite float cells as Amounts rounded to the cent in bulk, exactly as round(x, 2).

    A number that already has at most two decimals is its own rounding in numpy and in Python
    alike; only the others (formula results) go through Python's round, which is slow.
    """
    where = [i for i, v in enumerate(values) if v.__class__ is float]
    if not where:
        return values
    floats = np.array([values[i] for i in where], dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        finite = np.isfinite(floats)
        same = finite & (np.round(floats, 2) == floats)
    for i, v, keep, ok in zip(where, floats.tolist(), same.tolist(), finite.tolist(), strict=True):
        if ok:  # inf stays a float: parse_amount refuses it with its message
            values[i] = _new_amount((v if keep else round(v, 2), None))
    return values


# The common cell types of the hot parsers, done inline: same results, a tenth of the time
# (a 100,000-row ledger has 100,000 distinct invoice numbers and amounts).
_SHORTCUTS: dict[Callable[[Any], Any], tuple[type, Callable[[Any], Any]]] = {
    parse_text: (str, lambda v: v.strip() or None),  # an empty text is a missing value
    parse_amount: (Amount, lambda a: a),  # float cells, made Amounts by _rounded_floats
}


def _factorize(raw: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Codes and distinct values; a missing cell gets -1."""
    kind = pd.api.types.infer_dtype(raw, skipna=True)
    if kind == "floating":
        # Numbers only (amounts): factorising float objects is slow, and they rarely repeat.
        codes, uniques = pd.factorize(raw.astype(float), use_na_sentinel=True)
        return codes, uniques.tolist()
    # True == 1 == 1.0 for hashing: a column that mixes bools with other values is factorised
    # with typed keys (rare, slower). infer_dtype says "mixed" for those, in C.
    if kind in ("mixed", "mixed-integer") and any(v.__class__ is bool for v in raw):
        return _typed_factorize(raw)
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    return codes, list(uniques)


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


__all__ = ["Coded", "dates_of", "object_array", "parse_values"]
