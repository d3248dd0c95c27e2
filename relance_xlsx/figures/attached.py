"""The pieces a litigation file asks to attach, by the debtor's law."""

from __future__ import annotations

DOCUMENTS = (
    "les factures (copies jointes dans pieces/ quand le classeur donne leur fichier)",
    "les conditions générales de vente, ou le bon de commande ou le devis signé",
    "les bons de livraison ou procès-verbaux de réception",
    "la mise en demeure et son avis de réception",
    "le présent relevé de compte et le détail des intérêts",
)
# A public buyer's contract is its marché, not terms of sale; its payment term runs from the
# receipt of each invoice (R2192-12, legal-fr §8.1), which the file must prove.
PUBLIC_DOCUMENTS = (
    "les factures (copies jointes dans pieces/ quand le classeur donne leur fichier) et la "
    "preuve de leur réception par l'acheteur (le délai de paiement court de cette réception, "
    "Code de la commande publique R2192-12)",
    "le marché (acte d'engagement, cahier des clauses administratives particulières) ou le "
    "bon de commande",
    "les bons de livraison, procès-verbaux de réception ou attestations de service fait",
    "la mise en demeure et son avis de réception",
    "le présent relevé de compte et le détail des intérêts",
)


def documents(public: bool) -> tuple[str, ...]:
    """The pieces to attach to the file of a public buyer, or of any other debtor."""
    return PUBLIC_DOCUMENTS if public else DOCUMENTS


__all__ = ["DOCUMENTS", "PUBLIC_DOCUMENTS", "documents"]
