"""The currency an amount's number format shows: « [$$-409]#,##0.00 » shows dollars,
« #,##0.00 [$CHF] » francs, « "£"#,##0 » pounds, whatever the cell's number says.

Read from the styles (numFmts, cellXfs) and the `s` attribute of the amount column's cells;
the sheet is searched only when some style shows another currency than the euro. Excel's
built-in formats (ids 5 to 8, 37 to 44) follow the computer's locale and are not read.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.numbers import list_currencies

from ..ooxml import custom_formats, percent_styles, styled_rows
from .columns import normalise
from .marks import DOLLARS, EURO, LOCAL, currency_mark

# A quoted text, an escaped character, a [$symbol-locale] tag, any other bracket ([Red],
# [>=100]), a padding or fill character (_) *-), or a bare sign.
_PARTS = re.compile(
    r'"([^"]*)"|\\(.)|\[\$([^\]-]*)(?:-([0-9A-Fa-f]+))?\]|\[[^\]]*\]|[_*].|([$€£¥₹])'
)
_ISO = frozenset(list_currencies())
# A bare dollar sign after the number's digits (« #,##0.00 $ »), as French-speaking Canada writes.
_AFTER_NUMBER = re.compile(r"[0#?][^$\"\[]*\$")
# The dollar sign of a Spanish- or English-speaking locale is its own currency.
_LOCALE_DOLLARS = {
    0x2C0A: "ARS", 0x080A: "MXN", 0x340A: "CLP", 0x240A: "COP", 0x380A: "UYU",
    0x1009: "CAD", 0x0C0C: "CAD", 0x0C09: "AUD", 0x1409: "NZD", 0x4809: "SGD", 0x0C04: "HKD",
    0x0416: "BRL",
}  # fmt: skip


def format_currency(code: str) -> str | None:
    """The currency a number format code shows (another than the euro when it shows both),
    or None when it shows none."""
    found = []
    for quoted, escaped, symbol, locale, bare in _PARTS.findall(code):
        text = (quoted or escaped or symbol or bare).strip()
        if not text:
            continue
        currency = _text_currency(text)
        if currency == "USD" and text == "$" and locale:
            currency = _LOCALE_DOLLARS.get(int(locale, 16) & 0xFFFF, "USD")
        elif currency == "USD" and bare and _AFTER_NUMBER.search(code):
            currency = DOLLARS  # « #,##0.00 $ »: the Canadian way, but no country is given
        if currency:
            found.append(currency)
    foreign = [c for c in found if c != EURO]
    return foreign[0] if foreign else (EURO if found else None)


def _text_currency(text: str) -> str | None:
    """The currency of a format's text: an ISO code, a local word (« DH », « F CFA »), a sign
    (« CA$ ») or currency words (« francs CFA »)."""
    if text.upper() in _ISO:
        return text.upper()
    folded = normalise(text)
    if folded in ("fr cfa", "fr cfp"):
        return LOCAL[folded[3:]]
    return LOCAL.get(folded) or currency_mark(text)


def format_currencies(path: Path, sheet: str, column: int | None) -> dict[int, str]:
    """The rows whose amount cell (column, 0-based) is formatted in another currency than
    the euro: Excel row -> ISO code."""
    if column is None:
        return {}
    foreign = {}
    for style, code in custom_formats(path).items():
        currency = format_currency(code)
        if currency and currency != EURO:
            foreign[style] = currency
    if not foreign:
        return {}
    return {row: foreign[s] for row, s in styled_rows(path, sheet, column, foreign).items()}


def percent_cells(path: Path, sheet: str, positions: dict[str, int]) -> dict[str, frozenset[int]]:
    """The Excel rows whose deduction or retention cell is formatted as a percentage, by field:
    a rate, never euros."""
    fields = [f for f in ("deduction", "credit_applied", "retention") if f in positions]
    styles = percent_styles(path) if fields else frozenset()
    if not styles:
        return {}
    return {f: frozenset(styled_rows(path, sheet, positions[f], styles)) for f in fields}


__all__ = ["format_currencies", "format_currency", "percent_cells"]
