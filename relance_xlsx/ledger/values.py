"""Cell values to Python values: dates (day first), amounts, invoice numbers, flags.

Every parser takes one raw cell value and returns a value or None (empty), or raises
ValueError with a French reason. ``coded.parse_values`` applies one to a whole column, parsing
each distinct value once, which keeps a million-row ledger fast.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, NamedTuple

from .columns import normalise
from .numbers import split_amount, to_number
from .text import is_empty, parse_text

EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers Excel shows as dates between 1954 and 2118: anything else is not a date.
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
# A date typed as the number yyyymmdd (19000101 to 21001231), never an Excel serial.
_YMD_MIN, _YMD_MAX = 19000101, 21001231
_YMD_TEXT = re.compile(r"^\d{8}$")
# An invoice ledger holds nothing before 1990 or after 2099: such a date is a typing error
# (or Excel's day 0), and letting it through would compute decades of interest.
FIRST_DATE, LAST_DATE = dt.date(1990, 1, 1), dt.date(2099, 12, 31)
# No invoice is worth a thousand billion: beyond that, a typing error (and Decimal's limits).
MAX_AMOUNT = 1e12
MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "january": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "february": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "march": 3,
    "avril": 4,
    "avr": 4,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "june": 6,
    "jun": 6,
    "juillet": 7,
    "juil": 7,
    "july": 7,
    "jul": 7,
    "aout": 8,
    "august": 8,
    "aug": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "september": 9,
    "octobre": 10,
    "oct": 10,
    "october": 10,
    "novembre": 11,
    "nov": 11,
    "november": 11,
    "decembre": 12,
    "dec": 12,
    "december": 12,
}

# An ISO date-time as exports write it as text (Stripe's « 2026-10-01 10:32:11 »,
# « 2026-10-01T10:32:11Z »): its date, the time dropped (review-pubwb8 M5).
ISO_DATE_TIME = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
    re.I,
)
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")
_WORDY_DATE = re.compile(r"^(?:[a-z]+ )?(\d{1,2})(?:er)? ([a-z]+) (\d{2,4})$")


def _ymd(number: int) -> dt.date:
    """A date typed as yyyymmdd (20260901), as exports without dates write them."""
    try:
        return dt.date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        raise ValueError("date impossible") from None


def _year(y: int) -> int:
    return y + 2000 if y < 100 else y


def parse_date(value: Any) -> dt.date | None:
    """A date from an Excel date, a serial number or French/ISO text; day first, never guessed."""
    day = _read_date(value)
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        years = f"avant {FIRST_DATE.year} ou après {LAST_DATE.year}"
        raise ValueError(f"date invraisemblable ({years})")
    return day


def _read_date(value: Any) -> dt.date | None:
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError("ce n'est pas une date")
    if isinstance(value, int | float):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:  # a datetime serial keeps its date part
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        if _YMD_MIN <= value <= _YMD_MAX and float(value).is_integer():
            return _ymd(int(value))  # 20260901 typed as a number: 1 September 2026
        raise ValueError("nombre qui n'est pas une date")
    text = str(value).strip()
    if stamped := ISO_DATE_TIME.match(text):
        text = stamped.group(1)
    if _YMD_TEXT.match(text) and _YMD_MIN <= int(text) <= _YMD_MAX:
        return _ymd(int(text))
    m = _NUMERIC_DATE.match(text)
    try:
        if m:
            a, b, c = (int(g) for g in m.groups())
            if len(m.group(1)) == 4:  # ISO: year first
                return dt.date(a, b, c)
            return dt.date(_year(c), b, a)
        folded = normalise(text)
        w = _WORDY_DATE.match(folded)
        if w and w.group(2) in MONTHS:
            return dt.date(_year(int(w.group(3))), MONTHS[w.group(2)], int(w.group(1)))
    except ValueError:
        raise ValueError("date impossible") from None
    raise ValueError("date illisible (attendu JJ/MM/AAAA)")


class Amount(NamedTuple):
    """An amount read from a cell, with the currency it was written in, if any.

    A named tuple: a ledger makes one per amount cell, and a frozen dataclass costs 3 µs each.
    """

    value: float
    currency: str | None = None


def parse_amount(value: Any, mark: str | None = None) -> Amount | None:
    """An amount from a number or text such as '1 234,56 €', '1.234,56', '£400', '(120,00)'.

    mark is the decimal mark of the value's column (numbers.column_mark), for a value such as
    « 1.500 » that does not show its own; without it, such a value is ambiguous (ValueError).
    """
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError("ce n'est pas un montant")
    if isinstance(value, int | float):
        return Amount(_bounded(float(value)))
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise ValueError("une date à la place d'un montant")
    negative, digits, currency = split_amount(str(value))
    try:
        number = to_number(digits, mark)
    except OverflowError:
        raise ValueError("montant illisible") from None
    return Amount(_bounded(-number if negative else number), currency)


def _bounded(number: float) -> float:
    """The amount to the cent, refused beyond a thousand billion (or infinite)."""
    if math.isinf(number):
        raise ValueError("montant infini")
    if abs(number) >= MAX_AMOUNT:  # either sign: -1e12 is no more plausible than 1e12
        raise ValueError("montant invraisemblable (1 000 milliards ou plus, en valeur absolue)")
    return round(number, 2)


_TRUE_WORDS = {"oui", "o", "yes", "y", "x", "1", "vrai", "true", "ok", "v"}
_FALSE_WORDS = {"non", "no", "n", "0", "faux", "false", "", "na", "n a", "aucun", "none", "-"}
_PAID_WORDS = (
    "paye",
    "payee",
    "regle",
    "reglee",
    "solde",
    "soldee",
    "acquitte",
    "acquittee",
    "encaisse",
    "encaissee",
    "paid",
    "payed",
    "settled",
)


def parse_flag(value: Any) -> bool | None:
    """A yes/no flag: oui, x, 1, yes, vrai… are yes; non, no, 0, faux… are no."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    word = normalise(value)
    if word in _TRUE_WORDS or word in _PAID_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError("attendu oui/non")


def parse_hold(value: Any) -> bool | None:
    """A dispute/hold cell: set when yes-like or any text other than non/no/0/faux."""
    if is_empty(value):
        return None
    try:
        return parse_flag(value)
    except ValueError:
        return True


__all__ = [
    "Amount",
    "is_empty",
    "parse_amount",
    "parse_date",
    "parse_flag",
    "parse_hold",
    "parse_text",
]
