"""Collective proceedings (sauvegarde, redressement, liquidation judiciaire) named in a cell:
which kind, the opening judgment's date and the BODACC notice's, the mandataire and court."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .coded import dates_of
from .columns import normalise
from .grid import Grid
from .text import parse_text
from .values import parse_date

_NO = {"", "non", "no", "n", "0", "faux", "false", "aucune", "aucun", "none", "-", "na", "n a"}
_DATE = r"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2})"
_ANY_DATE = re.compile(_DATE)
# « jugement du 15/07/2026 », « ouverture le 15/07/2026 », « JO 15/07/2026 »
_JUDGMENT = re.compile(r"(?:jugement|ouverture|ouvert|prononce)\D{0,20}?" + _DATE, re.I)
# « BODACC du 28/07/2026 », « publié le 28/07/2026 », « publication 28/07/2026 »
_NOTICE = re.compile(r"(?:bodacc|publi)\D{0,20}?" + _DATE, re.I)
# The kind of proceedings, from the cell or the column's header.
KINDS = (
    ("liquidation", "liquidation judiciaire"),
    ("lj", "liquidation judiciaire"),
    ("redressement", "redressement judiciaire"),
    ("rj", "redressement judiciaire"),
    ("sauvegarde", "sauvegarde"),
)


class Proceedings(NamedTuple):
    """What one cell says: in proceedings or not, which kind, the two dates (NaT if not)."""

    insolvent: bool
    kind: str | None
    judgment: pd.Timestamp
    notice: pd.Timestamp


def _day(text: str | None) -> pd.Timestamp:
    try:
        day = parse_date(text) if text else None
    except ValueError:
        day = None
    return pd.Timestamp(day) if day else pd.NaT


def proceedings_kind(text: str) -> str | None:
    """« redressement judiciaire », « liquidation judiciaire », « sauvegarde » or None."""
    words = normalise(text).split()
    return next((name for key, name in KINDS if any(w.startswith(key) for w in words)), None)


def read_cell(value: Any) -> Proceedings:
    """One cell of the proceedings column: a date alone is the BODACC notice's."""
    if value is None or (isinstance(value, float) and value != value):
        return Proceedings(False, None, pd.NaT, pd.NaT)
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is not None:
        return Proceedings(True, None, pd.NaT, pd.Timestamp(day))
    text = str(value)
    if normalise(text) in _NO:
        return Proceedings(False, None, pd.NaT, pd.NaT)
    judgment = _JUDGMENT.search(text)
    notice = _NOTICE.search(text)
    judged = _day(judgment.group(1) if judgment else None)
    noticed = _day(notice.group(1) if notice else None)
    if not judgment and not notice:  # a date without a word: the BODACC's, as before
        alone = _ANY_DATE.search(text)
        noticed = _day(alone.group(1) if alone else None)
    return Proceedings(True, proceedings_kind(text), judged, noticed)


def insolvency_columns(grid: Grid) -> dict[str, Any]:
    """Whether each row's client is in collective proceedings, its kind, the judgment's and
    the BODACC notice's dates, the mandataire and the court when the ledger names them."""
    parsed = grid.raw("insolvency").map(read_cell)
    values, codes = parsed.values, parsed.codes

    def per_row(make: Any, dtype: Any = object) -> np.ndarray:
        return np.array([make(p) for p in values], dtype=dtype)[codes]

    judged = dates_of(grid.parse("judgment_date", parse_date, "warning"))
    noticed = dates_of(grid.parse("bodacc_date", parse_date, "warning"))
    in_cell = {
        name: np.asarray(pd.to_datetime(pd.Series([getattr(p, name) for p in values])))[codes]
        for name in ("judgment", "notice")
    }
    titled = proceedings_kind(grid.header("insolvency")) if "insolvency" in grid.positions else None
    return {
        "insolvent": per_row(lambda p: p.insolvent, bool) | ~np.isnat(judged) | ~np.isnat(noticed),
        "proceedings": per_row(lambda p: p.kind or (titled if p.insolvent else None)),
        "judgment_date": np.where(np.isnat(judged), in_cell["judgment"], judged),
        "bodacc_date": np.where(np.isnat(noticed), in_cell["notice"], noticed),
        "mandataire": grid.raw("mandataire").map(parse_text).array(),
        "court": grid.raw("court").map(parse_text).array(),
    }


__all__ = ["KINDS", "Proceedings", "insolvency_columns", "proceedings_kind", "read_cell"]
