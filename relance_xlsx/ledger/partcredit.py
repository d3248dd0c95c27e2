"""A « cancelled by a credit note » status beside a credit smaller than the invoice on its row
(an « Avoir » amount column, « Avoir émis (200 €) »): a partial credit, the invoice kept, the
credit deducted and the rest chased, never skipped whole (review-nextcase2 H4)."""

from __future__ import annotations

import numpy as np

from .columns import normalise
from .grid import Grid
from .numbers import amount_or_nan
from .told import told
from .voided import STATUSES, VOIDED_RE


def partly_credited(grid: Grid) -> np.ndarray:
    """Rows of a « cancelled by a credit note » status whose row shows a credit smaller than
    the invoice (« Avoir » 200 on 1 200 €, « Avoir émis (200 €) » on 600 €): kept as invoices,
    the credit deducted, never skipped whole."""
    out = np.zeros(len(grid), dtype=bool)
    if "amount" not in grid.positions:
        return out
    amount = grid.raw("amount")
    credit = grid.raw("credit_applied") if "credit_applied" in grid.positions else None
    for field in STATUSES:
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        said = raw.mask(lambda v: isinstance(v, str) and bool(VOIDED_RE.search(normalise(v))))
        for i in np.flatnonzero(said & ~out).tolist():  # a few rows: each read alone
            owed = amount_or_nan(amount.at(i))
            written = told(raw.at(i))
            part = abs(amount_or_nan(credit.at(i))) if credit is not None else np.nan
            if written is not None and written[0] == "paid" and np.isnan(part):
                part = written[1]
            out[i] = bool(owed > 0 and 0 < part < owed - 0.005)
    return out


__all__ = ["partly_credited"]
