"""A client cell that names two companies (« Vinci SA, AXA France », as Airtable joins linked
records): the letter would go to one addressee for both. The invoice is held with a warning
on its row until the cell names one client (review-pubwb5 L4)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .clients import key_of
from .grid import Grid

_JOINS = re.compile(r"\s*[,;/]\s*")
# The legal forms a company's name carries (folded), as its own word.
_FORMS = re.compile(
    r"\b(sa|sas|sasu|sarl|eurl|sci|snc|scp|scop|selarl|selas|gie|sca|scs|gmbh|ag|ltd|llc|inc|"
    r"plc|bv|nv|srl|spa|sl)\b"
)
TWO_SAID = "deux clients dans une cellule"


def _parts(value: Any) -> list[str]:
    if not isinstance(value, str):
        return []
    return [p for p in _JOINS.split(value.strip()) if p]


def _company(part: str) -> bool:
    """A part that names a company by its legal form, with a name beside it (« Vinci SA »)."""
    folded = key_of(part)
    return bool(_FORMS.search(folded)) and bool(_FORMS.sub("", folded).strip())


def two_client_cells(grid: Grid) -> np.ndarray:
    """Rows whose client cell names two companies: each part a client of other rows, or each
    part with its legal form."""
    found = np.zeros(len(grid), dtype=bool)
    if "client" not in grid.positions:
        return found
    raw = grid.raw("client")
    joined = [v for v in raw.values if len(_parts(v)) >= 2]
    if not joined:
        return found
    known = {key_of(v) for v in raw.values if isinstance(v, str)}
    two = {
        v
        for v in joined
        if all(key_of(p) in known for p in _parts(v)) or all(_company(p) for p in _parts(v))
    }
    return raw.mask(lambda v: v in two) if two else found


def two_clients(grid: Grid, holds: dict[str, Any], owed: np.ndarray) -> dict[str, Any]:
    """Hold the invoices still owed whose client cell names two companies, with a warning."""
    found = two_client_cells(grid) & owed & ~np.asarray(holds["hold"], dtype=bool)
    if not found.any():
        return holds
    held = np.array(holds["hold"], dtype=bool)
    reason = np.array(holds["hold_reason"], dtype=object)
    raw = grid.raw("client")
    for i in np.flatnonzero(found).tolist():
        name = " ".join(str(raw.at(i)).split())
        held[i] = True
        reason[i] = (
            f"Deux clients dans une cellule (« {name} ») : pas de relance tant que la cellule "
            "ne nomme pas un seul client, la lettre irait au mauvais destinataire"
        )
        grid.problem(
            i, "client", raw.at(i), f"{TWO_SAID} : facture mise en attente (un client par ligne)",
            "warning",
        )  # fmt: skip
    return {**holds, "hold": held, "hold_reason": reason}


__all__ = ["TWO_SAID", "two_client_cells", "two_clients"]
