"""The client column when no alias names it: a header that speaks of the client or the
company (« Nom de la société ou du client », facture.net), or the « Intitulé » of a table
without invoice numbers (a per-client balance's account name) (review-pubwb6 H4).

The issuer (« Société émettrice », « Notre société », « Fournisseur », « Vendeur ») is never
the client; among the client's headers the billed one (« Client facturé », « Client final »)
wins over the delivered one (« Client livré », « Chantier ») (review-nextcase2 H5)."""

from __future__ import annotations

_CLIENT_WORDS = frozenset({"client", "societe", "abonne"})
# Words of a header about something of the client other than its name.
_NOT_NAME = frozenset(
    {"code", "no", "ref", "reference", "type", "categorie", "email", "mail", "courriel"}
    | {"adresse", "ville", "pays", "telephone", "tel", "siret", "siren", "contact", "commande"}
    | {"compte", "tva", "cp", "postal", "rue", "groupe", "segment", "secteur", "langue"}
)
# Words of a header naming the invoice's issuer: ourselves, never the client.
_ISSUER = frozenset(
    {"emettrice", "emetteur", "emettrices", "emetteurs", "notre", "nos", "fournisseur"}
    | {"fournisseurs", "vendeur", "vendeurs", "vendeuse", "prestataire"}
)
# A client header's rank: the billed client first, the delivered site last.
_BILLED = frozenset({"facture", "facturee", "factures", "payeur", "donneur", "final", "finale"})
_DELIVERED = frozenset({"livre", "livree", "livraison", "chantier", "site", "utilisateur"})
# Words of a header about the client's money (« Total facture client »): never its name.
_MONEY = frozenset({"total", "montant", "ttc", "ht", "solde", "somme", "prix", "reste"})
_ACCOUNT_NAMES = frozenset(
    {"intitule", "intitule du compte", "intitule compte", "libelle du compte", "libelle compte"}
)


def _rank(text: str) -> int:
    words = set(text.split())
    return 0 if words & _BILLED else 2 if words & _DELIVERED else 1


def billed_client(folded: list[str], mapping: dict[str, int], used: set[int]) -> None:
    """Drop an issuer's column taken for the client, and prefer the billed client's header
    to another client header (in place)."""
    if "client" not in mapping:
        return
    taken = mapping["client"]
    if set(folded[taken].split()) & _ISSUER:
        del mapping["client"]
        used.discard(taken)
    others = [
        pos
        for pos, text in enumerate(folded)
        if "client" in text.split() and _named(text) and (pos not in used or pos == taken)
    ]
    if not others:
        return
    best = min(others, key=lambda p: (_rank(folded[p]), p))
    current = mapping.get("client")
    if current is None or (_rank(folded[best]) < _rank(folded[current])):
        if current is not None:
            used.discard(current)
        mapping["client"] = best
        used.add(best)


def _named(text: str) -> bool:
    words = set(text.split())
    return not words & (_NOT_NAME | _ISSUER | _MONEY)


def name_client(folded: list[str], mapping: dict[str, int], used: set[int]) -> None:
    """Map « client » to the column that names it, when no alias did (in place)."""
    billed_client(folded, mapping, used)
    if "client" in mapping:
        return
    named = [
        pos
        for pos, text in enumerate(folded)
        if pos not in used and set(text.split()) & _CLIENT_WORDS and _named(text)
    ]
    if named:  # the billed client first, the delivered site last, else the first header
        mapping["client"] = min(named, key=lambda p: (_rank(folded[p]), p))
        used.add(mapping["client"])
        return
    # Xero's « ContactName » with no client column is the customer; « Contact » alone stays
    # the person to write to (review-pubwb8 M2).
    contact = mapping.get("contact")
    if contact is not None and folded[contact] == "contact name":
        mapping["client"] = mapping.pop("contact")
        return
    label = mapping.get("object")
    money = "amount" in mapping or "balance" in mapping
    if money and "invoice" not in mapping and label is not None and folded[label] in _ACCOUNT_NAMES:
        mapping["client"] = mapping.pop("object")


__all__ = ["billed_client", "name_client"]
