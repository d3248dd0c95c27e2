"""An « Avoir » column holding a credit note's number (« AV2026-01 ») rather than oui/non:
a credit note exists against the invoice, its amount is not in the ledger. The invoice is
held, neither chased in full nor read as settled (review-nextcase M6)."""

from __future__ import annotations

import re
from typing import Any

from .values import parse_date

# A reference: letters and digits, one word or a few (« AV2026-01 », « A-12 », « Avoir n° 7 »).
_REFERENCE = re.compile(r"^(?=.*\d)[\w°º./\- ]{2,30}$")


def credit_number(value: Any) -> str | None:
    """The credit note's number an « Avoir » cell holds (text with a digit, not a date nor
    a bare number), else None."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not _REFERENCE.match(text) or re.fullmatch(r"[\d\s.,€-]+", text):
        return None
    try:
        if parse_date(text) is not None:
            return None
    except ValueError:
        pass
    return text


def credit_number_warning(value: Any) -> str | None:
    """The warning on a row whose « Avoir » cell names a credit note, else None."""
    number = credit_number(value)
    if number is None:
        return None
    return (
        f"avoir {number} à imputer, montant inconnu : facture mise en attente, ni relancée "
        "en entier ni tenue pour réglée ; saisissez l'avoir (une ligne au montant négatif) ou "
        "son montant dans la colonne « Avoir »"
    )


__all__ = ["credit_number", "credit_number_warning"]
