"""The kind of each document a « Type », « Nature », « Tipo », « Catégorie », « Sens » column
gives: a credit note (« Avoir », « Credit note », « Nota de crédito », « Gutschrift », « AV »,
« NC », « Crédit », « Remboursement »), else unchanged; an « Avoir » oui/non column; and
credit-note numbers (« AV-… », « NC-… » among « F-… », « CRN… »)."""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
import pandas as pd

from ..errors import LedgerError
from .advances import kind_advances
from .columns import normalise
from .flagged import flag_word
from .grid import Grid
from .statuses import strong_word_negated

# Folded values (case, accents, punctuation) that name a credit note, as a whole word:
# « AV », « Avoir », « 3 - Nota de Crédito A » (AFIP), « Nota di credito », « Gutschrift ».
# « Facture », « Invoice », « FA » and any other value leave the row as it is.
_CREDIT = re.compile(
    r"\b(?:avoirs?|av|credit\s+notes?|credit\s+memos?|not[aei]s?\s+d[ei]\s+credit[oi]?|"
    r"gutschrift(?:en)?)\b"
)
# Codes that name a credit note only as the whole value: « NC », « AC » (avoir client),
# « Crédit », « Remboursement », « Refund » (« Carte de crédit » is not one).
_CODE = re.compile(r"^(?:nc|ac|credits?|remboursements?|refunds?)$")
# Under « Sens », « C » is a credit (« D », « Débit »: an invoice).
_SENSE = re.compile(r"^(?:c|cr)$")
# A credit note's number: « CRN12 » always; « AV-2026-001 », « AVO12 », « CN-7 », « NC-0042 »
# only beside invoices numbered « F-… », « FA… » (a ledger numbered AV… alone is left as is).
_REGISTER = re.compile(r"^crn[\s\-_/.]*\d", re.I)
_CREDIT_NUMBER = re.compile(r"^(?:avo?|cn|nc)[\s\-_/.]*\d", re.I)
# A register has a few rows at least: a ledger of one or two credit notes is read (none is
# chased), a whole table of them is refused.
_REGISTER_ROWS = 3
_INVOICE_NUMBER = re.compile(r"^(?:f|fa|fac|fact|inv)[\s\-_/.]*\d", re.I)
# A payment received, not yet applied to an invoice (« Acompte », « Règlement », « Escompte »
# in an aged balance): money in the client's favour, never chased, never an « avoir ».
# « Facture d'acompte » is an invoice. Zoho's and Xero's « Customer Payment », « Unapplied
# payment », « Overpayment » too, signed or not (review-pubwb8 H7). The English words only as
# the whole type: « Payment plan », « Payment on delivery » are invoices; nor a French word
# followed by a schedule (« Paiement en 3 fois », « à 30 jours ») (review-pubre H7). « Avance
# client », « Receipt », « Unapplied cash », « Chèque reçu » are money received (review-pubre H6).
_PAYMENT = re.compile(
    r"^(?:acomptes?|reglements?|rglt|paiements?|encaissements?|versements?|escomptes?|"
    r"trop percus?)\b(?!.*\b(?:plan|terms|due|delivery|livraison|fois|jours?|echeanc\w*|"
    r"prevu\w*|a recevoir|attendu\w*|mensuel\w*|differe\w*)\b)|"
    r"^(?:(?:customer |unapplied |client )?payments?|overpayments?|prepayments?|"
    r"(?:customer |cash |client )?receipts?|unapplied cash(?: payments?)?|"
    r"customer (?:deposits?|advances?)|avances? (?:clients?|recues?)|"
    r"avances? et acomptes recus|(?:virements?|cheques?|especes) recus?|recus?)"
    r"(?: (?:received|recus?|recues?))?$"
)
_INVOICE_WORD = re.compile(r"\b(?:facture|factures|invoice|fac|fact)\b")


def is_credit_kind(value: Any, sense: bool = False, journal: bool = False) -> bool:
    """Whether a document-type cell names a credit note (sense: under a « Sens » header;
    journal: under a « Journal » one, where « AC » is the purchases journal, « Achats »)."""
    if not isinstance(value, str):
        return False
    word = normalise(value)
    if strong_word_negated(value):  # « Sans avoir », « Avoir refusé »
        return False
    code = bool(_CODE.match(word)) and not (journal and word == "ac")
    return bool(_CREDIT.search(word) or code or (sense and _SENSE.match(word)))


def is_payment_kind(value: Any) -> bool:
    """Whether a document-type cell names a payment received (« Acompte », « Règlement »)."""
    if not isinstance(value, str):
        return False
    word = normalise(value)
    return bool(_PAYMENT.match(word)) and not _INVOICE_WORD.search(word)


