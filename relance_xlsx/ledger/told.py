"""A part payment written out in the status with its amount: « Réglée partiellement - reste
200 € » (what is left), « Acompte reçu 300 € », « Payé 300 € » (what was paid so far).

Read only when the ledger has no paid amount nor balance column, and when the text holds one
amount only, within the invoice's: otherwise the status keeps its own reading (a part paid
with no amount is held, « reste dû inconnu »).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import numpy as np

from .grid import Grid
from .statuses import payment_bounced

TOLD_FIELDS = ("status", "payment_status", "platform_status")
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_NUMBER = r"(?<![\w/.,-])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?![\d%/.,]|\s*%)"
_CURRENCY = r"\s*(?:€|eur\b|euros?\b)"
# A figure after what it says: « reste (à payer) 200 », « reçu 300 », « payée partiellement 300 ».
_SAID = re.compile(
    r"\b(?P<word>reste\w*|restant|recu|paye\w*|regle\w*|verse\w*|encaisse\w*|acompte)"
    r"(?:\W+(?:a payer|a regler|du|de|d un|le|partiellement|partiel|montant|pour|soit))*\W*"
    + _NUMBER
)
_PRICED = re.compile(_NUMBER + _CURRENCY)


def told(value: Any) -> tuple[str, float] | None:
    """What a status text says was paid ("paid", x) or is left ("balance", x), when it holds
    exactly one amount said by its word; None otherwise."""
    if not isinstance(value, str) or not any(c.isdigit() for c in value) or payment_bounced(value):
        return None
    return _told(value)


@functools.lru_cache(maxsize=4096)
def _told(value: str) -> tuple[str, float] | None:
    text = unicodedata.normalize("NFKD", value.lower().replace("\u00a0", " "))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u202f", " ")
    text = _DATE.sub(" ", text.replace("'", " ").replace("\u2019", " "))
    said = [(m.group("word"), _figure(m.group(2), m.group(3))) for m in _SAID.finditer(text)]
    figures = {_figure(m.group(1), m.group(2)) for m in _PRICED.finditer(text)}
    figures |= {x for _, x in said}
    if len(figures) != 1 or len(said) != 1:
        return None  # no amount, or several: what was paid is not known
    word, amount = said[0]
    return ("balance" if word.startswith("rest") else "paid"), amount


def _figure(whole: str, cents: str | None) -> float:
    return round(float(re.sub(r"[ .]", "", whole) + "." + (cents or "0")), 2)


def told_paid(grid: Grid, amount: np.ndarray, is_credit: np.ndarray) -> np.ndarray:
    """Per row, the amount paid its status writes out (NaN where none can be read): within
    the invoice's amount, on an invoice (never a credit note), with no paid nor balance
    column."""
    paid = np.full(len(grid), np.nan)
    if "paid" in grid.positions or "balance" in grid.positions:
        return paid
    for field in TOLD_FIELDS:
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        read = [told(v) for v in raw.values]
        if not any(read):
            continue
        figure = np.array([r[1] if r else np.nan for r in read])[raw.codes]
        left = np.array([r is not None and r[0] == "balance" for r in read])[raw.codes]
        value = np.where(left, np.round(amount - figure, 2), figure)
        fits = (figure <= amount + 0.005) & (amount > 0) & ~is_credit & np.isnan(paid)
        fits &= (value >= 0) & (left | (figure > 0))
        paid = np.where(fits, value, paid)
    return paid


__all__ = ["TOLD_FIELDS", "told", "told_paid"]
