"""A part payment written out in the status with its amount: « Réglée partiellement - reste
200 € » (what is left), « Acompte reçu 300 € », « Payé 300 € » (what was paid so far).

Read when the ledger has no balance column, on the rows whose paid cell is empty (an empty
cell is no information), and when the text holds one amount only, within the invoice's:
otherwise the status keeps its own reading (a part paid with no amount is held, « reste dû
inconnu »). « Réglé 50% » is the share of the invoice paid. A status amount that disagrees
with the row's paid cell holds the row, both figures said.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import numpy as np

from .grid import Grid
from .paidtail import as_percent
from .pending import overpaid
from .statuses import payment_bounced

TOLD_FIELDS = ("status", "payment_status", "platform_status")
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_NUMBER = r"(?<![\w/.,-])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?![\d%/.,]|\s*%)"
_CURRENCY = r"\s*(?:€|eur\b|euros?\b)"
# A figure after what it says: « reste (à payer) 200 », « reçu 300 », « payée partiellement 300 ».
_SAID = re.compile(
    r"\b(?P<word>reste\w*|restant|recu|paye\w*|regle\w*|verse\w*|encaisse\w*|acompte|avoir)"
    r"(?:\W+(?:a payer|a regler|du|de|d un|le|partiellement|partiel|montant|pour|soit|emis))*"
    r"\W*" + _NUMBER
)
_PRICED = re.compile(_NUMBER + _CURRENCY)
# A paid word negated just before it: « non payé 300 € », « pas encore réglé ».
_NEGATION = re.compile(r"\b(non|pas|not|never|jamais)\W+(\w+\W+)?$")
# « payé 300 € / 1 000 € », « réglé 300 sur 1000 € »: what was paid out of the whole.
_OUT_OF = re.compile(
    r"\b(?:paye\w*|regle\w*|verse\w*|encaisse\w*)\W+"
    + _NUMBER.replace("(?![\\d%/.,]", "(?![\\d%.,]")
    + r"(?:\s*(?:€|eur\b|euros?\b))?\s*(?:/|sur)\s*\d"
)
# « Réglé 50% », « payée à 30 % »: the share of the invoice paid.
_SHARE = re.compile(
    r"\b(?:paye\w*|regle\w*|verse\w*|encaisse\w*|acompte)\W+(?:a\W+|de\W+)?"
    r"(\d{1,3})(?:[,.](\d{1,2}))?\s*(?:%|pour\s*cent)"
)


def told(value: Any) -> tuple[str, float] | None:
    """What a status text says was paid ("paid", x), is left ("balance", x) or the share paid
    in percent ("share", x), when it holds exactly one amount said by its word; None
    otherwise."""
    if not isinstance(value, str) or payment_bounced(value) or overpaid(value):
        return None  # « Payé 300 € en trop »: no payment of 300 € on this invoice
    if not any(c.isdigit() for c in as_percent(value)):
        return None
    return _told(value)


@functools.lru_cache(maxsize=4096)
def _told(value: str) -> tuple[str, float] | None:
    text = unicodedata.normalize("NFKD", as_percent(value).replace("\u00a0", " "))
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u202f", " ")
    text = _DATE.sub(" ", text.replace("'", " ").replace("\u2019", " "))
    shares = _SHARE.findall(text)
    if len(shares) == 1 and not _PRICED.search(text) and not _SAID.search(text):
        share = _figure(*shares[0])
        return ("share", share) if 0 < share <= 100 else None
    said = [
        (m.group("word"), _figure(m.group(2), m.group(3)))
        for m in _SAID.finditer(text)
        if not _NEGATION.search(text[: m.start()])  # « Non payé 300 € » (review-attack-6 §13)
    ]
    figures = {_figure(m.group(1), m.group(2)) for m in _PRICED.finditer(text)}
    figures |= {x for _, x in said}
    left = [x for word, x in said if word.startswith("rest")]
    if len(left) == 1 and len(said) == 2:  # « payé 300 € - reste 700 € »: what is left
        return "balance", left[0]
    if len(said) == 1 and len(figures) == 2 and (whole := _OUT_OF.search(text)):
        return "paid", _figure(whole.group(1), whole.group(2))  # « Payé 300 € / 1000 € »
    if len(figures) != 1 or len(said) != 1:
        return None  # no amount, or several: what was paid is not known
    word, amount = said[0]
    return ("balance" if word.startswith("rest") else "paid"), amount


def _figure(whole: str, cents: str | None) -> float:
    return round(float(re.sub(r"[ .]", "", whole) + "." + (cents or "0")), 2)


def told_paid(grid: Grid, amount: np.ndarray, is_credit: np.ndarray) -> np.ndarray:
    """Per row, the amount paid its status writes out (NaN where none can be read): within
    the invoice's amount, on an invoice (never a credit note), with no balance column."""
    paid = np.full(len(grid), np.nan)
    if "balance" in grid.positions:
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
        share = np.array([r is not None and r[0] == "share" for r in read])[raw.codes]
        figure = np.where(share, np.round(amount * figure / 100, 2), figure)
        value = np.where(left, np.round(amount - figure, 2), figure)
        fits = (figure <= amount + 0.005) & (amount > 0) & ~is_credit & np.isnan(paid)
        fits &= (value >= 0) & (left | (figure > 0))
        paid = np.where(fits, value, paid)
    return paid


_DISAGREE = (
    "d'après le statut, {told} sont réglés ; la colonne du montant réglé dit {cell} : les deux "
    "ne concordent pas, la facture n'est pas relancée tant que l'un des deux n'est pas corrigé"
)


def told_against_cell(grid: Grid, told: np.ndarray, paid_cell: np.ndarray) -> np.ndarray:
    """The paid amount of each row: the paid cell, else what the status says; a row where the
    two disagree is a problem on its row (held), both figures said."""
    both = ~np.isnan(told) & ~np.isnan(paid_cell)
    apart = both & (np.abs(np.nan_to_num(told) - np.nan_to_num(paid_cell)) > 0.005)
    field = next((f for f in TOLD_FIELDS if f in grid.positions), None)
    for i in np.flatnonzero(apart).tolist():
        text = _DISAGREE.format(told=_euros(told[i]), cell=_euros(paid_cell[i]))
        grid.problem(i, field, grid.raw(field).at(i) if field else None, text)
    return np.where(np.isnan(paid_cell), told, paid_cell)


def _euros(value: float) -> str:
    whole, cents = f"{value:,.2f}".split(".")
    return whole.replace(",", "\u202f") + "," + cents + "\u00a0€"


__all__ = ["TOLD_FIELDS", "told", "told_against_cell", "told_paid"]
