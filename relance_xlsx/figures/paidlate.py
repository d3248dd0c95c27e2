"""What a declaration of claim says of the invoices paid late before the opening judgment:
their interest up to the payment and their indemnity, claims born before the judgment, are
declared with the rest (Code de commerce L441-10 II, L622-24)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..wording import day_long, money

if TYPE_CHECKING:
    from .declaration import Declaration


def _law(d: Declaration) -> str:
    """What gives the interest of this debtor's late payment, and L622-24 the declaration."""
    if d.debtor.consumer:
        return "Code civil 1231-6 ; Code de commerce L622-24"
    if d.debtor.public:
        return "Code de la commande publique L2192-13 ; Code de commerce L622-24"
    return "Code de commerce L441-10 II et L622-24"


def paid_late_lines(d: Declaration) -> list[str]:
    """« Facture K1 réglée le 1er septembre 2026, après son échéance du 15 mai 2026 et avant le
    jugement d'ouverture : … déclarés », one line per such invoice."""
    by_number = {i.number: i for i in d.due}
    out = []
    for number, day in d.paid_late:
        inv = by_number[number]
        paid = f" le {day_long(day)}" if day else ""
        due = f" du {day_long(inv.due)}" if inv.due else ""
        owed = [
            *([f"intérêts de retard du lendemain de l'échéance au jour du règlement "
               f"({money(inv.interest)})"] if inv.interest > 0.005 else []),
            *([f"indemnité forfaitaire ({money(inv.indemnity)})"] if inv.indemnity > 0.005
              else []),
        ]  # fmt: skip
        out.append(
            f"Facture {number} réglée{paid}, après son échéance{due} et avant le jugement "
            f"d'ouverture : {' et '.join(owed)}, restés dus, créance née avant le jugement et "
            f"déclarée ({_law(d)})."
        )
    return out


def paid_late_basis(d: Declaration) -> list[str]:
    """The basis line of the penalties of the invoices paid late before the judgment."""
    if not d.paid_late:
        return []
    numbers = ", ".join(number for number, _ in d.paid_late)
    which = f"facture{'s' if len(d.paid_late) > 1 else ''} {numbers}"
    name = "Pénalités de retard dues" if not (d.debtor.consumer or d.debtor.public) else (
        "Intérêts moratoires dus" if d.debtor.public else "Intérêts de retard dus"
    )  # fmt: skip
    return [
        f"{name} sur factures réglées après l'échéance, avant le jugement d'ouverture "
        f"({which}) : du lendemain de l'échéance au jour du règlement, créances nées avant le "
        f"jugement, déclarées ({_law(d)})"
    ]


def interest_span(d: Declaration, eve: dt.date) -> str:
    """« Intérêts de retard, du lendemain de chaque échéance au … » with each stop true: the
    eve of the judgment (L622-28), or the payment's day for an invoice paid before it."""
    stop = (
        f"au {day_long(eve)}, veille du jugement d'ouverture qui en arrête le cours (Code de "
        "commerce L622-28)"
    )
    early = [number for number, _ in d.paid_late]
    if not early:
        return f"Intérêts de retard, du lendemain de chaque échéance {stop}"
    which = f"facture{'s' if len(early) > 1 else ''} {', '.join(early)}"
    if {i.number for i in d.due if i.periods} <= set(early):
        return (
            "Intérêts de retard, du lendemain de l'échéance jusqu'au jour du règlement, pour "
            f"{'les factures réglées' if len(early) > 1 else 'la facture réglée'} avant le "
            f"jugement d'ouverture ({which})"
        )
    return (
        f"Intérêts de retard, du lendemain de chaque échéance jusqu'{stop}, ou jusqu'au "
        f"jour du règlement pour une facture réglée avant lui ({which})"
    )


__all__ = ["interest_span", "paid_late_basis", "paid_late_lines"]
