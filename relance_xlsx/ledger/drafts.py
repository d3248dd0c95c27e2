"""A « Brouillon » / « Draft » oui/non column (facture.net's export): a row it says yes to
is a draft, never an invoice issued, skipped and said (review-pubwb6 H4)."""

from __future__ import annotations

from typing import Any

from .statuses import DRAFT
from .values import parse_flag

UNKNOWN_DRAFT = (
    "brouillon (oui/non) non reconnu : la ligne est tenue pour une facture émise, relancée si "
    "elle est échue"
)


def draft_meaning(value: Any) -> str | None:
    """DRAFT for a cell that says yes (oui, true, x, 1), else None."""
    return DRAFT if draft_word(value) else None


def draft_word(value: Any) -> bool | None:
    """True for yes, False for no or empty, None for a value not known."""
    try:
        return bool(parse_flag(value))
    except ValueError:
        return None


__all__ = ["UNKNOWN_DRAFT", "draft_meaning", "draft_word"]
