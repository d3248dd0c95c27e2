"""French (and English) formatting of money, rates and dates through Babel; no setlocale."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from num2words import num2words

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(language: str) -> str:
    return _LOCALES.get(language, "fr_FR")


def money(amount: float, currency: str = "EUR", language: str = "fr") -> str:
    """1234.5 -> '1 234,50 €' (narrow no-break space as Babel writes it)."""
    return format_currency(amount, currency, locale=_locale(language))


def number(value: float, language: str = "fr", digits: int = 2) -> str:
    """12.15 -> '12,15'."""
    fmt = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=fmt, locale=_locale(language))


def percent(value: float, language: str = "fr") -> str:
    """12.15 -> '12,15 %'."""
    sep = "\u00a0" if language == "fr" else ""
    return f"{number(value, language)}{sep}%"


@lru_cache(maxsize=4096)
def date_long(day: dt.date, language: str = "fr") -> str:
    """2026-11-22 -> '22 novembre 2026'."""
    return format_date(day, format="long", locale=_locale(language))


def date_short(day: dt.date, language: str = "fr") -> str:
    """2026-11-22 -> '22/11/2026'."""
    return day.strftime("%d/%m/%Y")


def amount_in_words(amount: float, currency: str = "EUR", language: str = "fr") -> str:
    """1234.56 -> 'mille deux cent trente-quatre euros et cinquante-six centimes'."""
    lang = "fr" if language == "fr" else "en"
    cents_total = round(abs(amount) * 100)
    units, cents = divmod(cents_total, 100)
    if currency != "EUR":
        return f"{num2words(cents_total / 100, lang=lang)} {currency}"
    unit_word = "euro" if units <= 1 else "euros"
    words = f"{num2words(units, lang=lang)} {unit_word}"
    if cents:
        cent_word = (
            ("centime" if cents == 1 else "centimes")
            if lang == "fr"
            else ("cent" if cents == 1 else "cents")
        )
        joint = "et" if lang == "fr" else "and"
        words += f" {joint} {num2words(cents, lang=lang)} {cent_word}"
    return words


__all__ = ["amount_in_words", "date_long", "date_short", "money", "number", "percent"]
