"""Columns judged by what they hold as well as by their header.

The headers give a first mapping (columns.match_headers); the rows under them confirm or
correct it: an e-mail column is never the postal address, a running total is not the invoice
amount, the VAT-inclusive total is what is owed, a row counter is not an invoice number, a
reference is not an amount. Each field gets the evidence `check` shows for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from babel.numbers import list_currencies

from .column_case import Case, percent
from .columns import header_words
from .credit_amounts import credit_amounts
from .echeancier import account_names, instalment_amounts
from .humankeys import human_columns
from .labels import label
from .marks import currency_mark
from .money import access_flags
from .openamounts import open_amounts
from .owed import balance_beside_paid, net_plus_vat, net_vat_total, references, running_totals
from .paid_dates import paid_dates, participle_dates
from .profile import Profiles
from .receipts import settled_invoice_flags
from .settledon import settled_header
from .termsdue import terms_under_due

# Headers that number rows, not invoices (« N° », « # », « ID », « Ligne »).
_GENERIC_NUMBER = frozenset({"no", "ligne", "line", "row", "index", "idx", "rang", "item"})
# Words of a header that speaks of payment (« Paid? », « Réglée (O/N) », « Payment received »).
_PAID_WORDS = frozenset(
    {"paid", "paye", "payee", "regle", "reglee", "solde", "soldee", "encaisse", "encaissee"}
    | {"received", "recu", "recue", "payment", "paiement", "settled"}
)
# Words of a header that names a status (« feeStatus », « Statut paiement »).
_STATUS_WORDS = frozenset({"status", "statut", "etat", "state"})
# ISO 4217 codes a currency column holds; not those that are also common words (« ALL »).
_ISO_CODES = frozenset(list_currencies()) - {"ALL", "TOP", "CUP", "MOP", "BAM", "GEL", "TRY"}
# Fields an e-mail column is sometimes mistaken for.
_NOT_EMAIL = ("address", "street", "city", "contact", "remarks", "object")


@dataclass(frozen=True)
class Judged:
    """A header mapping after the content has had its say, with the evidence per field."""

    positions: dict[str, int]
    evidence: dict[str, str]
    notes: tuple[str, ...]


def judge(
    positions: Mapping[str, int],
    row: Sequence[Any],
    sample: Sequence[Sequence[Any]],
    overrides: Mapping[str, str] | None = None,
) -> Judged:
    """The mapping of a header row corrected by its rows' content, and why each field."""
    case = Case(positions, row, Profiles(sample), set(overrides or {}))
    _emails(case)
    human_columns(case)  # « Customer Name » beside « Customer » of cus_… keys
    account_names(case)
    _postcodes(case)
    participle_dates(case)  # « Payée » of dates: the payment date
    _settled_flags(case)
    settled_invoice_flags(case)
    _paid_flags(case)
    _paid_ones(case)
    _paid_amounts(case)
    paid_dates(case)  # « Encaissement » = 05/10/2026
    credit_amounts(case)
    _access_flags(case)
    _country_text(case)
    _currency_codes(case)
    _row_counter(case)
    terms_under_due(case)
    references(case)
    net_vat_total(case)
    running_totals(case)
    instalment_amounts(case)
    net_plus_vat(case)
    open_amounts(case)  # « Montant ouvert », « Encours »; « Montant total » beside « Montant dû »
    balance_beside_paid(case)  # « Reste dû » beside « Montant encaissé »: never deducted twice
    if "amount" not in case.pos and "balance" in case.pos:
        case.pos["amount"] = case.pos.pop("balance")  # what is still owed stands for it
    for field, column in case.pos.items():
        if field not in case.evidence:
            how = "nommée dans relance.toml" if field in case.fixed else "en-tête reconnu"
            case.evidence[field] = f"{how} ; {case.profiles[column].describe()}"
    _caveats(case)
    return Judged(case.pos, case.evidence, tuple(case.notes))


