"""French (and English) formatting of money, rates and dates through Babel; no setlocale."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import (
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
)
from num2words import num2words

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(language: str) -> str:
    return _LOCALES.get(language, "fr_FR")


@lru_cache(maxsize=1 << 16)
def money(amount: float, currency: str = "EUR", language: str = "fr") -> str:
    """1234.5 -> "1 234,50 €", exactly as Babel writes it, except that zero is never signed.

    Cached: an amount is written by its letter, the letter's check, the litigation file and
    the report."""
    shape = _money_shape(currency, language)
    value = Decimal(str(amount)).quantize(_CENT, rounding=ROUND_HALF_EVEN)
    digits = f"{abs(value):,.2f}".translate(shape.separators)
    prefix, suffix = shape.negative if value < 0 else shape.positive
    return f"{prefix}{digits}{suffix}"


_CENT = Decimal("0.01")
_PROBE = Decimal("1234567.25")


@dataclass(frozen=True)
class _MoneyShape:
    positive: tuple[str, str]
    negative: tuple[str, str]
    separators: dict[int, str]


@lru_cache(maxsize=64)
def _money_shape(currency: str, language: str) -> _MoneyShape:
    # Babel formats one probe amount per currency and language; each later amount only
    # needs its digits placed the same way (Babel's pattern parsing costs 0.1 ms a call).
    locale = _locale(language)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    digits = f"1{group}234{group}567{decimal}25"
    shapes = []
    for probe in (_PROBE, -_PROBE):
        text = format_currency(probe, currency, locale=locale)
        prefix, found, suffix = text.partition(digits)
        if not found:
            raise ValueError(f"unexpected currency format {text!r} for {locale}")
        shapes.append((prefix, suffix))
    return _MoneyShape(shapes[0], shapes[1], str.maketrans({",": group, ".": decimal}))


def number(value: float, language: str = "fr", digits: int = 2) -> str:
    """12.15 -> '12,15'."""
    fmt = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=fmt, locale=_locale(language))


@lru_cache(maxsize=1024)
def percent(value: float, language: str = "fr") -> str:
    """12.15 -> '12,15 %'. Cached: a run names the same few rates thousands of times."""
    sep = "\u00a0" if language == "fr" else ""
    return f"{number(value, language)}{sep}%"


@lru_cache(maxsize=4096)
def date_long(day: dt.date, language: str = "fr") -> str:
    """2026-11-22 -> '22 novembre 2026'."""
    return format_date(day, format="long", locale=_locale(language))


# The dates a person may type for a run: beyond them, a deadline or an interest period
# overflows the calendar (31/12/9999 + 8 days) or the date is a typing error.
TYPED_DAYS = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))


class DayOutOfRange(ValueError):
    """A typed date in the right format, but outside TYPED_DAYS or the calendar (French
    message: « le 31/02/2026 n'existe pas »)."""


@lru_cache(maxsize=8192)
def typed_day(text: str) -> dt.date:
    """A date as an office types it, JJ/MM/AAAA, or AAAA-MM-JJ, from 1990 to 2100;
    ValueError otherwise (DayOutOfRange when it reads but is out of that range)."""
    text = text.strip()
    try:
        if "/" in text:
            day = dt.datetime.strptime(text, "%d/%m/%Y").date()
        else:
            day = dt.date.fromisoformat(text)
    except ValueError:
        # The format is right but the day is not: « 31/02/2026 », « 2026-04-31 ».
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", text):
            raise DayOutOfRange(f"le {text} n'existe pas au calendrier") from None
        raise
    low, high = TYPED_DAYS
    if not low <= day <= high:
        raise DayOutOfRange(
            f"la date {day:%d/%m/%Y} est hors de la période acceptée ({low:%d/%m/%Y} au "
            f"{high:%d/%m/%Y})"
        )
    return day


# English months by hand: strftime's %b follows the machine's locale (« avr. » on a French
# Windows), and 01/04/2026 reads 4 January to an American (review-lawimg M1).
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_short(day: dt.date, language: str = "fr") -> str:
    """2026-11-22 -> '22/11/2026'; in English '22 Nov 2026', which no country reads otherwise."""
    if language == "en":
        # No-break spaces: a narrow table cell never breaks « 3 Nov / 2026 ».
        return f"{day.day}\u00a0{_EN_MONTHS[day.month - 1]}\u00a0{day.year}"
    return day.strftime("%d/%m/%Y")


def amount_in_words(amount: float, currency: str = "EUR", language: str = "fr") -> str:
    """1234.56 -> 'mille deux cent trente-quatre euros et cinquante-six centimes'.

    Cached: a letter writes the same amount in words for its part and its total, and its
    check writes it again (num2words costs ~0.15 ms a call)."""
    return _in_words(round(float(amount), 2), currency, language)


@lru_cache(maxsize=4096)
def _in_words(amount: float, currency: str, language: str) -> str:
    lang = "fr" if language == "fr" else "en"
    cents_total = round(abs(amount) * 100)
    units, cents = divmod(cents_total, 100)
    if currency != "EUR":
        return f"{num2words(cents_total / 100, lang=lang)} {currency}"
    # French « zéro euro, un euro »; English « zero euros, one euro ».
    unit_word = "euro" if units == 1 or (units == 0 and lang == "fr") else "euros"
    number = _cardinal(units, lang)
    if lang == "fr" and number.endswith(_BY_DE):
        unit_word = "d'euros"  # « un million d'euros », but « un million deux cents euros »
    # « one thousand two hundred euros »: no comma after the thousands (num2words puts one).
    words = f"{number if lang == 'fr' else number.replace(',', '')} {unit_word}"
    if cents:
        cent_word = (
            ("centime" if cents == 1 else "centimes")
            if lang == "fr"
            else ("cent" if cents == 1 else "cents")
        )
        joint = "et" if lang == "fr" else "and"
        words += f" {joint} {_cardinal(cents, lang)} {cent_word}"
    return words


# The French nouns a number may end with: the currency follows with « de » (« d'euros »).
_BY_DE = ("million", "millions", "milliard", "milliards")


@lru_cache(maxsize=65536)
def _cardinal(number: int, lang: str) -> str:
    # Whole euros repeat far more than amounts do (a ledger's invoices fall on a few thousand
    # whole values, its cents on a hundred): each is spelled once.
    if lang == "fr" and 1000 <= number < 1_000_000:
        return _french_thousands(number)
    return _num2words(number, lang)


@lru_cache(maxsize=2048)
def _num2words(number: int, lang: str) -> str:
    return str(num2words(number, lang=lang))


def _french_thousands(number: int) -> str:
    """1000 <= number < 1 000 000 in French words, exactly as num2words spells it, from its
    words for the thousands and the rest (below 1000 each): a 200 000-invoice run spells
    some 17 000 distinct whole amounts, and num2words costs ~0.14 ms a call. Checked against
    num2words for every value of the range (tests/test_amount_words.py samples it)."""
    thousands, rest = divmod(number, 1000)
    if thousands == 1:
        head = "mille"
    else:
        head = _num2words(thousands, "fr")
        # « deux cents », « quatre-vingts » lose their s before « mille » (num2words' merge).
        if head[-1] == "s" and thousands % 100 in (0, 80):
            head = head[:-1]
        head += " mille"
    return head if rest == 0 else f"{head} {_num2words(rest, 'fr')}"


__all__ = [
    "TYPED_DAYS",
    "DayOutOfRange",
    "amount_in_words",
    "date_long",
    "date_short",
    "money",
    "number",
    "percent",
    "typed_day",
]
