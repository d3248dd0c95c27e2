"""Rows of one client name (as the letters group them: invisible characters and double
spaces dropped) that give different addresses or e-mails: one letter would go to the first
one's address for the other's invoices. Each such invoice is held, its warning naming both
(review-attack-6 §6)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .clients import key_of
from .grid import Grid
from .text import parse_name

_PLACE = ("address", "street", "complement", "postcode", "city", "country")
PLACES_SAID = "même nom, deux adresses"


def _shown(cells: list[Any]) -> str:
    """The cells given, on one line."""
    return " ".join(
        " ".join(str(c).split()) for c in cells if c not in (None, "") and str(c).strip()
    )


def _bare(text: str) -> str:
    """A place or e-mail folded, punctuation and spaces dropped (« 3, rue X » is « 3 rue X »)."""
    return re.sub(r"\W+", "", key_of(text))


def _columns(grid: Grid, fields: tuple[str, ...]) -> list[np.ndarray]:
    return [grid.raw(f).array() for f in fields if f in grid.positions]


def _doubled(grid: Grid, names: np.ndarray) -> dict[str, tuple[str, str]]:
    """Client key -> the first two different places (or e-mails) its rows give (names: the
    client column's names, as the letters group them)."""
    named, keys = pd.factorize(pd.Series(names, dtype=object))
    seen: dict[tuple[str, int], dict[str, str]] = {}
    for kind, columns in enumerate((_columns(grid, _PLACE), _columns(grid, ("email",)))):
        if not columns:
            continue
        # Each distinct (name, cells) once, in row order: a client's rows repeat its address
        # (folding every row's cells cost 11 s of a 16 s `check` at 200,000 rows).
        codes = {
            f"c{j}": pd.factorize(pd.Series(c, dtype=object))[0] for j, c in enumerate(columns)
        }
        first = np.flatnonzero(~pd.DataFrame({"name": named, **codes}).duplicated().to_numpy())
        for i in first.tolist():
            shown = _shown([c[i] for c in columns]) if named[i] >= 0 else ""
            if shown and (key := str(keys[named[i]])):
                seen.setdefault((key, kind), {}).setdefault(_bare(shown), shown)
    out: dict[str, tuple[str, str]] = {}
    for (key, _), found in seen.items():
        if len(found) > 1 and key not in out:
            first_two = list(found.values())[:2]
            out[key] = (first_two[0], first_two[1])
    return out


def two_places(grid: Grid, holds: dict[str, Any], owed: np.ndarray) -> dict[str, Any]:
    """Hold the invoices still owed of a client name whose rows give two addresses or two
    e-mails, with a warning naming both."""
    if "client" not in grid.positions:
        return holds
    names = grid.raw("client").map(parse_name).array()  # once, for both passes
    doubled = _doubled(grid, names)
    if not doubled:
        return holds
    held = np.array(holds["hold"], dtype=bool)
    reason = np.array(holds["hold_reason"], dtype=object)
    for i in np.flatnonzero(owed & ~held).tolist():
        name = names[i]
        both = doubled.get(name or "")
        if both is None:
            continue
        held[i] = True
        reason[i] = (
            f"Même nom, deux adresses : « {name} » figure avec « {both[0]} » et « {both[1]} » : "
            "pas de relance tant que ses lignes ne portent pas la même adresse et le même "
            "e-mail (ou un n° de client chacune), la lettre irait à la mauvaise adresse"
        )
        grid.problem(
            i, "client", names[i],
            f"{PLACES_SAID} (« {both[0]} », « {both[1]} ») : facture mise en attente",
            "warning",
        )  # fmt: skip
    return {**holds, "hold": held, "hold_reason": reason}


__all__ = ["PLACES_SAID", "two_places"]
