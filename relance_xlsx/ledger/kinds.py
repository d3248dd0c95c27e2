"""The kind of each document a « Type », « Nature », « Tipo » column gives: a credit note
(« Avoir », « Credit note », « Nota de crédito », « Gutschrift », « AV »), else unchanged."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .columns import normalise
from .grid import Grid

# Folded values (case, accents, punctuation) that name a credit note, as a whole word:
# « AV », « Avoir », « 3 - Nota de Crédito A » (AFIP), « Nota di credito », « Gutschrift ».
# « Facture », « Invoice », « FA » and any other value leave the row as it is.
_CREDIT = re.compile(
    r"\b(?:avoirs?|av|credit\s+notes?|credit\s+memos?|not[aei]s?\s+d[ei]\s+credit[oi]?|"
    r"gutschrift(?:en)?)\b"
)


def is_credit_kind(value: Any) -> bool:
    """Whether a document-type cell names a credit note."""
    return isinstance(value, str) and bool(_CREDIT.search(normalise(value)))


def kind_credits(grid: Grid) -> np.ndarray:
    """Rows whose document-type column names a credit note (none without the column)."""
    if "doc_type" not in grid.positions:
        return np.zeros(len(grid), dtype=bool)
    return grid.raw("doc_type").mask(is_credit_kind)


__all__ = ["is_credit_kind", "kind_credits"]
