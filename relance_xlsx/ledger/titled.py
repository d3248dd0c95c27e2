"""The currency and unit a title says above the header: « Grand livre clients – montants en
FCFA », « Devise : CHF », « (montants en euros) », « Tous les montants sont en milliers
d'euros ».

Only a currency said as one (after « en », « in », « devise », « monnaie », « currency », in
brackets, or alone in its cell) is read, never a word of a name or a sentence: « DA Conseil »
names no dinars. A title in thousands (« en milliers d'euros », « en k€ ») is refused as a
header in thousands is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from babel.numbers import list_currencies

from ..errors import LedgerError
from .columns import normalise
from .currency import CODES, header_currency
from .formatted import format_currencies, percent_cells
from .marks import EURO, LOCAL, currency_mark, sign_currency

# « en FCFA », « montants en dollars US », « in USD », « Devise : CHF »: the words that
# follow, up to a bracket or punctuation; or a bracket's words: « (DH) », « ($ CA) ».
_AFTER = re.compile(
    r"\b(?:en|in|(?:devise|monnaie)(?:\s+de\s+\w+)?|currency|(?:montants?|amounts?)(?=\s*:))\b"
    r"\s*:?\s*([^()\[\],;:.–—-]{1,30})",
    re.I,
)
# A currency said not to be the amounts' (« aucune facture en dollars », « pas en dirhams »).
_DENIED = re.compile(r"\b(?:aucune?|pas|jamais|non|sans|ni|hors|no|not|never|without)\b", re.I)
# A title's last part after a dash: « Grand livre clients – XOF ».
_TAIL = re.compile(r"\s[–—-]\s*([^–—-]{1,12})$")
_BRACKET = re.compile(r"\(([^()]{1,30})\)")
# ISO codes, written in capitals; never one that is also a word (« ALL », « TOP »).
_ISO = frozenset(list_currencies()) - {
    "ALL",
    "TOP",
    "CUP",
    "MOP",
    "BAM",
    "GEL",
    "TRY",
    "SOS",
    "XXX",
}
_AMBIGUOUS = frozenset({"e", "us", "rs", "ar", "um", "fc", "fg", "da", "dt", "dh"})
# Amounts in thousands or millions: « en milliers d'euros », « (en k€) », « KEUR », « M€ ».
_SCALE = re.compile(
    r"\b(?:en|in)\s+(?:milliers|millions|thousands|millions|mille)\b|(?<![\w])(?<!\d\s)[kKmM]\s?€"
    r"|\b[kKmM](?:EUR|eur|USD|usd|CHF|chf)\b|\(\s*(?:en\s+|in\s+)?(?:milliers|thousands|'?000)\b",
)
_HOW_MANY = 3  # the words of a currency's name: « francs CFA », « dollars US »


def title_currency(rows: Sequence[Sequence[Any]], sheet: str) -> str | None:
    """The currency the rows above the header (and the sheet's name) say their amounts are in:
    a foreign one wins over the euro; None when they say none. Refuses amounts in thousands."""
    texts = [str(v).strip() for row in rows for v in row if isinstance(v, str) and v.strip()]
    found: list[str] = []
    for at, text in enumerate([*texts, sheet]):
        if _SCALE.search(text):
            what = "La feuille" if at == len(texts) else "Le titre"
            raise LedgerError(
                f"{what} « {text} » compte les montants en milliers (ou en millions) : "
                "relance-xlsx ne les lit pas tels quels et ne les multiplie jamais ; saisissez "
                "les montants en euros, à l'unité ; aucune lettre n'est préparée."
            )
        found += _said(text)
    foreign = [c for c in found if c != EURO]
    return foreign[0] if foreign else (EURO if found else None)


def _said(text: str) -> list[str]:
    """The currencies one title text says."""
    found = [_currency(text, alone=True)] if len(text) <= 12 else []
    for match in _AFTER.finditer(text):
        # « … aucune facture en dollars »: the words just before deny that currency.
        before = text[max(0, match.start() - 25) : match.start()].split()[-3:]
        if not _DENIED.search(" ".join(before)):
            found.append(_first_words(match.group(1)))
    found += [_first_words(m) for m in _BRACKET.findall(text)]
    tail = _TAIL.search(text)
    if tail:
        found.append(_currency(tail.group(1), alone=True))
    return [c for c in found if c]


def _first_words(said: str) -> str | None:
    """The currency named by the first words of what is said (« dollars US et taxes »)."""
    words = said.split()
    for n in range(min(_HOW_MANY, len(words)), 0, -1):
        currency = _currency(" ".join(words[:n]), alone=False)
        if currency:
            return currency
    return None


def _currency(text: str, alone: bool) -> str | None:
    """The currency of a short text: an ISO code, a local word, a sign or currency words
    (alone in its cell: never a short word like « DA », which may be initials, nor a word
    of the language like « Livres » or « Francs »)."""
    text = text.strip()
    folded = normalise(text)
    if text.isupper() and text in _ISO:
        return text
    if (alone and folded in _AMBIGUOUS) or folded in ("e", "us", "rs"):
        return None
    if text[:1] == "$" or text[-1:] == "$":
        return header_currency(text)
    if alone:
        return LOCAL.get(folded) or sign_currency(text)
    return LOCAL.get(folded) or CODES.get(folded) or currency_mark(text)


def currencies_said(
    path: Path, sheet: str, positions: dict[str, int], above: Sequence[Sequence[Any]]
) -> tuple[dict[int, str], str | None, dict[str, frozenset[int]]]:
    """The currencies the amount cells' formats show, the one the rows above the header (or
    the sheet's name) say, and the deduction cells formatted as percentages."""
    shown = format_currencies(path, sheet, positions.get("amount"))
    return shown, title_currency(above, sheet), percent_cells(path, sheet, positions)


# The VAT exemption of a small business (franchise en base): no VAT is owed, HT is the total.
_FRANCHISE = re.compile(
    r"tva\W+non\W+applicable|non\W+assujetti\w*\W+(a|à)\W+la\W+tva|293\W*b\b|"
    r"franchise\W+en\W+base",
    re.IGNORECASE,
)


def vat_free(
    positions: dict[str, int], headers: Sequence[str], sheet: Sequence[Sequence[Any]]
) -> tuple[dict[str, int], list[str]]:
    """An HT-only ledger whose sheet says « TVA non applicable, art. 293 B du CGI » (a cell, a
    footer, its title): no VAT is owed, its HT is what is due, read as the amount and said
    (review-nextcase H6); else the positions as they are (checks.refuse_net_only refuses)."""
    amount, net = positions.get("amount"), positions.get("amount_ht")
    if amount is None or amount != net or {"add_vat", "vat"} & set(positions):
        return positions, []
    cells = (c for row in sheet for c in row if isinstance(c, str))
    if not any(_FRANCHISE.search(c) for c in cells):
        return positions, []
    return {k: v for k, v in positions.items() if k != "amount_ht"}, [
        f"Montant dû : « {headers[amount]} » : le classeur dit « TVA non applicable » "
        "(franchise en base, article 293 B du CGI) ; sans TVA, le hors taxes est ce qui est dû."
    ]


__all__ = ["currencies_said", "title_currency", "vat_free"]
