"""The statement of account of a litigation file: its open invoices and credit notes, the
balance (an invoice paid late is in the claim for its penalties, not here)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..policy import DOUBTFUL_LABEL
from ..wording import day_long, money
from .days import day_or_dash as _day
from .docxwrite import paragraph, table
from .timebar import barred_text

if TYPE_CHECKING:
    from .dossier import ClaimedInvoice, Dossier


def statement_lines(dossier: Dossier) -> list[str]:
    """The client's statement of account: its open invoices and credit notes, the balance."""
    disputed = {i.number for i, why in dossier.set_aside if why == "contestée"}
    checked = {i.number for i, why in dossier.set_aside if why == DOUBTFUL_LABEL}
    lines = [
        _line(inv, dossier, disputed, checked)
        for inv in sorted(
            # The open items only: an invoice paid late is in the claim for its penalties.
            [
                *(i for i in dossier.invoices if i.principal >= 0.005),
                *dossier.not_due,
                *(i for i, _ in dossier.set_aside),
                *dossier.credits,
            ],
            key=lambda i: (i.due or dt.date.max, i.number),
        )
    ]
    # A payment said but not sure (policy/doubtful.py): listed, left out of the balance.
    others = [*dossier.not_due, *(i for i, why in dossier.set_aside if why != DOUBTFUL_LABEL)]
    balance = dossier.principal + sum(i.principal for i in others) - dossier.open_credit
    out = [
        paragraph(f"Relevé de compte au {day_long(dossier.as_of)}", "Heading2"),
        table(("Pièce", "Date", "Échéance", "Montant", "Réglé", "Solde"), lines, right=(3, 4, 5)),
        paragraph(f"Solde du compte : {money(balance)}"),
    ]
    if dossier.not_due:
        numbers = ", ".join(i.number for i in dossier.not_due)
        out.append(paragraph(f"Non échues, donc hors de la créance réclamée : {numbers}."))
    if dossier.set_aside:
        named = ", ".join(f"{i.number} ({why})" for i, why in dossier.set_aside)
        out.append(paragraph(f"Échues, mais hors de la créance réclamée : {named}."))
    if dossier.barred:  # never in the balance: what is claimable only
        named = " ; ".join(f"{i.number}, {barred_text(bar)}" for i, bar in dossier.barred)
        out.append(paragraph(f"Hors du solde, non réclamées : {named}."))
    return out


def _line(
    inv: ClaimedInvoice, dossier: Dossier, disputed: set[str], checked: set[str]
) -> tuple[str, ...]:
    """An item of the statement; a credit note with no due date and no negative figure
    (« 200,00 € à déduire », the fourth legal review, 11)."""
    label = f"{_label(inv, dossier, disputed)} {inv.number}"
    if inv.number in checked:
        label += f" ({DOUBTFUL_LABEL}, hors solde)"
    if inv in dossier.credits:
        left = f"{money(abs(inv.principal))} à déduire"
        return (label, _day(inv.issued), "–", money(abs(inv.amount)), "–", left)
    return (
        label,
        _day(inv.issued),
        _day(inv.due),
        money(inv.amount),
        money(inv.paid),
        money(inv.principal),
    )


def _label(inv: ClaimedInvoice, dossier: Dossier, disputed: set[str]) -> str:
    """« Avoir », « Facture », or « Facture contestée » as the letters' annexes say it."""
    if inv in dossier.credits:
        return "Avoir"
    return "Facture contestée" if inv.number in disputed else "Facture"


__all__ = ["statement_lines"]
