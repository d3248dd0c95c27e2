"""Columns of dates where amounts or flags were looked for: the day the invoice was paid, in
full. « Payée », « Réglée », « Encaissée » holding dates (the clerk types the day under the
participle, review-pubwb6 H2), an « Encaissement » column of dates (review-nextcase L3). A
date after the run's day is a payment not received yet, as any payment date is
(settledon.py)."""

from __future__ import annotations

from .column_case import Case, percent
from .columns import header_words

# A header that names an amount keeps it: dates there are a typing error, said on each row.
_AMOUNT_WORDS = frozenset({"montant", "somme", "total", "amount", "eur", "euros", "ttc", "ht"})
# A header made of a paid participle only (« Payée », « Réglé », « Encaissée ? »).
_PARTICIPLES = frozenset(
    {"paye", "payee", "regle", "reglee", "solde", "soldee", "encaisse", "encaissee", "paid"}
)


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


def participle_dates(case: Case) -> None:
    """A paid participle's column whose filled cells are all dates (at least one, the rest
    empty or placeholders) is the payment date."""
    if "payment_date" in case.pos:
        return
    fields = {j: f for f, j in case.pos.items() if f in ("paid", "paid_flag", "balance")}
    for column in [*fields, *case.free()]:
        field = fields.get(column)
        if field is not None and case.is_fixed(field):
            continue
        words = set(header_words(case.name(column)).split()) - {"oui", "non", "o", "n", "le"}
        p = case.profiles[column]
        if not words or not words <= _PARTICIPLES or not p.filled or p.dates < 1.0:
            continue
        if field is not None:
            del case.pos[field]
        case.pos["payment_date"] = column
        case.evidence["payment_date"] = f"d'après le contenu : {percent(p.dates)} de dates"
        case.notes.append(
            f"« {case.name(column)} » contient des dates : lu comme la date de paiement "
            "(une date = facture réglée ce jour-là)."
        )
        return


__all__ = ["paid_dates", "participle_dates"]
