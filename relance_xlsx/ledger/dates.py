"""Date columns stored as text: day first (a French office), unless the column says otherwise."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .coded import Coded
from .grid import Grid
from .problems import Problem
from .values import parse_date

_SHORT = re.compile(r"^\s*(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2,4})\s*$")


def _order(value: Any) -> str:
    """'month' when a text date only reads month first (04/25/2026), 'either' when it reads
    both ways (03/04/2026), '' otherwise (an Excel date, ISO text, 25/04/2026)."""
    if not isinstance(value, str):
        return ""
    m = _SHORT.match(value)
    if m is None:
        return ""
    first, second = int(m.group(1)), int(m.group(2))
    if first <= 12 < second:
        return "month"
    return "either" if first <= 12 and second <= 12 and first != second else ""


def parse_dates(grid: Grid, name: str) -> tuple[Coded, np.ndarray]:
    """A date field's column, and the rows it cannot be trusted for.

    Text dates are read day first. A column where some text only makes sense month first
    (04/25/2026, an American export) is one problem for the column: its text dates that read
    both ways are not guessed one by one, and their rows are kept out of the letters.
    """
    none = np.zeros(len(grid), dtype=bool)
    if name not in grid.positions:
        return grid.parse(name, parse_date), none
    raw = grid.raw(name)
    orders = raw.map(_order)
    month_first = orders.mask(lambda o: o == "month")
    if not month_first.any():
        return grid.parse(name, parse_date), none
    doubtful = month_first | orders.mask(lambda o: o == "either")
    examples = sorted({str(raw.at(i)).strip() for i in np.flatnonzero(month_first)[:3].tolist()})
    grid.problems.append(
        Problem(
            None,
            grid.header(name),
            ", ".join(examples),
            f"dates au format mois/jour (américain) dans cette colonne ; les "
            f"{int(doubtful.sum())} date(s) écrites en texte qui se lisent dans les deux sens "
            "ne sont pas devinées et leurs lignes sont écartées : mettez la colonne au format "
            "date d'Excel (Données > Convertir) ou écrivez les dates JJ/MM/AAAA",
        )
    )
    parsed = grid.parse(name, lambda v: None if _order(v) else parse_date(v))
    return parsed, doubtful


__all__ = ["parse_dates"]
