"""Credits that are no customer's payment: card remittances (« REMISE CB », « TPE »), cash
deposits, interest, loans. They are counted apart, unless they cite an invoice or a letter's
reference (then the citation decides)."""

from __future__ import annotations

import re

from .records import BankEntry, fold

# What the label says (folded): the card terminal's daily remittance and its kin.
_LABELS = (
    ("card", r"\bREMISE (?:DE )?(?:CB|CARTES?|TPE|FACTURETTES?)\b|\bTPE\b|\bFACTURETTES?\b"
             r"|^(?:CB|CARTE|PAIEMENT CB|REM CB|RCB)\b|\bENCAISSEMENT(?:S)? (?:CB|CARTES?)\b"),
    ("cash", r"\b(?:VERSEMENT|DEPOT|REMISE) (?:D )?ESPECES\b"),
    ("interest", r"\bINTERETS? CREDITEURS?\b|\bREMUNERATION (?:DU )?COMPTE\b"),
    ("loan", r"\bDEBLOCAGE (?:DE )?(?:PRET|CREDIT|FONDS)\b"),
)  # fmt: skip
_LABEL_RE = [(kind, re.compile(pattern)) for kind, pattern in _LABELS]
# What the bank's type says: OFX's TRNTYPE, CAMT's transaction code, a CSV's « Type ».
_KINDS = (
    ("card", r"^(?:POS|PMNT-MCRD\b.*|PMNT-CCRD\b.*)$|CARD|CARTE|\bCB\b|PRESENTMENT"
             r"|MASTERCARD|VISA"),
    ("cash", r"^(?:ATM|CASH)$|^PMNT-CNTR|ESPECES"),
    ("interest", r"^(?:INT|DIV)$|INTERETS?"),
    ("loan", r"^PMNT-LDAS|^LDAS|PRET"),
)  # fmt: skip
_KIND_RE = [(kind, re.compile(pattern)) for kind, pattern in _KINDS]

SAID = {
    "card": "remise de paiements par carte bancaire (TPE)",
    "cash": "versement d'espèces",
    "interest": "intérêts ou rémunération du compte",
    "loan": "déblocage d'un prêt",
}


def other_kind(entry: BankEntry) -> str:
    """« card », « cash », « interest », « loan » for a credit that is no customer's payment,
    else an empty string (a transfer, a cheque: a customer may have paid)."""
    kind = fold(entry.kind)
    for name, pattern in _KIND_RE:
        if kind and pattern.search(kind):
            return name
    label = fold(entry.label)
    for name, pattern in _LABEL_RE:
        if pattern.search(label):
            return name
    return ""


__all__ = ["SAID", "other_kind"]
