"""Canonical ledger fields and the French and English headers that name them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

# Canonical field -> header aliases, most specific first. Aliases are compared after normalise().
ALIASES: dict[str, tuple[str, ...]] = {
    "invoice": (
        "no facture",
        "numero de facture",
        "numero facture",
        "facture no",
        "no de facture",
        "ref facture",
        "reference facture",
        "facture",
        "invoice no",
        "invoice number",
        "invoice",
        "no piece",
        "piece",
        "document no",
        "bill no",
    ),
    "client": (
        "client",
        "nom du client",
        "nom client",
        "raison sociale",
        "customer",
        "customer name",
        "client name",
        "debiteur",
        "tiers",
        "societe",
        "bill to",
        "account name",
        "vendor",
        "fournisseur",
    ),
    "invoice_date": (
        "date facture",
        "date de facture",
        "date d emission",
        "date emission",
        "invoice date",
        "date de la facture",
        "issue date",
        "date",
    ),
    "due_date": (
        "echeance",
        "date d echeance",
        "date echeance",
        "date limite de paiement",
        "date limite",
        "due date",
        "invoice due date",
        "payment due",
        "due",
        "a payer le",
    ),
    "amount": (
        "montant ttc",
        "total ttc",
        "ttc",
        "montant ttc eur",
        "invoice amount",
        "amount incl tax",
        "total amount",
        "amount",
        "montant",
        "total",
        "montant facture",
    ),
    "amount_ht": ("montant ht", "total ht", "ht", "amount excl tax", "net amount"),
    "paid": (
        "montant regle",
        "montant paye",
        "deja regle",
        "regle",
        "paye",
        "montant encaisse",
        "encaisse",
        "amount paid",
        "paid amount",
        "paid to date",
        "payment amount",
    ),
    "payment_date": (
        "date de reglement",
        "date reglement",
        "date de paiement",
        "date paiement",
        "date d encaissement",
        "payment date",
        "paid on",
        "date paid",
    ),
    "paid_flag": ("payee", "reglee", "paid", "paid yn", "soldee", "acquittee", "payee o n"),
    "status": (
        "statut",
        "statut facture",
        "statut de la facture",
        "etat",
        "etat facture",
        "status",
        "invoice status",
    ),
    "hold": (
        "litige",
        "en litige",
        "contestation",
        "bloque",
        "blocage",
        "ne pas relancer",
        "dispute",
        "disputed",
        "on hold",
        "hold",
    ),
    "terms": (
        "conditions de paiement",
        "conditions de reglement",
        "delai de paiement",
        "delai de reglement",
        "modalites de paiement",
        "payment terms",
        "terms",
    ),
    "client_type": ("type client", "type de client", "categorie client", "client type"),
    "insolvency": (
        "procedure collective",
        "procedure collective bodacc",
        "date bodacc",
        "bodacc",
        "redressement judiciaire",
        "liquidation judiciaire",
        "sauvegarde",
        "insolvency",
        "insolvency proceedings",
    ),
    "object": (
        "objet",
        "designation",
        "libelle",
        "intitule",
        "description",
        "prestation",
        "object",
    ),
    "email": ("email", "e mail", "mail", "courriel", "adresse email", "adresse e mail"),
    "address": (
        "adresse",
        "adresse de facturation",
        "adresse postale",
        "address",
        "billing address",
    ),
    "street": ("rue", "voie", "street", "adresse ligne 1", "address line 1"),
    "postcode": ("code postal", "cp", "postcode", "postal code", "zip", "zip code"),
    "city": ("ville", "commune", "city", "town"),
    "country": ("pays", "pays du client", "country"),
    "contact": ("contact", "interlocuteur", "nom du contact", "contact name", "attention de"),
    "attachment": (
        "pdf facture",
        "facture pdf",
        "fichier facture",
        "chemin facture",
        "chemin du pdf",
        "lien facture",
        "piece jointe",
        "invoice pdf",
        "invoice file",
        "attachment",
    ),
    "language": ("langue", "language", "lang"),
    "currency": ("devise", "monnaie", "currency"),
    "reminder_level": ("niveau de relance", "niveau relance", "relance", "reminder level"),
    "reminder_date": (
        "date de relance",
        "date derniere relance",
        "date relance",
        "last reminder date",
    ),
    "reminder_status": ("statut relance", "reminder status"),
}

# A table is an invoice table when it names an amount and one of these.
IDENTIFYING_FIELDS = ("invoice", "client")
MIN_FIELDS = 3

_NUMBER_MARKS = re.compile(r"(?<![a-z])(n\s*°|n\s*º|no\.?|nº|num\.?|numero|number|nbr|#)(?![a-z])")


def normalise(header: object) -> str:
    """Fold a header for matching: case, accents, punctuation, spaces and n°/no/#/num."""
    text = str(header).strip().lower()
    text = text.replace("n°", " no ").replace("nº", " no ").replace("#", " no ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b(num|numero|number|nbr|n)\b", "no", text)
    text = re.sub(r"\bno( no)+\b", "no", text)
    return re.sub(r"\s+", " ", text)


_FOLDED: dict[str, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(normalise(a) for a in aliases)) for name, aliases in ALIASES.items()
}


def match_headers(
    headers: Iterable[object], overrides: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Map canonical fields to column positions; explicit overrides win over detection."""
    folded = [normalise(h) if h not in (None, "") else "" for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for name, header in (overrides or {}).items():
        target = normalise(header)
        if target in folded:
            pos = folded.index(target)
            mapping[name] = pos
            used.add(pos)
    # Rank every (field, column) pair by how specific the alias is, best first.
    candidates: list[tuple[int, int, str]] = []
    for name, aliases in _FOLDED.items():
        if name in mapping:
            continue
        for pos, text in enumerate(folded):
            if text and text in aliases:
                candidates.append((aliases.index(text), pos, name))
    for _rank, pos, name in sorted(candidates):
        if name not in mapping and pos not in used:
            mapping[name] = pos
            used.add(pos)
    return mapping


def is_invoice_table(mapping: Mapping[str, int]) -> bool:
    """Whether a header mapping is enough to read invoices from."""
    return (
        "amount" in mapping
        and any(f in mapping for f in IDENTIFYING_FIELDS)
        and len(mapping) >= MIN_FIELDS
    )


def describe_known_headers() -> str:
    """A short French list of the headers looked for, for error messages."""
    examples = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé"]
    return ", ".join(f"« {e} »" for e in examples)


__all__ = ["ALIASES", "describe_known_headers", "is_invoice_table", "match_headers", "normalise"]
