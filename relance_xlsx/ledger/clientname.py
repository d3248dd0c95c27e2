"""The client column when no alias names it: a header that speaks of the client or the
company (« Nom de la société ou du client », facture.net), or the « Intitulé » of a table
without invoice numbers (a per-client balance's account name) (review-pubwb6 H4)."""

from __future__ import annotations

_CLIENT_WORDS = frozenset({"client", "societe", "abonne"})
# Words of a header about something of the client other than its name.
_NOT_NAME = frozenset(
    {"code", "no", "ref", "reference", "type", "categorie", "email", "mail", "courriel"}
    | {"adresse", "ville", "pays", "telephone", "tel", "siret", "siren", "contact", "commande"}
    | {"compte", "tva", "cp", "postal", "rue", "groupe", "segment", "secteur", "langue"}
)
_ACCOUNT_NAMES = frozenset(
    {"intitule", "intitule du compte", "intitule compte", "libelle du compte", "libelle compte"}
)


def name_client(folded: list[str], mapping: dict[str, int], used: set[int]) -> None:
    """Map « client » to the column that names it, when no alias did (in place)."""
    if "client" in mapping:
        return
    for pos, text in enumerate(folded):
        words = set(text.split())
        if pos not in used and words & _CLIENT_WORDS and not words & _NOT_NAME:
            mapping["client"] = pos
            used.add(pos)
            return
    label = mapping.get("object")
    money = "amount" in mapping or "balance" in mapping
    if money and "invoice" not in mapping and label is not None and folded[label] in _ACCOUNT_NAMES:
        mapping["client"] = mapping.pop("object")


__all__ = ["name_client"]
