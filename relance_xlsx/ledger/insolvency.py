"""Collective proceedings (sauvegarde, redressement, liquidation judiciaire) named in a cell."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .columns import normalise
from .grid import Grid
from .values import parse_date

_NO = {"", "non", "no", "n", "0", "faux", "false", "aucune", "aucun", "none", "-", "na", "n a"}
_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")


def _read(value: Any) -> tuple[bool, pd.Timestamp]:
    """(in proceedings, date of the BODACC notice or NaT) from one cell."""
    if value is None or (isinstance(value, float) and value != value):
        return False, pd.NaT
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is not None:
        return True, pd.Timestamp(day)
    text = str(value)
    if normalise(text) in _NO:
        return False, pd.NaT
    found = _DATE.search(text)
    try:
        inner = parse_date(found.group(0)) if found else None
    except ValueError:
        inner = None
    return True, pd.Timestamp(inner) if inner else pd.NaT


def insolvency_columns(grid: Grid) -> dict[str, Any]:
    """Whether each row's client is in collective proceedings, and the BODACC date if given."""
    if "insolvency" not in grid.positions:
        return {
            "insolvent": np.zeros(len(grid), dtype=bool),
            "bodacc_date": pd.Series([pd.NaT] * len(grid), dtype="datetime64[ns]").to_numpy(),
        }
    read = grid.raw("insolvency").map(_read).array()
    return {
        "insolvent": np.fromiter((r[0] for r in read), bool, len(read)),
        "bodacc_date": pd.to_datetime(pd.Series([r[1] for r in read])).to_numpy(),
    }


__all__ = ["insolvency_columns"]
