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
        "invoice id",
        "invoice ref",
        "invoice reference",
        "bill number",
        "doc no",
        "no document",
        "no de piece",
        "reference",
        "ref",
        "no",
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
        "company",
        "company name",
        "customer company",
        "nom",
        "name",
        "account",
        "buyer",
        "acheteur",
        "debtor",
        "payer",
        "client nom",
        "nom societe",
        "entreprise",
        "destinataire",
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
        "transaction date",
        "posting date",
        "doc date",
        "document date",
        "date document",
        "date of invoice",
        "billing date",
        "date de piece",
        "date piece",
        "date comptable",
        "invoice dt",
        "date emise",
        "emise le",
        "emis le",
        "billed on",
        "date facturation",
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
        "payment due date",
        "date due",
        "due on",
        "due by",
        "date d exigibilite",
        "exigibilite",
        "pay by",
        "deadline",
        "echeance le",
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
        "invoice total",
        "invoice value",
        "gross amount",
        "total due",
        "grand total",
        "total invoice",
        "net a payer",
        "montant net a payer",
        "montant a payer",
        "amount ttc",
        "total amount ttc",
        "valeur",
        "value",
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
        "amount received",
        "received",
        "total paid",
        "encaissement",
        "acompte",
        "acomptes",
        "versement",
        "deja paye",
        "amount paid to date",
        "paid amount eur",
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
        "etat du paiement",
        "statut paiement",
        "payment status",
        "state",
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
    # The client's number or code: joins a clients sheet, stands for the name when none.
    "client_number": (
        "no client",
        "code client",
        "client no",
        "customer no",
        "customer code",
        "account no",
        "ref client",
        "reference client",
        "compte client",
        "no compte",
        "code tiers",
        "no tiers",
    ),
    # What is still owed, when the ledger keeps it rather than (or beside) what was paid.
    "balance": (
        "reste du",
        "reste a payer",
        "restant du",
        "montant du",
        "solde",
        "solde du",
        "solde restant",
        "balance",
        "balance due",
        "amount due",
        "amount outstanding",
        "outstanding",
        "outstanding amount",
        "open amount",
        "montant restant",
    ),
    "phone": (
        "telephone",
        "tel",
        "no de telephone",
        "no telephone",
        "phone",
        "phone no",
        "mobile",
        "portable",
    ),
    # Free text the office writes: its dispute words put the invoice on hold.
    "remarks": (
        "remarques",
        "remarque",
        "commentaire",
        "commentaires",
        "observations",
        "observation",
        "notes",
        "note",
        "remarks",
        "comments",
        "comment",
        "memo",
        "notes internes",
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
        "courriel client",
        "email client",
        "customer email",
        "client email",
        "e mail address",
        "email address",
        "adresse mail",
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
        "personne a contacter",
        "contact person",
        "attn",
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
# Words that say nothing of a column's meaning: « Date de la facture », « Amount (EUR) ».
_FILLER = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "a", "au", "aux", "en", "in"}
    | {"eur", "euro", "euros", "e"}
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# A header's words must be at least this covered by an alias's for a match by words.
MIN_COVER = 0.5


def header_words(header: object) -> str:
    """A header folded for matching, CamelCase and snake_case split: 'InvoiceID' -> 'invoice no'."""
    text = _CAMEL.sub(" ", str(header).strip())
    return re.sub(r"\bid\b", "no", normalise(text))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w not in _FILLER)


_ALIAS_WORDS: dict[str, tuple[frozenset[str], ...]] = {
    name: tuple(_words(a) for a in aliases) for name, aliases in _FOLDED.items()
}


def _candidates(
    folded: list[str], skip: Mapping[str, int]
) -> list[tuple[tuple[int, float, int], int, str]]:
    """(rank, column, field) for every plausible pair: exact aliases first, then by words."""
    out: list[tuple[tuple[int, float, int], int, str]] = []
    for pos, text in enumerate(folded):
        if not text:
            continue
        words = _words(text)
        for name, aliases in _FOLDED.items():
            if name in skip:
                continue
            if text in aliases:
                out.append(((0, 0.0, aliases.index(text)), pos, name))
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
                out.append(((1, -best[0], -best[1]), pos, name))
    return out


def match_headers(
    headers: Iterable[object], overrides: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Map canonical fields to column positions; explicit overrides win over detection.

    A header matches by meaning: its exact alias (« N° facture », « InvoiceID ») first,
    else the alias whose words it contains (« Date of Transaction »), the closest first.
    """
    folded = [header_words(h) if h not in (None, "") else "" for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for name, header in (overrides or {}).items():
        target = header_words(header)
        if target in folded:
            pos = folded.index(target)
            mapping[name] = pos
            used.add(pos)
    for _rank, pos, name in sorted(_candidates(folded, mapping)):
        if name not in mapping and pos not in used:
            mapping[name] = pos
            used.add(pos)
    # A client number stands for the client when the table has no name; the amount still
    # owed stands for the amount when that is all it has.
    if "client" not in mapping and "client_number" in mapping:
        mapping["client"] = mapping["client_number"]
    if "amount" not in mapping and "balance" in mapping:
        mapping["amount"] = mapping.pop("balance")
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


__all__ = [
    "ALIASES",
    "describe_known_headers",
    "header_words",
    "is_invoice_table",
    "match_headers",
    "normalise",
]
