"""Canonical ledger fields and the French and English headers that name them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from .clientname import name_client
from .fec import fec_money
from .synonyms import ALIASES

# A table is an invoice table when it names an amount and one of these (a supplier's: a
# purchases table, which the choice sets aside).
IDENTIFYING_FIELDS = ("invoice", "client", "supplier")
MIN_FIELDS = 3
# Headers that are also values of a ledger's rows (« Relance 2 », « Mise en demeure »): they
# never make a data row a header row on their own.
_ROW_WORDS = frozenset({"stage_1", "stage_2", "stage_notice"})

# Anything but a letter or a digit of any script (« _ » too) separates words.
_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER_MARKS = re.compile(r"(?<![a-z])(n\s*°|n\s*º|no\.?|nº|num\.?|numero|number|nbr|#)(?![a-z])")


def normalise(header: object) -> str:
    """Fold a header for matching: case, accents, punctuation, spaces and n°/no/#/num.

    Letters of every script are kept (« Валюта », « 金额 »): distinct headers stay distinct.
    """
    text = str(header).strip().lower()
    text = text.replace("n°", " no ").replace("nº", " no ").replace("#", " no ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _NOT_WORD.sub(" ", text).strip()
    text = re.sub(r"\b(num|numero|number|nbr|n)\b", "no", text)
    text = re.sub(r"\bno( no)+\b", "no", text)
    return re.sub(r"\s+", " ", text)


_FOLDED: dict[str, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(normalise(a) for a in aliases)) for name, aliases in ALIASES.items()
}
# Words that say nothing of a column's meaning: « Date de la facture », « Amount (EUR) ».
_FILLER = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "a", "au", "aux", "en", "in"}
    | {"eur", "euro", "euros", "e"}
    # The currency a header names its amounts in: « Total (RM) », « Amount (USD) ».
    | {"usd", "gbp", "chf", "cad", "aud", "rm", "myr", "inr", "rs", "mad", "dh", "xof", "cfa"}
    | {"fcfa", "tnd", "dzd", "sgd", "hkd", "zar", "aed", "sar"}
    # The time zone a date is given in: Stripe's « Date (UTC) », « Due Date (UTC) ».
    | {"utc", "gmt"}
    # A scale, which the reading then refuses: « Amount in k€ », « (en milliers d'euros) ».
    | {"thousand", "thousands", "millier", "milliers", "k", "keur", "000", "million", "millions"}
)
# A planned, expected, wished or limit date is no settlement: « Date de paiement prévue »,
# « Date limite de paiement », « Expected payment date » never name the payment's date.
_NOT_SETTLED = frozenset(
    {"prevu", "prevue", "prevus", "prevues", "attendu", "attendue", "attendus", "attendues"}
    | {"souhaite", "souhaitee", "limite", "butoir", "promis", "promise", "promesse", "due"}
    | {"prevision", "previsionnel", "previsionnelle", "estime", "estimee", "theorique"}
    | {"echeance", "expected", "planned", "scheduled", "estimated", "forecast", "target"}
)
_SETTLEMENT_FIELDS = frozenset({"payment_date", "paid"})
# A header naming a rate (« Taux retenue de garantie », « Acompte (%) ») holds no amount.
_RATE = frozenset({"taux", "pourcentage", "pourcent", "percentage", "percent", "pct", "rate"})
_AMOUNT_FIELDS = frozenset(
    {"amount", "amount_ht", "vat", "paid", "balance", "deduction", "credit_applied"}
    | {"retention", "promise_amount"}
)
# A known header followed by what only qualifies its amount: « Reste dû TTC », Odoo's
# « Montant dû signé » (amount_residual_signed), « Solde dû (EUR) ».
_QUALIFIER = re.compile(r"( (ttc|tvac|signe|signed|eur|euro|euros|e))+$")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_ABBREVIATION = re.compile(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\b)|(?<=\b[A-Za-z]\.[A-Za-z])\.")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# A header's words must be more than half covered by an alias's for a match by words:
# « Relance 2 » in a data row is not the level column, « Invoice Type » not the number.
MIN_COVER = 0.6


def header_words(header: object) -> str:
    """A header folded for matching, CamelCase and snake_case split: 'InvoiceID' -> 'invoice no'."""
    # A rate says nothing of the column's meaning: « Tax (6%) », « TVA 20 % »; dotted
    # abbreviations are words: « T.T.C » is TTC, « H.T. » is HT.
    text = _ABBREVIATION.sub("", _PERCENT.sub(" ", str(header).strip()))
    text = text.replace("%", " pourcentage ")  # « Acompte (%) » names a rate
    text = _CAMEL.sub(" ", text)
    return _singular(re.sub(r"\bid\b", "no", normalise(text)))


def _singular(text: str) -> str:
    """Plural words folded to the singular an alias uses: « N° Factures » is « no facture »,
    « Montants TTC » « montant ttc », « Totaux » « total »."""
    if "s" not in text and "x" not in text:
        return text
    return " ".join(_SINGULAR.get(w, w) for w in text.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w not in _FILLER)


# Every word an alias uses; a header's plural is folded to one of them (never a word that is
# itself an alias's, like « pays » or « taxes »).
_VOCABULARY = frozenset(w for aliases in _FOLDED.values() for a in aliases for w in a.split())
_SINGULAR = {
    plural: word
    for word in _VOCABULARY
    if len(word) >= 3
    for plural in (word + "s", word + "x", word[:-2] + "aux" if word.endswith("al") else "")
    if plural and plural not in _VOCABULARY
}

_ALIAS_WORDS: dict[str, tuple[frozenset[str], ...]] = {
    name: tuple(_words(a) for a in aliases) for name, aliases in _FOLDED.items()
}


@lru_cache(maxsize=65536)
def _matches(text: str) -> tuple[tuple[tuple[int, float, int], str], ...]:
    """Every field a folded header may name, with its rank: exact aliases first, then by
    words. Cached: the rows searched for a header repeat the same texts (client names)."""
    out: list[tuple[tuple[int, float, int], str]] = []
    words = _words(text)
    for name, aliases in _FOLDED.items():
        if name in _SETTLEMENT_FIELDS and words & _NOT_SETTLED:
            continue
        if name in _AMOUNT_FIELDS and words & _RATE:
            continue
        if text in aliases:
            out.append(((0, 0.0, aliases.index(text)), name))
            continue
        if (bare := _QUALIFIER.sub("", text)) != text and bare in aliases:
            out.append(((0, 0.5, aliases.index(bare)), name))
            continue
        # By words, in any order, with filler words ignored: « Date of Transaction »,
        # « Montant de la facture (TTC) ». The alias covering most of the header wins.
        best = max(
            (
                (len(a) / len(words), -i)
                for i, a in enumerate(_ALIAS_WORDS[name])
                if a and words and a <= words
            ),
            default=None,
        )
        if best is not None and best[0] >= MIN_COVER:
            out.append(((1, -best[0], -best[1]), name))
    return tuple(out)


def _candidates(
    folded: list[str], skip: Mapping[str, int]
) -> list[tuple[tuple[int, float, int], int, str]]:
    """(rank, column, field) for every plausible pair: exact aliases first, then by words."""
    return [
        (rank, pos, name)
        for pos, text in enumerate(folded)
        if text
        for rank, name in _matches(text)
        if name not in skip
    ]


def match_headers(
    headers: Iterable[object],
    overrides: Mapping[str, str] | None = None,
    balance_as_amount: bool = True,
) -> dict[str, int]:
    """Map canonical fields to column positions; explicit overrides win over detection.

    A header matches by meaning: its exact alias (« N° facture », « InvoiceID ») first,
    else the alias whose words it contains (« Date of Transaction »), the closest first.
    """
    # Only text names a column: numbers and dates in the rows searched are never headers.
    headers = list(headers)
    folded = [header_words(h) if isinstance(h, str) and h.strip() else "" for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for name, header in (overrides or {}).items():
        pos = named_column(headers, header, folded)
        if pos is not None:
            mapping[name] = pos
            used.add(pos)
    for _rank, pos, name in sorted(_candidates(folded, mapping)):
        if name not in mapping and pos not in used:
            mapping[name] = pos
            used.add(pos)
    name_client(folded, mapping, used)  # « Nom de la société ou du client », « Intitulé »
    fec_money(folded, mapping, used)  # « Debit » / « Credit » beside « PieceRef »
    # A client number stands for the client when the table has no name; the amount still
    # owed stands for the amount when that is all it has.
    if "client" not in mapping and "client_number" in mapping:
        mapping["client"] = mapping["client_number"]
    # A payment status alone is the status; beside a posting status, a second one.
    if "status" not in mapping and "payment_status" in mapping:
        mapping["status"] = mapping.pop("payment_status")
    # (The table choice keeps the balance apart: its content may show the invoice's amount
    # elsewhere, a total beside its net and VAT, and the balance is then what remains.)
    if balance_as_amount and "amount" not in mapping and "balance" in mapping:
        mapping["amount"] = mapping.pop("balance")
    return mapping


def _spaced(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def named_column(headers: Sequence[object], header: str, folded: list[str]) -> int | None:
    """The column a [columns] value names: the header as typed, then case and spaces
    folded, and only then by synonym (« Invoice Number » is never « Invoice ID »)."""
    texts = [h if isinstance(h, str) else "" for h in headers]
    for fold in (str.strip, _spaced):
        exact = [j for j, h in enumerate(texts) if h.strip() and fold(h) == fold(header)]
        if exact:
            return exact[0]
    target = header_words(header)
    return folded.index(target) if target and target in folded else None


def is_invoice_table(mapping: Mapping[str, int]) -> bool:
    """Whether a header mapping is enough to read invoices from."""
    return (
        "amount" in mapping
        and any(f in mapping for f in IDENTIFYING_FIELDS)
        # Distinct columns: a net amount also taken as the amount is one column, not two
        # (« Sous-total | N » under a header is a totals row, not an invoice table).
        and len({j for f, j in mapping.items() if f not in _ROW_WORDS}) >= MIN_FIELDS
    )


def describe_known_headers() -> str:
    """A short French list of the headers looked for, for error messages."""
    examples = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé"]
    return ", ".join(f"« {e} »" for e in examples)


__all__ = [
    "ALIASES",
    "describe_known_headers",
    "header_words",
    "is_invoice_table",
    "match_headers",
    "normalise",
]
