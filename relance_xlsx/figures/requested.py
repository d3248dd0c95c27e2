"""The figures a litigation file gives for the request: principal, credit notes deducted (never
beyond the principal: a claim is never negative), interest, indemnities, total."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..wording import money
from .days import interest_stop, short_day
from .docxwrite import paragraph

# What a credit note beyond the principal is, and what to do with it.
UNALLOCATED = (
    "au-delà du principal, il n'est déduit ni des pénalités ni des indemnités ; à "
    "rembourser au client ou à imputer dans le classeur, colonne « Facture d'origine »"
)

if TYPE_CHECKING:
    from .dossier import Dossier


def request_lines(dossier: Dossier) -> list[str]:
    """« Chiffres pour la requête », one paragraph a figure; a credit beyond the principal is
    said « avoir non imputé », and deducted from nothing else."""
    stop = interest_stop(dossier.invoices, dossier.as_of)
    # « Avoirs à déduire : 200,00 € », never « -200,00 € »: a double negative (law-4 §11).
    deducted = dossier.credited
    # Penalties received beyond the table, imputed on the indemnity (Code civil 1342-10).
    excess = round(dossier.indemnity - dossier.net_indemnity, 2)
    out = [paragraph("Chiffres pour la requête", "Heading2")]
    out += [
        paragraph(f"{label} : {money(value)}")
        for label, value in (
            ("Principal", dossier.principal),
            *((("Avoirs à déduire", deducted),) if dossier.credits else ()),
            (f"Intérêts arrêtés {stop}", dossier.interest),
            ("Indemnités forfaitaires", dossier.indemnity),
            *((("Excédent de pénalités reçu, imputé sur l'indemnité", excess),) if excess else ()),
            ("Total réclamé", dossier.total),
        )
    ]
    if dossier.unallocated > 0.005:  # after « Avoirs à déduire »
        out.insert(
            3,
            paragraph(f"Avoir non imputé : {money(dossier.unallocated)} ({UNALLOCATED})"),
        )
    if dossier.credits:  # right after « Avoirs à déduire »: where the deduction comes from
        out.insert(3, paragraph(credit_detail(dossier.credits, dossier.credited)))
    return out


def credit_detail(credits: Sequence[Any], deducted: float, claimed: str = "réclamé") -> str:
    """Where the credit notes deducted come from: each one, what it settled of the invoice it
    names, what is left of it; then how much is deducted from the principal claimed, by
    compensation with what the client owes (Code civil 1347), never from the penalties."""
    items = []
    for c in credits:
        whole, left = round(-c.amount, 2), round(-c.principal, 2)
        day = f" du {short_day(c.issued)}" if c.issued else ""
        what = f"avoir {c.number}{day}"
        used = round(whole - left, 2)
        if c.credit_for and used > 0.005:
            what += (
                f" ({money(whole)}) : {money(used)} imputés sur la facture n° {c.credit_for}, "
                f"qu'il solde ; reste {money(left)}"
            )
        elif c.credit_for:
            what += f" ({money(left)}), sur la facture n° {c.credit_for}"
        else:
            what += f" ({money(left)}), qui ne vise aucune facture"
        items.append(what)
    taken = (
        f"{money(deducted)} en sont déduits du principal {claimed}, par compensation avec ce que "
        "le client doit (Code civil 1347), jamais des pénalités ni des indemnités"
        if deducted > 0.005
        else f"rien n'en est déduit, aucun principal n'étant {claimed}"
    )
    return f"Détail des avoirs : {' ; '.join(items)}. {taken[0].upper()}{taken[1:]}."


__all__ = ["UNALLOCATED", "credit_detail", "request_lines"]
