"""Statuses saying an invoice was cancelled by a credit note (Axonaut's « Annulée par avoir »,
« Annulée (avoir n° AV-12) », Zervant's « Créditée », « Avoir émis »): the invoice is
cancelled, skipped with its reason, never a credit note of its own amount (review-pubwb6 H3,
M2). Matched on the folded status, before the credit-note words."""

from __future__ import annotations

VOIDED = (
    r"\b(annul\w*|cancel\w*|void\w*) (\w+ ){0,2}(par|avec|via|by|with|suite a|contre)? ?"
    r"(un |une |l |d |the |a )?(avoir|credit note|credit memo|note de credit)s?\b|"
    r"^(facture )?creditee?s?( (par|avec) (un |l )?avoir\w*)?$|^credited$|"
    r"^(facture )?(avoir|credit note) (emis|emise|etabli|issued)\b"
)

__all__ = ["VOIDED"]
