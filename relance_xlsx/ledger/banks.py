"""A bank named where a receipts sheet names the payer (« BNP Paribas » under « Client »): the
bank the payment came through, not another client (review-nextcase2 M7). Its payment settles
an invoice only for that invoice's exact amount; any other amount is held."""

from __future__ import annotations

import re
from typing import Any

from .columns import normalise

# A bank's whole name: the short ones (« Shine », « ING », « CIC ») only alone or with a word
# a bank adds (« SA », « France », « Pro », an agency), never inside a client's name (« Shine
# Nettoyage », « Banque Alimentaire du Rhône » are clients: review-attack-6 §10); the regional
# banks' long names may carry their region (« Crédit Agricole Centre-Est »).
_SHORT = (
    r"bnp( paribas)?|lcl|cic|la banque postale|banque postale|boursorama( banque)?|qonto|"
    r"shine|hsbc|axa banque|ing|fortuneo|hello bank|monabanq|bred|revolut|n26|memo bank|"
    r"societe generale|credit du nord|credit cooperatif"
)
_REGIONAL = r"credit agricole|caisse d epargne|banque populaire|credit mutuel"
_ADDED = r"( (sa|france|pro|entreprises|banque|bank|agence( [a-z0-9 ]+)?))*"
_BANKS = re.compile(rf"({_SHORT}){_ADDED}|({_REGIONAL})( [a-z0-9 ]+)?")

BANK_PAID = (
    "règlement reçu par la banque « {bank} » (feuille « {sheet} », ligne {row}) : ce n'est pas "
    "un autre client, le numéro et le montant ({amount}) sont ceux de la facture, le "
    "règlement est appliqué"
)
BANK_OTHER_AMOUNT = (
    "règlement reçu par la banque « {bank} » (feuille « {sheet} », ligne {row}) pour un "
    "montant qui n'est pas celui de la facture : le règlement n'est pas appliqué, la facture "
    "est mise en attente ; vérifiez à quelle facture il se rapporte"
)


def bank_name(payer: Any) -> bool:
    """Whether a payer's name is a bank's (« BNP Paribas », « Crédit Agricole », « Qonto »)."""
    return isinstance(payer, str) and bool(_BANKS.fullmatch(normalise(payer)))


__all__ = ["BANK_OTHER_AMOUNT", "BANK_PAID", "bank_name"]
