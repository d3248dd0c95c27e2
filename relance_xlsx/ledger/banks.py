"""A bank named where a receipts sheet names the payer (« BNP Paribas » under « Client »): the
bank the payment came through, not another client (review-nextcase2 M7). Its payment settles
an invoice only for that invoice's exact amount; any other amount is held."""

from __future__ import annotations

import re
from typing import Any

from .columns import normalise

_BANKS = re.compile(
    r"\b(bnp( paribas)?|credit agricole|societe generale|lcl|cic|la banque postale|"
    r"banque postale|caisse d epargne|banque populaire|credit mutuel|boursorama|qonto|shine|"
    r"hsbc|credit du nord|axa banque|ing|fortuneo|hello bank|monabanq|bred|"
    r"credit cooperatif|revolut|n26|memo bank|banque)\b"
)

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
    return isinstance(payer, str) and bool(_BANKS.search(normalise(payer)))


__all__ = ["BANK_OTHER_AMOUNT", "BANK_PAID", "bank_name"]