def kind_payments(grid: Grid) -> np.ndarray:
    """Rows whose document-type column names a payment received, not an invoice."""
    if "doc_type" not in grid.positions or normalise(grid.header("doc_type")).startswith("sens"):
        return np.zeros(len(grid), dtype=bool)
    return grid.raw("doc_type").mask(is_payment_kind) & ~kind_advances(grid)


def kind_credits(grid: Grid) -> np.ndarray:
    """Rows whose document-type column names a credit note, whose « Avoir » oui/non column
    says yes, or whose number is a credit note's."""
    found = np.zeros(len(grid), dtype=bool)
    if "doc_type" in grid.positions:
        words = normalise(grid.header("doc_type")).split()
        sense, journal = words[:1] == ["sens"], "journal" in words  # « Sens (D/C) »
        found |= grid.raw("doc_type").mask(lambda v: is_credit_kind(v, sense, journal))
        found |= kind_payments(grid)  # in the client's favour, as a credit note is
    if "credit_flag" in grid.positions:
        found |= grid.raw("credit_flag").mask(lambda v: flag_word(v) is True)
    if "invoice" in grid.positions:
        numbered = _numbered_credits(grid)
        if "doc_type" in grid.positions:
            # An explicit type (« Facture », « Invoice ») wins over an « AV-… » number.
            numbered &= grid.raw("doc_type").mask(_blank)
        found |= numbered
    return found


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _numbered_credits(grid: Grid) -> np.ndarray:
    """Rows numbered as credit notes: CRN…, or AV-/NC-… when other rows are numbered F-…."""
    raw = grid.raw("invoice")
    texts = _Texts(raw.values)
    found = texts.starting(_REGISTER)
    if any(_numbered(v, _INVOICE_NUMBER) for v in raw.values):
        found |= texts.starting(_CREDIT_NUMBER)
    return found[raw.codes]


class _Texts:
    """A column's distinct values, its texts searched at once as one text (a million
    invoice numbers: a Python call and a match per number cost 0.4 s of CPU)."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values
        cells = values.tolist()
        # Each text after a NUL (no cell holds one: else each is matched alone, as before).
        head = cells[: len(cells) - (cells[-1:] == [None])]  # but the missing cell's slot
        try:  # the usual column: every value a text
            self.joined, self.at, texts = _NUL + _NUL.join(head), np.arange(len(head)), head
        except TypeError:  # numbers or dates among them
            self.at = np.flatnonzero(np.fromiter(map(_is_text, cells), bool, len(cells)))
            texts = [cells[i] for i in self.at.tolist()]
            self.joined = _NUL + _NUL.join(texts)
        self.whole = self.joined.count(_NUL) == max(len(texts), 1)
        lengths = np.fromiter(map(len, texts), np.int64, len(texts))
        self.starts = np.cumsum(lengths + 1) - (lengths + 1)  # where each one's NUL is

    def starting(self, pattern: re.Pattern[str]) -> np.ndarray:
        """Per value: a text whose start, spaces stripped, matches the ^-anchored pattern."""
        if not self.whole:
            return np.array([_numbered(v, pattern) for v in self.values.tolist()], dtype=bool)
        search = _at_starts(pattern)
        found = np.fromiter((m.start() for m in search.finditer(self.joined)), np.int64)
        out = np.zeros(len(self.values), dtype=bool)
        out[self.at[np.searchsorted(self.starts, found)]] = True
        return out


_NUL = "\0"


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


@functools.lru_cache(maxsize=8)
def _at_starts(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern matched after a NUL and spaces: as `pattern.match(text.strip())` is (\\s
    and str.strip() agree on what a space is; no match runs past a NUL, which none allows)."""
    return re.compile(_NUL + r"\s*(?:" + pattern.pattern.removeprefix("^") + ")", pattern.flags)


def _numbered(value: Any, pattern: re.Pattern[str]) -> bool:
    return isinstance(value, str) and bool(pattern.match(value.strip()))


def refuse_credit_register(name: str, where: str, frame: pd.DataFrame) -> None:
    """A table of credit notes only (every row a credit note: « CRN1 », « Avoir »…) is
    refused, as a purchases ledger is: it says what the firm owes, never what to chase."""
    if len(frame) < _REGISTER_ROWS or not frame["is_credit"].all():
        return
    numbers = frame["invoice"].tolist()
    said = (
        "numérotés CRN…"
        if all(_numbered(n, _REGISTER) for n in numbers)
        else f"les {len(frame)} ligne(s) sont des avoirs"
    )
    raise LedgerError(
        f"{name} ne contient que des avoirs ({where}, {said}) : un registre d'avoirs dit ce "
        "que vous devez à vos clients, et relance-xlsx ne relance jamais un avoir ; indiquez "
        "le classeur de vos factures de vente, où les avoirs se déduisent des factures."
    )


__all__ = [
    "is_credit_kind",
    "is_payment_kind",
    "kind_credits",
    "kind_payments",
    "refuse_credit_register",
]