def _caveats(case: Case) -> None:
    """What the evidence must add: a counter kept by its header, a client that is a code."""
    invoice, client = case.pos.get("invoice"), case.pos.get("client")
    if invoice is not None and case.profiles[invoice].counter:
        case.evidence["invoice"] += " ; gardé : l'en-tête nomme le n° de facture"
    if client is not None and case.profiles[client].digits >= 0.8:
        case.evidence["client"] += (
            " ; des codes plutôt que des noms : les lettres les porteront, sauf si une feuille "
            "de clients donne leurs noms"
        )


def _emails(case: Case) -> None:
    """A column of e-mail addresses is the e-mail, whatever its header says."""
    for field in _NOT_EMAIL:
        column = case.movable(field)
        if column is None or case.profiles[column].emails < 0.5:
            continue
        del case.pos[field]
        share = percent(case.profiles[column].emails)
        case.notes.append(
            f"« {case.name(column)} » contient des adresses e-mail ({share}) : ce n'est pas "
            f"{label(field).lower()}."
        )
        if "email" not in case.pos:
            case.pos["email"] = column
            case.evidence["email"] = f"d'après le contenu : {share} d'adresses e-mail"
    if "email" in case.pos:
        return
    for column in case.free():
        if case.profiles[column].emails >= 0.8:
            case.pos["email"] = column
            share = percent(case.profiles[column].emails)
            case.evidence["email"] = f"d'après le contenu : {share} d'adresses e-mail"
            return


def _postcodes(case: Case) -> None:
    """A column of five-digit codes under an address or town header is the postcode."""
    for field in ("address", "street", "city"):
        column = case.movable(field)
        p = None if column is None else case.profiles[column]
        if column is None or p is None or p.postcodes < 0.8 or p.decimals or p.filled < 2:
            continue
        del case.pos[field]
        if "postcode" not in case.pos:
            case.pos["postcode"] = column
            case.evidence["postcode"] = (
                f"d'après le contenu : {percent(p.postcodes)} de codes postaux"
            )


def _paid_flags(case: Case) -> None:
    """A column of yes/no under a header that speaks of payment says which are paid."""
    if "paid_flag" in case.pos or "paid" in case.pos:
        return
    for column in case.free():
        p = case.profiles[column]
        if p.filled and p.flags >= 0.8 and case.words(column) & _PAID_WORDS:
            case.pos["paid_flag"] = column
            case.evidence["paid_flag"] = f"d'après le contenu : {percent(p.flags)} de oui/non"
            return


def _settled_flags(case: Case) -> None:
    """« Soldé » of oui/non, or of 1 and 0 under the accented header, says which are paid: it
    is no balance owed (« Solde »)."""
    column = case.movable("balance")
    kind = None if column is None else settled_header(case.name(column))
    if column is None or kind is None or "paid_flag" in case.pos:
        return
    p = case.profiles[column]
    numbers = p.values[~np.isnan(p.values)]
    ones = kind == "accented" and bool(len(numbers)) and bool(np.isin(numbers, (0, 1)).all())
    if p.filled and (p.flags >= 0.8 or (ones and p.numbers == 1.0)):
        case.pos["paid_flag"] = case.pos.pop("balance")
        case.evidence["paid_flag"] = "d'après le contenu : oui/non ou 1/0, pas un solde dû"


def _paid_ones(case: Case) -> None:
    """0 and 1 only under a header that says paid (« Payé », « Réglé ») or the status of a
    payment (« feeStatus », « Statut paiement ») says which are paid (1). A bare « Statut »
    of 0 and 1 stays unread (1 may mean anything), « Montant payé » stays an amount."""
    if "paid_flag" in case.pos:
        return
    paid, status = case.movable("paid"), case.movable("status")
    named = [
        *([paid] if paid is not None and case.words(paid) <= _PAID_WORDS | {"deja"} else []),
        *(
            j
            for j in ([status] if status is not None else []) + case.free()
            if case.words(j) & _STATUS_WORDS and case.words(j) & (_PAID_WORDS | {"fee"})
        ),
    ]
    for column in named:
        p = case.profiles[column]
        numbers = p.values[~(p.values != p.values)]  # NaN dropped
        if p.filled < 2 or p.numbers < 1 or len(numbers) < p.filled:
            continue
        # Some 1: a column of zeros reads the same as amounts (nothing paid yet), and its
        # later rows may hold the amounts paid.
        if not ((numbers == 0) | (numbers == 1)).all() or not (numbers == 1).any():
            continue
        for field in [f for f, j in case.pos.items() if j == column]:
            del case.pos[field]
        case.pos["paid_flag"] = column
        case.evidence["paid_flag"] = "d'après le contenu : uniquement des 0 et des 1"
        case.notes.append(
            f"« {case.name(column)} » ne contient que des 0 et des 1 : lu comme « Réglée "
            "(oui/non) », 1 = réglée."
        )
        return


