"""A column no field reads that holds what is left to pay: its numbers never above the
amount, 0 on some rows and the whole amount on others, as a « Reste dû » column is. Its header
is one the synonyms do not know yet (review-pubwb5 H1: « Reste à régler », « Solde ouvert »
were unread and paid invoices chased in full): a warning names it and the [columns] line.
Never an ageing bucket (« Current »)."""

from __future__ import annotations

import numpy as np

from .aged import is_bucket, refuse_bucket_balance
from .grid import Grid

_PAID_FIELDS = ("balance", "paid", "paid_flag", "payment_date", "deduction", "lettering")
_FILLED = 0.8  # rows with an amount that hold a number in the column
_CENT = 0.005
_FIRST = 200


def unread_balance(grid: Grid, amount: np.ndarray) -> str | None:
    """The warning for the first unread column shaped like a balance, None when none is
    (or when the table already says what was paid or is left). An ageing bucket (« Current »,
    « 0-30 j ») is a part of the balance, never offered as it (review-pubwb8 H2); read as the
    balance beside another bucket, refused."""
    if (bucket := refuse_bucket_balance(grid)) is not None:
        return bucket
    if any(f in grid.positions for f in _PAID_FIELDS):
        return None
    read = set(grid.positions.values())
    owed = ~np.isnan(amount) & (amount > 0)
    if not owed.any():
        return None
    for pos, header in enumerate(grid.headers):
        if pos in read or pos >= grid.width or not str(header or "").strip() or is_bucket(header):
            continue
        cells = grid.cells(pos)
        # The first rows first: most unread columns (text, dates) fail there, at once.
        first = owed[:_FIRST]
        if _within(_numbers(cells[:_FIRST])[first], amount[:_FIRST][first]) is None:
            continue
        zero = _shaped(_numbers(cells)[owed], amount[owed])
        if zero:
            return (
                f"« {header} » n'est pas lue : ses nombres ne dépassent jamais le montant, "
                f"valent 0 sur {zero} ligne(s) et le montant entier sur d'autres, comme un "
                "reste dû ; les factures sont relancées pour leur montant entier. Si c'est ce "
                "qui reste à payer, nommez-la dans la section [columns] de relance.toml : "
                f'balance = "{header}".'
            )
    return None


def _shaped(left: np.ndarray, base: np.ndarray) -> int | None:
    """How many rows a column shaped like a balance says settled (0), None when it is not
    shaped so: a number on most rows, never below 0 nor above the amount, 0 on some rows and
    the whole amount on others."""
    kept = _within(left, base)
    if kept is None:
        return None
    left, base = kept
    zero = int(np.count_nonzero(np.abs(left) < _CENT))
    whole = bool((np.abs(left - base) < _CENT).any())
    return zero if zero and whole and zero < len(left) else None


def _within(left: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The numbers and amounts of the rows that hold a number, when most do and none is
    below 0 or above its amount; else None."""
    filled = ~np.isnan(left)
    if filled.sum() < max(2, _FILLED * len(left)):
        return None
    left, base = left[filled], base[filled]
    if not ((left >= -_CENT) & (left <= base + _CENT)).all():
        return None
    return left, base


def _numbers(cells: np.ndarray) -> np.ndarray:
    """Each cell as a float, NaN for anything but a number (never a yes/no)."""
    return np.array(
        [
            float(v) if isinstance(v, int | float) and not isinstance(v, bool) else np.nan
            for v in cells.tolist()
        ],
        dtype=float,
    )


__all__ = ["unread_balance"]
