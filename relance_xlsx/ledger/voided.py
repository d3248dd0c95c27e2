"""Statuses saying an invoice was cancelled by a credit note (Axonaut's « Annulée par avoir »,
« Annulée (avoir n° AV-12) », Zervant's « Créditée », « Avoir émis »): the invoice is
cancelled, skipped with its reason, never a credit note of its own amount (review-pubwb6 H3,
M2). Matched on the folded status, before the credit-note words.

The credit note cancelled (« Annulation de l'avoir AV-3 ») never cancels the invoice; a
partial credit on the row is partcredit.py's (review-nextcase2 H4)."""

from __future__ import annotations

import re

import numpy as np

from .columns import normalise
from .grid import Grid
from .numbers import amount_or_nan

VOIDED = (
    r"\b(?!annulation (de |du |d )?(l |un |une |cet |cette )?(avoir|credit))"
    r"(annul\w*|cancel\w*|void\w*) (\w+ ){0,2}(par|avec|via|by|with|suite a|contre)? ?"
    r"(un |une |l |d |the |a )?(avoir|credit note|credit memo|note de credit)s?\b|"
    r"^(facture )?creditee?s?( (par|avec) (un |l )?avoir\w*)?$|^credited$|"
    r"^(facture )?(avoir|credit note) (emis|emise|etabli|issued)\b"
)

VOIDED_RE = re.compile(VOIDED)
STATUSES = ("status", "payment_status", "platform_status")


def voided_credit_notes(grid: Grid) -> np.ndarray:
    """Rows of a negative amount whose status reads « Avoir émis », « Créditée »…: the credit
    note itself, issued, never a cancelled invoice skipped (its credit would be lost)."""
    out = np.zeros(len(grid), dtype=bool)
    for field in STATUSES:
        if field in grid.positions:
            raw = grid.raw(field)
            said = np.array(
                [isinstance(v, str) and bool(VOIDED_RE.search(normalise(v))) for v in raw.values],
                dtype=bool,
            )
            out |= said[raw.codes] & (raw.codes >= 0)
    if "amount" not in grid.positions or not out.any():
        return out & False
    amount = grid.raw("amount")
    for i in np.flatnonzero(out).tolist():  # a few rows: each amount read alone
        out[i] = amount_or_nan(amount.at(i)) < 0
    return out


__all__ = ["STATUSES", "VOIDED", "VOIDED_RE", "voided_credit_notes"]
