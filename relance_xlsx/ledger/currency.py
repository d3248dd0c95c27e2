"""The currency of each amount: typed in the cell (« £120.00 »), named by the header
(« Montant (DH) », « Amount (£) », « Total USD ») or by a currency column (« Devise », « ccy »).

relance-xlsx chases in euros only: the late-payment interest and the 40 € indemnity it adds
are French law's, in euros. An amount in another currency is never printed as euros: its row
is a problem, and a ledger whose amounts are all in another currency is refused in one
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import LedgerError
from .coded import Coded
from .columns import normalise
from .grid import Grid
from .marks import EURO, LOCAL, currency_mark, currency_said, sign_currency

# Words and signs of a header or a currency cell, and the ISO code they stand for.
CODES = {
    "eur": EURO, "euro": EURO, "euros": EURO, "e": EURO, "€": EURO,
    "£": "GBP", "₹": "INR", "¥": "JPY", "gbp": "GBP", "$": "USD", "usd": "USD", "us": "USD",
    "chf": "CHF",
    "cad": "CAD", "aud": "AUD", "rm": "MYR", "myr": "MYR", "inr": "INR", "rs": "INR",
    "mad": "MAD", "dh": "MAD", "dhs": "MAD", "xof": "XOF", "cfa": "XOF", "fcfa": "XOF",
    "tnd": "TND", "dt": "TND", "dzd": "DZD", "da": "DZD", "sgd": "SGD", "hkd": "HKD",
    "zar": "ZAR", "aed": "AED", "sar": "SAR", "jpy": "JPY", "cny": "CNY", "xpf": "XPF",
    "xaf": "XAF", "fcfp": "XPF", "cfp": "XPF", "nzd": "NZD",
}  # fmt: skip
_SIGNS = re.compile(r"[£$€₹¥]")
# A dollar and the letters stuck before it, or written after it: « CA$ », « NZ$ », « ($ CA) ».
_DOLLAR = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,3}\$|\$(?:\s?[A-Za-z]{2,3}\b)?")
_CODE = re.compile(r"^[A-Z]{3}$")


def header_currency(header: str) -> str | None:
    """The currency a header names its amounts in (« Montant (DH) »: MAD), or None."""
    sign = _SIGNS.search(header)
    if sign and sign.group(0) == "$":
        return sign_currency(_DOLLAR.search(header).group(0))  # type: ignore[union-attr]
    if sign:
        return CODES[sign.group(0)]
    # Only a word in brackets or at the end is a currency: « Montant (DH) », « Total USD »;
    # never a word of the meaning (« da » in « Date d'arrivée »).
    bracket = re.search(r"\(([^)]*)\)\s*$|\b(\w+)\s*$", header)
    if not bracket:
        return None
    if bracket.group(1) is not None:
        # Any word of the brackets: « (in thousands USD) », « (en milliers d'euros) »; a
        # foreign code wins over a euro word, so that nothing foreign is read as euros.
        found = [CODES[w] for w in normalise(bracket.group(1)).split() if w in CODES]
        return next((c for c in found if c != EURO), found[0] if found else None)
    word = normalise(bracket.group(2) or "")
    return CODES.get(word) if word not in ("e", "da", "dt", "us", "rs") else None


# Words of a header that count its amounts in thousands or millions: « (in thousands USD) »,
# « Amount in k€ », « (en milliers d'euros) », « (000 EUR) », « Montant (M€) ».
_SCALE = re.compile(
    r"\b(?:thousands?|milliers?|millions?|mille|k|m|mn|mio|keur|kusd|kgbp|meur|000)\b"
    r"(?:\s*(?:€|\$|£))?|(?<![\w'])'?000\b|\b[km]\s*(?:€|\$|£)",
    re.I,
)
_MONEY_FIELDS = ("amount", "amount_ht", "vat", "add_vat", "paid", "balance", "promise_amount")


def refuse_scaled(grid: Grid) -> None:
    """Refuse a money column whose header counts in thousands (or millions): its figures are
    never multiplied, nor printed as they stand."""
    for name in _MONEY_FIELDS:
        if name not in grid.positions:
            continue
        header = grid.header(name)
        words = re.sub(r"[()\[\]/,;:_-]", " ", header)
        if _SCALE.search(words) and re.search(r"\(|\bin\b|\ben\b|000|[€$£]", header):
            raise LedgerError(
                f"La colonne « {header} » compte ses montants en milliers (ou en millions) : "
                "relance-xlsx ne les lit pas tels quels et ne les multiplie jamais ; saisissez "
                "les montants en euros, à l'unité, dans une colonne dont l'en-tête ne parle pas "
                "de milliers, ou nommez la bonne colonne dans [columns] ; aucune lettre n'est "
                "préparée."
            )


def cell_currency(value: object) -> str | None:
    """The currency a currency column's cell names (« EUR », « € », « DH », « INR »)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _CODE.match(text.upper()) and text.upper() not in ("DHS", "RMS"):
        return text.upper() if normalise(text) not in CODES else CODES[normalise(text)]
    folded = normalise(text)
    return CODES.get(folded) or CODES.get(text) or LOCAL.get(folded) or currency_mark(text)


