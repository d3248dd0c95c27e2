"""What is left to pay under headers the synonyms leave to the content (review-pubwb6 M4,
M5): « Montant ouvert », « Encours », « Impayé », « À encaisser » beside the amount, never
above it row by row, are the balance; Zervant's « Montant total » beside « Montant dû » is
the invoice's total, « Montant dû » what is left of it. A column of 0 and 1 only is a yes/no,
never a balance of 1 € (review-nextcase2 H3): it is not read, and said."""

from __future__ import annotations

import numpy as np

from .aged import is_bucket
from .column_case import Case
from .columns import header_words

_OPEN = frozenset(
    {"montant ouvert", "encours", "en cours", "encours client", "impaye", "montant impaye ttc"}
    | {"a encaisser", "montant a encaisser", "reste ouvert", "ouvert", "du"}
)
_TOTAL = frozenset({"montant total", "montant total facture", "total facture"})
# After ageing buckets (« Current » … « Older », « Non échu » … « > 90 j »), the « Total » is
# the sum of the buckets: what is left of the invoice (review-pubwb8 H2).
_BUCKETS_TOTAL = frozenset({"total", "total du", "solde", "total solde", "total ttc"})
_BUCKETS = 2
_CENT = 0.005
_FILLED = 0.8


def open_amounts(case: Case) -> None:
    """The balance (or, beside it, the total) read from a free column by its header and
    content, before the balance stands for the amount."""
    if "amount" in case.pos and "balance" not in case.pos:
        column = _beside(case, _OPEN, case.pos["amount"], above=False)
        if column is None and _bucketed(case):
            column = _beside(case, _BUCKETS_TOTAL, case.pos["amount"], above=False)
        if column is not None:
            case.pos["balance"] = column
            case.evidence["balance"] = "d'après le contenu : jamais plus que le montant"
            case.notes.append(
                f"« {case.name(column)} » ne dépasse jamais le montant : lu comme le reste dû."
            )
    elif "amount" not in case.pos and "balance" in case.pos:
        column = _beside(case, _TOTAL, case.pos["balance"], above=True)
        if column is not None:
            case.pos["amount"] = column
            case.evidence["amount"] = "d'après le contenu : jamais moins que le montant dû"


def _bucketed(case: Case) -> bool:
    """Whether the free columns hold ageing buckets before a « Total »."""
    free = list(case.free())
    buckets = [c for c in free if is_bucket(case.name(c))]
    after = [c for c in free if header_words(case.name(c)) in _BUCKETS_TOTAL]
    return len(buckets) >= _BUCKETS and any(c > max(buckets) for c in after)


def _beside(case: Case, headers: frozenset[str], other: int, above: bool) -> int | None:
    """The free column named by one of the headers whose numbers stay on one side of the
    other column's, row by row (above: never below it; else never above it)."""
    base = case.profiles[other].values
    for column in case.free():
        if header_words(case.name(column)) not in headers or not case.numeric(column):
            continue
        values = case.profiles[column].values
        both = ~np.isnan(values) & ~np.isnan(base)
        if both.sum() < max(1, _FILLED * case.profiles[column].filled):
            continue
        flags = values[both]
        if np.isin(flags, (0.0, 1.0, -1.0)).all() and (np.abs(flags) == 1).any():
            case.notes.append(
                f"« {case.name(column)} » ne contient que des 0 et des 1 : un oui/non, pas un "
                "montant ; la colonne n'est pas lue comme le reste dû."
            )
            continue
        gap = (values - base)[both] if above else (base - values)[both]
        if (gap >= -_CENT).all() and (values[both] >= -_CENT).all():
            return column
        if not above and (gap < -_CENT).any():  # « Encours » 5 000 beside an invoice of 850
            case.notes.append(
                f"« {case.name(column)} » dépasse le montant de la facture sur "
                f"{int((gap < -_CENT).sum())} ligne(s) : pas le reste dû de la facture (un "
                "encours du client ?), la colonne n'est pas lue."
            )
    return None


__all__ = ["open_amounts"]
