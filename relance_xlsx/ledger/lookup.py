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

    index: dict[str, list[Any] | None]  # None: a key two different clients carry
    part: int | None  # None: the whole cell; 0 or 1: the left or right part of « A - B »
    said: str  # « nom du client », « la colonne « Lookup » »…
    column: int | None  # the clients table's column the cell is matched with (None: a part)

    def find(self, cell: Any) -> list[Any] | None:
        """The client row of this cell, or None (also when two rows of the table carry it)."""
        return self.index.get(_key(cell, self.part))

    def doubled(self, cell: Any) -> bool:
        """Whether rows of the table carry this cell with different addresses or e-mails."""
        key = _key(cell, self.part)
        return key in self.index and self.index[key] is None


def best_match(cells: Sequence[Any], clients: ClientsTable) -> Match | None:
    """The join that finds the most of these client cells (the table's own key first)."""
    wanted = {c for c in cells if c not in (None, "")}
    if not wanted:
        return None
    by = "n° de client" if clients.key == "client_number" else "nom du client"
    ways = [Match(clients.rows, None, by, clients.positions[clients.key])]
    for column, header in enumerate(clients.headers):
        index = index_rows(clients.table, column, clients.places())
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


def index_rows(
    table: Sequence[list[Any]], column: int, places: Sequence[int]
) -> dict[str, list[Any] | None]:
    """Each folded cell of this column -> its row; None when two rows of one key give
    different addresses or e-mails (two clients of one name, review-attack-6 §5)."""
    index: dict[str, list[Any] | None] = {}
    for row in table:
        key = _key(row[column], None) if column < len(row) else ""
        if not key:
            continue
        if key not in index:
            index[key] = row
        elif (first := index[key]) is not None and _differ(first, row, places):
            index[key] = None
    return index


def _differ(one: list[Any], other: list[Any], places: Sequence[int]) -> bool:
    """Whether two rows give different values (both given) in these columns."""
    for at in places:
        a, b = (_bare(r[at]) if at < len(r) else "" for r in (one, other))
        if a and b and a != b:
            return True
    return False


def _bare(cell: Any) -> str:
    """A cell folded, its punctuation and spaces dropped (« 3, rue X » is « 3 rue X »)."""
    return re.sub(r"\W+", "", _key(cell, None))


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


__all__ = ["Match", "best_match", "index_rows"]
