"""How the invoices' client cells find their row in a clients table: by the table's key,
by another of its columns (a lookup key « 1 - Tailspin Toys »), or by the parts of the cell
(« 1 - Tailspin Toys » is client 1, Tailspin Toys)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .columns import normalise

if TYPE_CHECKING:
    from .clients import ClientsTable

# « 1 - Tailspin Toys », « C042 : Garage Bernard », « 12 | Atelier Durand ».
_PARTS = re.compile(r"^\s*(.+?)\s+[-–—:|/]\s+(.+?)\s*$")
_ENOUGH = 0.5  # share of the invoices' clients a join must find to be used


@dataclass(frozen=True)
class Match:
    """A way of finding a client row from an invoice's client cell."""

    index: dict[str, list[Any]]
    part: int | None  # None: the whole cell; 0 or 1: the left or right part of « A - B »
    said: str  # « nom du client », « la colonne « Lookup » »…
    column: int | None  # the clients table's column the cell is matched with (None: a part)

    def find(self, cell: Any) -> list[Any] | None:
        """The client row of this cell, or None."""
        return self.index.get(_key(cell, self.part))


def best_match(cells: Sequence[Any], clients: ClientsTable) -> Match | None:
    """The join that finds the most of these client cells (the table's own key first)."""
    wanted = {c for c in cells if c not in (None, "")}
    if not wanted:
        return None
    by = "n° de client" if clients.key == "client_number" else "nom du client"
    ways = [Match(clients.rows, None, by, clients.positions[clients.key])]
    for column, header in enumerate(clients.headers):
        index = _index(clients.table, column)
        said = f"la colonne « {header or column + 1} »"
        ways += [Match(index, None, said, column)]
        ways += [Match(index, p, f"{said} (partie « {w} » du client)", None)
                 for p, w in ((0, "avant le tiret"), (1, "après le tiret"))]  # fmt: skip
    # Each cell folded once, whole and in its two parts; then each way is a dict lookup.
    keys = [tuple(_key(c, part) for part in (None, 0, 1)) for c in wanted]
    found = [
        (sum(k[0 if w.part is None else w.part + 1] in w.index for k in keys), -i, w)
        for i, w in enumerate(ways)
    ]
    hits, _, best = max(found, key=lambda f: (f[0], f[1]))
    if best is ways[0] or hits >= _ENOUGH * len(wanted):
        return best if hits else None
    return ways[0] if found[0][0] else None


def _index(table: Sequence[list[Any]], column: int) -> dict[str, list[Any]]:
    index: dict[str, list[Any]] = {}
    for row in table:
        key = _key(row[column], None) if column < len(row) else ""
        if key:
            index.setdefault(key, row)
    return index


def _key(cell: Any, part: int | None) -> str:
    """A cell folded for the join (case, accents, spaces; 1001.0 is 1001), or one part."""
    if cell in (None, ""):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if part is None:
        return normalise(cell)
    m = _PARTS.match(str(cell))
    return normalise(m.group(part + 1)) if m else ""


__all__ = ["Match", "best_match"]
