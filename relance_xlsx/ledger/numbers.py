"""Amounts typed as text, and which mark is the decimal one.

« 1 234,56 € », « 1.500.000,00 », « 1,500,000.00 », « 1500000.000 », « (120,00) »: most values
say by themselves which mark is the decimal one. « 1.500 » or « 1,500 » does not (one
thousand five hundred, or one and a half): the other values of its column decide, and when
none does, the value is a problem on its row rather than a guess.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from typing import Any

COMMA, DOT = ",", "."
_CURRENCY_SIGNS = {
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "$": "USD",
    "usd": "USD",
    "chf": "CHF",
}
_CURRENCY_RE = re.compile(r"(€|£|\$|\beuros?\b|\beur\b|\bgbp\b|\busd\b|\bchf\b)", re.I)
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_DIGITS = re.compile(r"[\d.,]+")
# Digits grouped by three after a first group of one to three: 1.500.000 or 1,500,000.
_GROUPED = {mark: re.compile(r"^\d{1,3}(" + re.escape(mark) + r"\d{3})+$") for mark in (COMMA, DOT)}


def split_amount(text: str) -> tuple[bool, str, str | None]:
    """(negative, the digits with their marks, the currency) of an amount typed as text."""
    # A column's text amounts are split once to find its decimal mark (column_mark), then
    # again to be read (parse_amount): the short ones, every real amount, are kept for the
    # second time; a long text (a hostile cell) is not kept for the life of the process.
    return _split_kept(text) if len(text) <= _KEPT_LENGTH else _split(text)


def _split(text: str) -> tuple[bool, str, str | None]:
    currency = None
    m = _CURRENCY_RE.search(text)
    if m:
        currency = _CURRENCY_SIGNS[m.group(1).lower()]
        text = _CURRENCY_RE.sub("", text)
    text = _SPACES.sub("", text.strip())
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if not text or not _DIGITS.fullmatch(text) or not any(c.isdigit() for c in text):
        raise ValueError("montant illisible")
    return negative, text, currency


_KEPT_LENGTH = 64
_split_kept = functools.lru_cache(maxsize=1 << 16)(_split)


def mark_of(digits: str) -> str | None:
    """The decimal mark these digits show by themselves: ',' or '.', '' when they have no
    decimals either way (1500, 1.500.000 read with a comma…), None when they cannot say."""
    commas, dots = digits.count(COMMA), digits.count(DOT)
    if commas and dots:
        return COMMA if digits.rfind(COMMA) > digits.rfind(DOT) else DOT
    if not commas and not dots:
        return ""
    mark = COMMA if commas else DOT
    other = DOT if mark == COMMA else COMMA
    if commas + dots > 1:
        return other  # 1.500.000: the repeated mark groups thousands, the other is decimal
    head, _, tail = digits.partition(mark)
    # One mark: a thousands mark has one to three digits before it (not a lone 0) and
    # exactly three after; anything else is a decimal mark (12,5 · 1500000.000 · 0.125).
    if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
        return None
    return mark


def column_mark(texts: Iterable[str]) -> str | None:
    """The decimal mark a column's text amounts agree on, or None (no evidence, or both)."""
    seen: set[str] = set()
    for text in texts:
        try:
            found = mark_of(split_amount(text)[1])
        except ValueError:
            continue
        if found:
            seen.add(found)
            if len(seen) > 1:
                return None
    return seen.pop() if seen else None


def to_number(digits: str, mark: str | None) -> float:
    """The digits as a number, the decimal mark being theirs, else the column's."""
    own = mark_of(digits)
    decimal = own if own is not None else mark
    if decimal is None:
        head, _, tail = digits.partition(COMMA if COMMA in digits else DOT)
        small = f"{head},{tail.rstrip('0')}".rstrip(",")
        raise ValueError(
            f"montant ambigu : {head} {tail} ou {small} ? Aucun autre montant de la colonne "
            f"ne montre le séparateur décimal ; écrivez {head}{tail} ou {small}"
        )
    if decimal not in digits or decimal == "":  # 1.500.000, or 1.500 in a comma column
        grouped = next((m for m in (COMMA, DOT) if m in digits), None)
        if grouped and not _GROUPED[grouped].match(digits):
            raise ValueError("montant illisible")
        return float(digits.replace(COMMA, "").replace(DOT, ""))
    thousands = DOT if decimal == COMMA else COMMA
    whole, _, cents = digits.rpartition(decimal)
    if whole.count(decimal) or (thousands in whole and not _GROUPED[thousands].match(whole)):
        raise ValueError("montant illisible")
    return float(whole.replace(thousands, "") + "." + cents)


def amount_or_nan(value: Any, mark: str | None = None) -> float:
    """A cell's amount as a float, NaN when it is not one (or is ambiguous): for measuring."""
    if isinstance(value, bool) or value is None:
        return math.nan
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        return math.nan
    try:
        negative, digits, _ = split_amount(value)
        number = to_number(digits, mark)
    except ValueError:
        return math.nan
    return -number if negative else number


__all__ = ["COMMA", "DOT", "amount_or_nan", "column_mark", "mark_of", "split_amount", "to_number"]
