"""The figures a litigation file gives for the request: principal, credit notes deducted (never
beyond the principal: a claim is never negative), interest, indemnities, total."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..wording import money
from .days import interest_stop
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
    deducted = -dossier.credited if dossier.credited else 0.0
    out = [paragraph("Chiffres pour la requête", "Heading2")]
    out += [
        paragraph(f"{label} : {money(value)}")
        for label, value in (
            ("Principal", dossier.principal),
            *((("Avoirs à déduire", deducted),) if dossier.credits else ()),
            (f"Intérêts arrêtés {stop}", dossier.interest),
            ("Indemnités forfaitaires", dossier.indemnity),
            ("Total réclamé", dossier.total),
        )
    ]
    if dossier.unallocated > 0.005:  # after « Avoirs à déduire »
        out.insert(
            3,
            paragraph(f"Avoir non imputé : {money(dossier.unallocated)} ({UNALLOCATED})"),
        )
    return out


__all__ = ["UNALLOCATED", "request_lines"]
