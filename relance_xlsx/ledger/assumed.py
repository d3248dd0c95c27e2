"""What the reading assumed and a run must say as well as `check`: a due date computed for
want of a due-date column, statuses and closing words it does not know (their invoices are
chased)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .columns import match_headers
from .flagged import UNKNOWN_FLAGS
from .lettering import NOT_LETTERING, SAID_LETTERING
from .problems import Decision
from .standing import UNKNOWN_STATUS

DUE_ASSUMED = "Pas de colonne Échéance"


def assumed_due(
    positions: Mapping[str, int], headers: Mapping[str, str], dated: int, days: int
) -> list[Decision]:
    """The decision line for due dates computed from the invoice date, when no column gives
    them (none when there is one, or no invoice has a date)."""
    if "due_date" in positions or not dated:
        return []
    terms = headers.get("terms")
    rule = (
        f"date de facture + les conditions de paiement de « {terms} », sinon {days} jours"
        if terms
        else f"date de facture + {days} jours"
    )
    if terms and match_headers([terms]).get("due_date") == 0:
        # « Échéance » = « 30 jours »: the column is there, but it holds terms, not dates.
        said = f"{DUE_ASSUMED} en dates (« {terms} » contient des conditions de paiement)"
    else:
        said = DUE_ASSUMED
    return [Decision(f"{said} : échéance = {rule} ([policy] default_terms_days)", dated)]


def said_in_run(decisions: Iterable[Decision]) -> list[str]:
    """The reading's decisions a run repeats among its warnings, once each."""
    return [
        f"{d.what} ({d.count} ligne(s))."
        for d in decisions
        if d.what.startswith(DUE_ASSUMED)
        or UNKNOWN_STATUS in d.what
        or any(u in d.what for u in UNKNOWN_FLAGS)
        # Invoices a lettering column settles, or a column not read as one (review-nextcase H5).
        or any(u in d.what for u in (NOT_LETTERING, *SAID_LETTERING.values()))
    ]


__all__ = ["DUE_ASSUMED", "assumed_due", "said_in_run"]
