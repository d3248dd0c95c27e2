"""Where the table ends: a blank row followed by a new header starts another table.

Offices stack tables in one sheet (this year's invoices, then last year's; invoices, then
payments received). The lower table is reported, never read as more invoices.
"""

from __future__ import annotations

import numpy as np

from .columns import match_headers
from .grid import Grid

# The key columns: a blank row has none of them, a header names them in text.
_KEYS = ("invoice", "client", "amount", "invoice_date", "due_date")
# A title may sit between the blank row and the lower header (« Factures 2025 »).
_TITLE_ROWS = 1
_HEADER_FIELDS = 2
_SHOWN = 6


def lower_table(grid: Grid) -> tuple[int, str] | None:
    """(index of the blank row that ends the table, the sentence saying so), or None."""
    keys = [grid.raw(k) for k in _KEYS if k in grid.positions]
    if not keys or len(grid) < 3:
        return None
    empty = np.logical_and.reduce([~k.filled() for k in keys])
    # Candidates: a row with none of the key cells, followed by one with some (vectorised).
    starts = np.flatnonzero(empty[:-1] & ~empty[1:])
    for index in starts.tolist():
        if not _blank(grid.row(index)):
            continue
        for offset in range(1, _TITLE_ROWS + 2):
            if index + offset >= len(grid):
                break
            row = grid.row(index + offset)
            if _header(row):
                return index, _said(grid, index + offset, row)
            if sum(c is not None and c != "" for c in row) > 1:
                break  # data, not a title
    return None


def _blank(row: np.ndarray) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def _header(row: np.ndarray) -> bool:
    """A row of text that names at least two ledger fields."""
    cells = [c for c in row.tolist() if c is not None and c != ""]
    if len(cells) < _HEADER_FIELDS or not all(isinstance(c, str) for c in cells):
        return False
    return len(match_headers(row.tolist())) >= _HEADER_FIELDS


def _said(grid: Grid, index: int, row: np.ndarray) -> str:
    texts = [str(c).strip() for c in row.tolist() if isinstance(c, str) and c.strip()]
    shown = ", ".join(f"« {t} »" for t in texts[:_SHOWN]) + (" …" if len(texts) > _SHOWN else "")
    return (
        f"Un autre tableau commence en ligne {int(grid.numbers[index])} ({shown}) : il n'est "
        "pas lu avec celui-ci ; pour le lire, placez-le sur une feuille à part."
    )


__all__ = ["lower_table"]
