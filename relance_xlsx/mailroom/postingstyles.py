"""The posting list's cell formats (XlsxWriter): a grid, amounts and dates as Excel writes
them in French."""

from __future__ import annotations

from typing import Any

from babel.numbers import get_currency_symbol

MONEY = "[$-40C]#,##0.00 [$€-40C]"
DATE = "dd/mm/yyyy"


def money_style(book: Any, styles: dict[str, Any], currency: str) -> Any:
    """The amount's format: euros as Excel writes them in French, another currency by its
    French symbol (« 1 234,50 $US »)."""
    code = currency.upper() if currency else "EUR"
    if code not in styles:
        symbol = get_currency_symbol(code, "fr").replace('"', "")
        styles[code] = book.add_format({**_GRID, "num_format": f'[$-40C]#,##0.00 "{symbol}"'})
    return styles[code]


_GRID = {"border": 1, "valign": "top", "text_wrap": True}


def sheet_styles(book: Any) -> dict[str, Any]:
    """The list's cell formats: a grid, French money and dates, the note in grey italics."""
    grid = _GRID
    styles = {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "head": book.add_format({**grid, "bold": True, "bg_color": "#DDE4EE"}),
        "cell": book.add_format(grid),
        "line": book.add_format({**grid, "align": "center"}),
        "money": book.add_format({**grid, "num_format": MONEY}),
        "date": book.add_format({**grid, "num_format": DATE, "align": "left"}),
        "number": book.add_format({**grid, "num_format": "@", "font_size": 12}),
        "note": book.add_format(
            {"italic": True, "font_color": "#555555", "text_wrap": True, "valign": "top"}
        ),
    }
    styles["EUR"] = styles["money"]
    return styles


__all__ = ["DATE", "MONEY", "money_style", "sheet_styles"]
