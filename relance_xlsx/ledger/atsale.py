"""A « Moyen de paiement » column of a sales receipts book (a shop's « livre de recettes »):
a sale paid by card, PayPal, Stripe or cash was paid when it was made. Such a row is held,
with a warning on its row, never chased (review-pubwb8 H6); a transfer, a cheque or a direct
debit says nothing of a payment and leaves the row as it is. Only in a receipts book (no due
date, no payment terms): on an invoice ledger, « Mode de règlement » = CB is the agreed way
to pay, not a payment, and the column says nothing (review-pubre H5)."""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Any

from .columns import normalise
from .statuses import HOLD

# Folded values paid at the sale: « card », « Carte bancaire », « CB », « PayPal », « Espèces ».
_AT_SALE = re.compile(
    r"\b(cartes?|cb|cards?|credit card|debit card|visa|mastercard|amex|paypal|stripe|"
    r"especes?|cash|liquide|sumup|apple pay|google pay|lydia|tpe)\b"
)
AT_SALE = (
    "payée à la vente d'après son moyen de paiement (carte, PayPal, Stripe, espèces…) : un "
    "livre de recettes enregistre des ventes déjà encaissées ; facture mise en attente, pas "
    "de relance ; si elle est encore due, effacez son moyen de paiement"
)
NOT_RECEIPTS = (
    "moyen de paiement convenu d'une facture (elle a une échéance ou des conditions de "
    "paiement), pas la preuve d'un paiement : il ne change rien, la facture est relancée si "
    "elle est échue"
)
UNKNOWN_METHOD = "moyen de paiement non reconnu : la facture est relancée si elle est échue"


def receipts_book(positions: Container[str]) -> bool:
    """Whether a table with these fields is a receipts book: no due date, no payment terms."""
    return "due_date" not in positions and "terms" not in positions


def at_sale_word(value: Any) -> bool:
    """Whether a payment-method cell names a means paid at the sale (card, PayPal, cash)."""
    return isinstance(value, str) and bool(_AT_SALE.search(normalise(value)))


def at_sale_meaning(value: Any) -> str | None:
    """HOLD for a sale paid at once (card, PayPal, cash), else None."""
    return HOLD if at_sale_word(value) else None


def at_sale_warning(value: Any) -> str | None:
    """The warning of a row paid at the sale, else None."""
    return AT_SALE if at_sale_word(value) else None


__all__ = [
    "AT_SALE",
    "NOT_RECEIPTS",
    "UNKNOWN_METHOD",
    "at_sale_meaning",
    "at_sale_warning",
    "at_sale_word",
    "receipts_book",
]
