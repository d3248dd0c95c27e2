"""What a column holds, measured on the rows under a candidate header: dates, amounts,
e-mails, postcodes, names, identifiers, row counters.

Only the sample of rows that the table choice already reads (a few hundred) is measured, so
profiling costs the same for a ledger of ten rows or a million.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .numbers import amount_or_nan, split_amount
from .placeholders import is_placeholder
from .values import ISO_DATE_TIME

_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[a-z]{2,}$", re.I)
_TEXT_DATE = re.compile(
    r"^\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}$|^\d{1,2}(er)? [a-zéû.]+ \d{2,4}$", re.I
)
_POSTCODE = re.compile(r"^\d{5}$")
_DIGIT = re.compile(r"\d")
_AMOUNT_STARTS = frozenset("0123456789-+(€$£.,EeUuGgCc")  # digits, signs, « EUR 12 », « USD »
_FLAGS = frozenset({"oui", "non", "o", "n", "yes", "no", "y", "x", "true", "false", "vrai", "faux"})
# A counter counts the rows from a small number; a reference rises by small steps.
_COUNTER_START = 10
_SEQUENCE_STEP = 10
_REFERENCE_FROM = 1000  # references have four digits or more; 100, 101, 102 may be prices


@dataclass(frozen=True, eq=False)
class Profile:
    """Shares of the filled cells of one column (0 to 1), and its numbers row by row."""

    rows: int  # rows looked at
    filled: int  # non-empty cells
    dates: float = 0.0
    numbers: float = 0.0  # numbers, or text that reads as an amount
    decimals: float = 0.0  # share of the numbers with cents
    emails: float = 0.0
    postcodes: float = 0.0
    texts: float = 0.0  # text that is neither a date, an amount nor an e-mail
    distinct: float = 0.0  # distinct values / filled cells
    digits: float = 0.0  # share of the text values with a digit: codes, not names
    flags: float = 0.0  # share of yes/no values (oui, non, yes, no, x, true…)
    counter: bool = False  # 1, 2, 3… : a row counter
    sequence: bool = False  # whole numbers rising by small steps: references, not amounts
    values: np.ndarray = field(default_factory=lambda: np.zeros(0))  # NaN where no number

    @property
    def fill(self) -> float:
        """Share of the rows with a value."""
        return self.filled / self.rows if self.rows else 0.0

    def describe(self) -> str:
        """What the column holds, in French: « 98 % de dates », « noms répétés »…"""
        if not self.filled:
            return "colonne vide"
        share, what = max(
            (self.dates, "de dates"),
            (self.emails, "d'adresses e-mail"),
            (self.numbers, "de montants" if self.decimals else "de nombres"),
            (self.texts, "de texte"),
        )
        parts = [f"{_percent(share)} {what}"]
        if self.counter:
            parts.append("1, 2, 3… (compteur de lignes)")
        elif self.sequence:
            parts.append("numéros qui se suivent")
        elif what == "de texte":
            different = round(self.distinct * self.filled)
            parts.append(
                "toutes différentes"
                if different == self.filled
                else f"{different} valeur(s) différente(s) sur {self.filled}"
            )
        if self.fill < 0.9:
            parts.append(f"remplie sur {self.filled} ligne(s) sur {self.rows}")
        return ", ".join(parts)


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _kind(value: Any) -> str:
    """date, number, email, postcode-text, amount-text, text, or empty."""
    if value is None or (value.__class__ is float and math.isnan(value)):
        return "empty"
    if isinstance(value, bool):
        return "text"
    if isinstance(value, dt.date | dt.datetime):
        return "date"
    if isinstance(value, int | float):
        return "number"
    text = str(value).strip()
    if not text or is_placeholder(text):  # « — », « N/A », « néant »: nothing yet
        return "empty"
    if _EMAIL.match(text) or (
        "@" in text and all(_EMAIL.match(p.strip()) for p in re.split(r"[;,]", text) if p.strip())
    ):
        return "email"
    if _TEXT_DATE.match(text) or ISO_DATE_TIME.match(text):
        return "date"
    if _POSTCODE.match(text):
        return "postcode"
    if text[0] not in _AMOUNT_STARTS:
        return "text"  # a name or a word: no amount starts so
    try:
        split_amount(text)  # « 1.500 » is an amount, even if its decimal mark is unknown
    except ValueError:
        return "text"
    return "amount"


def profile(cells: Sequence[Any]) -> Profile:
    """Measure one column from its cells (the sample rows, top to bottom)."""
    kinds = [_kind(v) for v in cells]
    filled = [v for v, k in zip(cells, kinds, strict=True) if k != "empty"]
    n = len(filled)
    if not n:
        return Profile(len(cells), 0, values=np.full(len(cells), np.nan))
    count = {k: kinds.count(k) for k in set(kinds)}
    values = np.array([amount_or_nan(v) if k in ("number", "amount", "postcode") else np.nan
                       for v, k in zip(cells, kinds, strict=True)])  # fmt: skip
    numeric = values[~np.isnan(values)]
    whole = numeric[np.isclose(numeric, np.round(numeric))]
    postcodes = count.get("postcode", 0) + sum(
        1 for v in filled if isinstance(v, int | float) and float(v).is_integer() and
        1000 <= v <= 99999
    )  # fmt: skip
    return Profile(
        rows=len(cells),
        filled=n,
        dates=count.get("date", 0) / n,
        # « 1.500 » counts as an amount though its value waits for its column's decimal mark.
        numbers=sum(count.get(k, 0) for k in ("number", "amount", "postcode")) / n,
        decimals=(len(numeric) - len(whole)) / len(numeric) if len(numeric) else 0.0,
        emails=count.get("email", 0) / n,
        postcodes=postcodes / n,
        texts=count.get("text", 0) / n,
        distinct=len({_key(v) for v in filled}) / n,
        digits=sum(1 for v in filled if isinstance(v, str) and _DIGIT.search(v)) / n,
        flags=sum(1 for v in filled if isinstance(v, bool) or _key(v) in _FLAGS) / n,
        counter=_counts_rows(numeric, n),
        sequence=_rises_by_steps(numeric, n),
        values=values,
    )


def _key(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def _counts_rows(numeric: np.ndarray, filled: int) -> bool:
    """1, 2, 3…: whole numbers from a small start, each one more than the one above."""
    if filled < 3 or len(numeric) != filled or not np.all(numeric == np.round(numeric)):
        return False
    steps = np.diff(numeric)
    return bool(numeric[0] <= _COUNTER_START and np.mean(steps == 1) >= 0.9)


def _rises_by_steps(numeric: np.ndarray, filled: int) -> bool:
    """Long whole numbers, all different, rising by small steps: references (9668, 9669…)."""
    if filled < 3 or len(numeric) != filled or not np.all(numeric == np.round(numeric)):
        return False
    steps = np.diff(numeric)
    return bool(
        numeric.min() >= _REFERENCE_FROM
        and np.all(steps > 0)
        and np.median(steps) <= _SEQUENCE_STEP
    )


class Profiles:
    """The profile of each column of a sample, measured when first asked for."""

    def __init__(self, sample: Sequence[Sequence[Any]]) -> None:
        self.sample = sample
        self._done: dict[int, Profile] = {}

    def __getitem__(self, column: int) -> Profile:
        if column not in self._done:
            cells = [row[column] if column < len(row) else None for row in self.sample]
            self._done[column] = profile(cells)
        return self._done[column]

    @property
    def width(self) -> int:
        """The widest row of the sample."""
        return max(map(len, self.sample), default=0)


def more_names(j: int, headers: dict[int, str], profiles: Profiles, taken: set[str]) -> bool:
    """Whether another free column of names holds more distinct names than column j: a
    salesperson, an agency (two values alternating) is then not the client, the other may be
    (review-attack-6 §15); no guess is safer than a letter of three clients' debts."""
    mine = profiles[j].distinct * profiles[j].filled
    for k, h in headers.items():
        q = profiles[k]
        if k == j or h in taken or q.filled < 2 or q.texts < 0.8 or q.digits > 0.2:
            continue
        if q.distinct * q.filled > mine:
            return True
    return False


__all__ = ["Profile", "Profiles", "more_names", "profile"]
