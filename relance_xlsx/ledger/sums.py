"""Sums between columns and down a column: net + VAT = total, a running total, a totals row.

All in numpy over the numbers of a column (NaN where a cell holds none).
"""

from __future__ import annotations

import numpy as np

# Cents: amounts typed by hand or computed by formulas agree to the cent.
TOLERANCE = 0.011


def adds_up(net: np.ndarray, vat: np.ndarray, total: np.ndarray) -> tuple[int, int]:
    """(rows where net + vat = total, rows where all three are filled)."""
    both = ~np.isnan(net) & ~np.isnan(vat) & ~np.isnan(total)
    good = np.abs(net[both] + vat[both] - total[both]) <= TOLERANCE + 1e-9 * np.abs(total[both])
    return int(good.sum()), int(both.sum())


def running_total(column: np.ndarray, base: np.ndarray, share: float = 0.8) -> bool:
    """Whether column is a running total of base: on the rows where it is filled, it equals
    the sum of base since the start, or since the previous filled row (a client's group)."""
    rows = np.flatnonzero(~np.isnan(column))
    if len(rows) < 2:
        return False
    cumulative = np.cumsum(np.nan_to_num(base))
    since = np.concatenate(([0.0], cumulative[rows[:-1]]))
    for sums in (cumulative[rows], cumulative[rows] - since):
        equal = np.abs(column[rows] - sums) <= TOLERANCE + 1e-9 * np.abs(sums)
        # A sum over several rows must be among the matches: a column equal to the amount
        # of each row (a balance where nothing was paid) is not a running total.
        spans = sums != np.nan_to_num(base[rows])
        if equal.mean() >= share and (equal & spans).any():
            return True
    return False


def is_sum_above(amounts: np.ndarray, index: int, start: int) -> bool:
    """Whether amounts[index] is the sum of amounts[start:index] (a totals row), over 2+ rows."""
    above = amounts[start:index]
    above = above[~np.isnan(above)]
    if len(above) < 2 or np.isnan(amounts[index]):
        return False
    return bool(abs(above.sum() - amounts[index]) <= TOLERANCE + 1e-9 * abs(amounts[index]))


__all__ = ["TOLERANCE", "adds_up", "is_sum_above", "running_total"]
