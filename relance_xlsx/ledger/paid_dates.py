"""An « Encaissement » column holding dates, not amounts: the day the invoice was paid, in
full (review-nextcase L3). A date after the run's day is a payment not received yet, as any
payment date is (settledon.py)."""

from __future__ import annotations

from .column_case import Case

# A header that names an amount keeps it: dates there are a typing error, said on each row.
_AMOUNT_WORDS = frozenset({"montant", "somme", "total", "amount", "eur", "euros", "ttc", "ht"})


def paid_dates(case: Case) -> None:
    """A paid-amount column holding only dates (« Encaissement ») is the payment date."""
    column = case.movable("paid")
    if column is None or "payment_date" in case.pos or case.words(column) & _AMOUNT_WORDS:
        return
    p = case.profiles[column]
    if not p.filled or p.dates < 1.0:
        return
    case.move(
        "paid",
        "payment_date",
        "d'après le contenu : 100 % de dates, pas des montants",
        f"« {case.name(column)} » contient des dates, pas des montants : lu comme la date de "
        "règlement (facture réglée en entier ce jour-là ; une date à venir n'est pas un "
        "règlement reçu).",
    )


__all__ = ["paid_dates"]
