"""A lettering column (« Lettrage », « Code lettrage », « Let. »): a code (« AA », « AB12 »)
says the invoice is matched to its payment in the accounts, so paid; « Non lettrée » or an
empty cell leave it open; a partial lettering holds it.

French accounting packages commonly write a total lettering in capitals and a partial one in
small letters (« AA » / « aa »; Cegid and Quadra do, to our knowledge: no source at hand
confirmed it), and some exports mark a partial code with « * ». So a code in small letters
only (« a12 ») or with a « * » is read as partial and held, never as paid.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .columns import normalise
from .pending import PARTLY_LETTERED
from .statuses import HOLD, PAID

UNKNOWN_LETTERING = (
    "lettrage non reconnu : la facture n'est pas tenue pour réglée, elle est relancée si elle "
    "est échue"
)
# What `check` says of the codes read (French).
SAID_LETTERING = {
    PAID: "lettrée (rapprochée de son règlement) : réglée, non relancée",
    HOLD: "lettrage partiel : reste dû inconnu, en attente, pas de relance",
}
NOT_LETTERING = (
    "ne ressemble pas à des codes de lettrage (sigles ou codes sans suite AA, AB…) : colonne "
    "non lue, aucune facture n'en est tenue pour réglée ; renommez-la si ce n'est pas un lettrage"
)
_CODE = re.compile(r"^\*?\s*([A-Za-z]{1,4}\d{0,6})\s*\*?$")
_NO = re.compile(
    r"^(non|no|n|nl|na|n a|pas|0|faux|false|aucun\w*|none|vide|empty|null|a lettrer|not matched|"
    r"unmatched|open|ouvert\w*)\b|^(non|pas|not) (encore )?lettr\w*"
)
_PARTIAL = re.compile(r"\bpartiel\w*|\bpartial\w*|\bpart\b")
# Abbreviations an office types for « not paid », « rejected », « disputed », « waiting »,
# « to do »: short capitals like a code, never a lettering (review-attack-5 §5).
NOT_CODES = frozenset(
    {"IMP", "IMPAYE", "NOK", "KO", "NP", "NR", "NRG", "REJ", "RJ", "REJET", "LIT", "LITIGE",
     "ATT", "ATTENTE", "TODO", "TBD", "DEL", "SUP", "SUPP", "HS", "ERR", "ERREUR",
     "RELANCE", "REL", "NON", "NA", "NC", "ND", "NV", "INC", "DOUTE", "PB"}
)  # fmt: skip
_YES = re.compile(r"^(oui|o|yes|y|x|ok|1|total\w*|lettre\w*|lettrage (total|ok|fait)|matched)$")


def lettering_meaning(value: Any) -> str | None:
    """PAID for a lettering code, HOLD for a partial one, None for none or a value not known."""
    if value is None or value is False:
        return None
    if value is True or isinstance(value, dt.date | dt.time):
        return PAID
    if isinstance(value, int | float):
        return PAID if value in (1, -1) else None
    text = str(value).strip()
    word = normalise(text)
    if not word or _NO.search(word):
        return None
    if _PARTIAL.search(word):
        return HOLD
    if _YES.match(word):
        return PAID
    code = _CODE.match(text)
    if code is None or code.group(1).upper() in NOT_CODES:
        return None
    partial = "*" in text or code.group(1).lower() == code.group(1)
    return HOLD if partial else PAID


def not_lettering(values: list[Any]) -> bool:
    """Whether a column's letter codes do not look like lettering: two or more distinct codes
    (« JD », « MB »; « IDF », « PACA »), none the start of a sequence (A, AA, AAA) and most
    with no neighbour (AB beside AA): initials or region codes, not matched payments."""
    codes = {
        text.upper()
        for text in (str(v).strip().strip("*").strip() for v in values if isinstance(v, str))
        if text.isalpha()
        and len(text) <= 4
        and lettering_meaning(text) is not None
        and not _YES.match(normalise(text))
        and not _NO.search(normalise(text))
    }
    if len(codes) < 2 or codes & {"A", "AA", "AAA", "AAAA"}:
        return False
    ranks = {_rank(code) for code in codes}
    neighbours = sum(1 for r in ranks if r - 1 in ranks or r + 1 in ranks)
    return 2 * neighbours < len(ranks)


def column_meanings(values: list[Any]) -> list[str | None]:
    """lettering_meaning of each value of a column, where an abbreviation of NOT_CODES (NP,
    NR) in sequence with the column's other codes (NQ, NS) is a code all the same
    (review-nextcase2 M6)."""
    meanings = [lettering_meaning(v) for v in values]
    texts = [str(v).strip() if isinstance(v, str) else "" for v in values]
    codes = {t.upper() for t, m in zip(texts, meanings, strict=True) if m and t.isalpha()}
    ranks = {_rank(c) for c in codes if len(c) <= 4}
    for i, text in enumerate(texts):
        word = text.strip("*").strip()
        if meanings[i] is None and word.isalpha() and word.upper() in NOT_CODES:
            rank = _rank(word.upper()) if len(word) <= 4 else -9
            if rank - 1 in ranks or rank + 1 in ranks:
                meanings[i] = HOLD if "*" in text or word.islower() else PAID
    return meanings


def _rank(code: str) -> int:
    """A code's place in the sequence A … Z, AA … ZZ, AAA …"""
    return sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(code)))


def lettering_word(value: Any) -> bool | None:
    """Whether a lettering cell says something: True, False (none), None (not known)."""
    if lettering_meaning(value) is not None:
        return True
    if value is None or value is False or value == 0:
        return False
    word = normalise(value)
    return False if not word or _NO.search(word) else None


def lettering_warning(value: Any) -> str | None:
    """The row's warning for a partial lettering, else None."""
    return PARTLY_LETTERED if lettering_meaning(value) == HOLD else None


__all__ = [
    "NOT_LETTERING",
    "SAID_LETTERING",
    "UNKNOWN_LETTERING",
    "column_meanings",
    "lettering_meaning",
    "lettering_warning",
    "lettering_word",
    "not_lettering",
]
