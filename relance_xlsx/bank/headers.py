"""The columns of a bank's CSV export, found by meaning: the synonyms of each field.

Layouts checked against the exports French banks publish (see README, « Relevés
bancaires »): BNP Paribas, Société Générale, Crédit Agricole, Banque Populaire and Caisse
d'Epargne, Crédit Mutuel and CIC, La Banque Postale, Fortuneo, BoursoBank, Shine, Qonto
(French and English), Revolut Business, and LCL's export without a header line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .records import fold

# Field -> its headers, most specific first, compared folded (case, accents, punctuation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date de comptabilisation", "date comptable", "date operation", "date d operation",
        "date de l operation", "date de l operation utc", "date d operation utc", "dateop",
        "date op", "booking date", "settlement date local", "settlement date utc",
        "settlement date", "date de reglement local", "date de reglement utc",
        "date de reglement", "operation date local", "operation date utc", "operation date",
        "date completed utc", "date completed", "completed date", "transaction date",
        "posting date", "date de l ecriture", "started date", "date",
    ),
    "value_date": (
        "date de valeur", "date valeur", "dateval", "value date", "date de la valeur",
        "date de la valeur utc",
    ),
    "label": (
        "libelle operation", "libelle de l operation", "libelle", "label", "description",
        "libelle complet", "intitule", "intitule de l operation", "nature de l operation",
        "operation", "wording",
    ),
    "detail": (
        "detail de l ecriture", "informations complementaires", "libelle simplifie",
        "commentaire", "comment", "note", "motif", "complement", "detail",
        "reference de virement", "communication", "remittance information", "purpose",
    ),
    "amount": (
        "montant operation en euro", "montant de l operation", "montant operation",
        "montant euros", "montant eur", "montant en euros", "montant total ttc",
        "total amount incl vat", "total amount", "montant", "amount eur", "amount in eur",
        "amount", "somme", "value",
    ),
    "debit": ("debit euros", "debit eur", "debit en euros", "debit", "debits", "sortie",
              "paid out", "paid out eur", "money out", "debit amount", "withdrawals"),
    "credit": ("credit euros", "credit eur", "credit en euros", "credit", "credits", "entree",
               "paid in", "paid in eur", "money in", "credit amount", "deposits"),
    # The bank's own identifier of the entry: recognises it when imported again.
    "bank_ref": (
        "transaction id", "identifiant de transaction", "identifiant", "id",
        "id transaction", "numero d operation", "no operation", "reference bancaire",
        "transferwise id",
    ),
    # A reference typed by the payer or the bank: searched for invoice numbers.
    "reference": ("reference", "ref", "reference de l operation", "reference client",
                  "payment reference", "reference du paiement"),
    "payer": (
        "nom de la contrepartie", "contrepartie", "counterparty name", "counterparty",
        "counter party", "partner name", "payer name", "payer", "emetteur",
        "donneur d ordre", "tiers", "supplierfound", "nom du tiers",
        # N26's older export names the counterparty « Payee », whichever way the money went
        "payee",
    ),
    # The bank's type of operation: a card remittance is no customer's transfer.
    "kind": ("type operation", "type d operation", "type de l operation", "type",
             "transaction type", "nature"),
    "currency": ("devise", "currency", "payment currency", "code devise"),
    "status": ("statut", "status", "state", "etat"),
}  # fmt: skip

# A status that says the entry is not booked: it is not money received (yet).
NOT_BOOKED = re.compile(
    r"\b(PENDING|PROCESSING|DECLINED|REVERTED|CANCELL?ED|FAILED|EN ATTENTE|EN COURS|"
    r"REFUSEE?|ANNULEE?|REJETEE?)\b"
)


def header_key(text: object) -> str:
    """A header folded for matching: lower case, no accents, words separated by one space."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(str(text)).lower()).strip()
    return words.replace("n o ", "no ")


_RANK = {
    (field, alias): rank for field, aliases in SYNONYMS.items() for rank, alias in
    enumerate(aliases)
}  # fmt: skip


def match_columns(header: Sequence[object]) -> dict[str, int]:
    """Field -> column position for one header line: exact synonyms, best rank first; each
    column serves one field."""
    keys = [header_key(h) if isinstance(h, str) else "" for h in header]
    pairs = sorted(
        (_RANK[(field, key)], pos, field)
        for pos, key in enumerate(keys)
        for field in SYNONYMS
        if key and (field, key) in _RANK
    )
    found: dict[str, int] = {}
    used: set[int] = set()
    for _rank, pos, field in pairs:
        if field not in found and pos not in used:
            found[field] = pos
            used.add(pos)
    return found


def is_statement_header(found: dict[str, int]) -> bool:
    """A date, and an amount or a credit column, and something that says what it was."""
    money = "amount" in found or "credit" in found
    words = any(f in found for f in ("label", "detail", "payer", "reference"))
    return "date" in found and money and words


# How a field is named to the person (the statement's description, the review).
FIELD_NAMES = {
    "date": "date", "value_date": "date de valeur", "label": "libellé", "detail": "détail",
    "amount": "montant", "debit": "débit", "credit": "crédit", "bank_ref": "référence bancaire",
    "reference": "référence", "payer": "payeur", "currency": "devise", "status": "statut",
    "kind": "type d'opération",
}  # fmt: skip


__all__ = [
    "FIELD_NAMES",
    "NOT_BOOKED",
    "SYNONYMS",
    "header_key",
    "is_statement_header",
    "match_columns",
]