def currencies(
    grid: Grid, typed: Coded, shown: Mapping[int, str] | None = None, titled: str | None = None
) -> Coded:
    """Each row's currency: the cell's own, else its currency column's, else its header's
    or its title's (a foreign one first); a number whose format shows another currency than
    the euro is in that one (shown: by Excel row)."""
    column = grid.raw("currency").map(cell_currency) if "currency" in grid.positions else None
    header = header_currency(grid.header("amount")) if "amount" in grid.positions else None
    if titled is not None and (header is None or header == EURO):
        header = titled if titled != EURO or header is None else header
    if column is None and header is None and not shown:
        return typed
    values = typed.array()
    if column is not None:
        values = np.where(typed.present(), values, column.array())
    if header is not None:
        values = np.where(pd.isna(values), header, values)
    if shown:
        values = np.where(typed.present(), values, _by_row(grid.numbers, shown, values))
    return Coded.of(values)


def _by_row(numbers: np.ndarray, shown: Mapping[int, str], values: np.ndarray) -> np.ndarray:
    """The currency each row's format shows, else the value it had."""
    rows = np.fromiter(shown, dtype=np.int64, count=len(shown))
    order = np.argsort(rows)
    rows, codes = rows[order], np.array(list(shown.values()), dtype=object)[order]
    at = np.clip(np.searchsorted(rows, numbers), 0, len(rows) - 1)
    return np.where(rows[at] == numbers, codes[at], values)


def refuse_foreign(
    grid: Grid, currency: Coded, amount: np.ndarray, titled: str | None = None
) -> None:
    """A row whose amount is not in euros is a problem; a ledger of such rows is refused
    (titled: the currency the title above the header says, named as the reason)."""
    foreign = currency.mask(lambda c: c is not None and c != EURO) & ~np.isnan(amount)
    if not foreign.any():
        return
    codes = currency.array()
    found = sorted({str(c) for c in codes[foreign]})
    named = ", ".join(currency_said(c) for c in found)
    if titled in found:
        named += " d'après le titre de la feuille"
    if not (~foreign & ~np.isnan(amount)).any():
        raise LedgerError(
            f"Les montants de « {grid.header('amount')} » sont en {named}, pas en euros : "
            "relance-xlsx ne relance qu'en euros (les intérêts de retard et l'indemnité de "
            "40 € sont ceux du droit français) ; aucune lettre n'est préparée."
        )
    for i in np.flatnonzero(foreign).tolist():
        code = str(codes[i])
        grid.problem(
            i,
            "amount",
            grid.raw("amount").at(i),
            f"montant en {currency_said(code)}, pas en euros : "
            "non relancée (relance-xlsx ne relance qu'en euros)",
        )


__all__ = [
    "EURO",
    "cell_currency",
    "currencies",
    "header_currency",
    "refuse_foreign",
    "refuse_scaled",
]
