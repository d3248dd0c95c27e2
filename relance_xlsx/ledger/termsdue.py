"""Payment terms typed under a due-date header (« Échéance » = « 30 jours », « À réception »):
read as the terms, the due date counted from the invoice date, never refused as bad dates."""

from __future__ import annotations

from .column_case import Case
from .terms import parse_terms
from .values import parse_date

_SHARE = 0.8  # of the filled cells: terms, and no date among them


def terms_under_due(case: Case) -> None:
    """A due-date column of terms (« 30 jours fin de mois ») is the terms column."""
    column = case.movable("due_date")
    if column is None or "terms" in case.pos:
        return
    cells = [r[column] if column < len(r) else None for r in case.profiles.sample]
    texts = [v for v in cells if isinstance(v, str) and v.strip()]
    filled = case.profiles[column].filled
    if not texts or len(texts) < _SHARE * filled or any(map(_is_date, texts)):
        return
    if sum(map(_is_terms, texts)) < _SHARE * len(texts):
        return
    case.move(
        "due_date",
        "terms",
        f"d'après le contenu : des conditions de paiement (« {texts[0].strip()} »), pas des dates",
        f"« {case.name(column)} » contient des conditions de paiement (« {texts[0].strip()} »…), "
        "pas des dates : l'échéance est comptée depuis la date de facture selon ces conditions.",
    )


def _is_terms(text: str) -> bool:
    try:
        return parse_terms(text) is not None
    except ValueError:
        return False


def _is_date(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except ValueError:
        return False


__all__ = ["terms_under_due"]