def _paid_amounts(case: Case) -> None:
    """A « Paid » column of amounts (other than 0 and 1) is the amount paid, never a flag
    that a non-zero number would set: 1 000 000 paid of 1 382 500 leaves 382 500 owed."""
    column = case.movable("paid_flag")
    if column is None or "paid" in case.pos:
        return
    p = case.profiles[column]
    numbers = p.values[~(p.values != p.values)]  # NaN dropped
    if p.numbers < 0.8 or not ((numbers != 0) & (numbers != 1)).any() or access_flags(numbers):
        return
    case.move(
        "paid_flag",
        "paid",
        f"d'après le contenu : {percent(p.numbers)} de montants, pas des oui/non",
        f"« {case.name(column)} » contient des montants, pas des oui/non : lu comme le montant "
        "réglé (reste dû = montant − réglé).",
    )


def _access_flags(case: Case) -> None:
    """A paid-amount column of nothing but 0 and -1 is a yes/no that Access or VBA wrote
    (TRUE is -1): -1 = paid, never a payment of -1 € that would raise what is owed."""
    column = case.movable("paid")
    if column is None or "paid_flag" in case.pos:
        return
    p = case.profiles[column]
    numbers = p.values[~(p.values != p.values)]  # NaN dropped
    if p.filled < 2 or len(numbers) < p.filled or not access_flags(numbers):
        return
    case.move(
        "paid",
        "paid_flag",
        "d'après le contenu : uniquement des 0 et des -1",
        f"« {case.name(column)} » ne contient que des 0 et des -1 (oui/non d'Access) : lu "
        "comme « Réglée (oui/non) », -1 = réglée.",
    )


def _country_text(case: Case) -> None:
    """A country is a name or a code in letters: a column of numbers (« countryCode » 391)
    is never printed as the address's country line."""
    column = case.movable("country")
    if column is None:
        return
    p = case.profiles[column]
    if p.filled and p.texts < 0.5:
        del case.pos["country"]
        case.notes.append(
            f"« {case.name(column)} » contient des nombres, pas des pays : colonne non lue "
            "comme le pays."
        )


def _currency_codes(case: Case) -> None:
    """A text column of ISO currency codes, currency signs or words on every row is the
    currency, whatever its header says or whatever script it is written in (« Валюта »
    holding « KZT », « Moneda » holding « $ »)."""
    if "currency" in case.pos:
        return
    for column in case.free():
        cells = [row[column] for row in case.profiles.sample if column < len(row)]
        texts = [str(v).strip() for v in cells if v is not None and str(v).strip()]
        if (
            texts
            and all(t in _ISO_CODES or currency_mark(t) for t in texts)
            and len(texts) == case.profiles[column].filled
        ):
            case.pos["currency"] = column
            case.evidence["currency"] = (
                "d'après le contenu : une devise (code ISO, signe ou nom) sur chaque ligne"
            )
            return


def _row_counter(case: Case) -> None:
    """« N° » holding 1, 2, 3… counts the rows: it is not an invoice number."""
    column = case.movable("invoice")
    if column is None or not case.profiles[column].counter:
        return
    if header_words(case.name(column)) not in _GENERIC_NUMBER:
        return  # « InvoiceID » 1, 2, 3: the office numbers its invoices so
    del case.pos["invoice"]
    case.notes.append(
        f"« {case.name(column)} » compte les lignes (1, 2, 3…) : ce n'est pas un n° de facture."
    )


__all__ = ["Judged", "judge"]
