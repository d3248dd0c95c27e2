"""Rows of the grid that are not invoices (blank, totals, cancelled), with the reason."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .columns import normalise
from .grid import Grid
from .problems import Skip
from .values import status_says_cancelled

_TOTAL_RE = re.compile(
    r"^(grand )?(total|totaux|sous total|subtotal|sub total|somme|sum|moyenne|average|avg|"
    r"max|min|cumul|report)\b"
)
# First letters of the words _TOTAL_RE knows: most invoice numbers are ruled out by this alone.
_TOTAL_INITIALS = frozenset("gtsmacrGTSMACR")


def skip_rows(grid: Grid) -> tuple[np.ndarray, list[Skip]]:
    """Which rows are invoices; the others with the reason they are passed over."""
    invoice, amount = grid.raw("invoice"), grid.raw("amount")
    keep = np.ones(len(grid), dtype=bool)
    skips: list[Skip] = []
    for i in np.flatnonzero(invoice.mask(_blank_or_total)):
        cells = grid.row(int(i))
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            reason = "ligne vide"
        elif any(isinstance(c, str) and _TOTAL_RE.match(normalise(c)) for c in cells):
            reason = "ligne de total"
        elif _blank(amount.at(int(i))):
            reason = "ni numéro de facture ni montant"
        else:
            continue
        keep[i] = False
        skips.append(Skip(int(grid.numbers[i]), reason))
    cancelled = grid.raw("status").mask(lambda s: s is not None and status_says_cancelled(s))
    for i in np.flatnonzero(keep & cancelled):
        keep[i] = False
        skips.append(Skip(int(grid.numbers[i]), "facture annulée"))
    # Blank rows after the last invoice are the sheet's end, not rows to report.
    end = grid.numbers[np.flatnonzero(keep)[-1]] if keep.any() else -1
    skips = [s for s in skips if not (s.reason == "ligne vide" and s.row > end)]
    return keep, sorted(skips, key=lambda s: s.row)


def _blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and not value.strip())
    )


def _blank_or_total(value: Any) -> bool:
    if value.__class__ is not str:
        return _blank(value)
    first = value.lstrip()[:1]
    # The initial rules out almost every invoice number before the regex runs.
    return not first or (first in _TOTAL_INITIALS and bool(_TOTAL_RE.match(normalise(value))))


__all__ = ["skip_rows"]
