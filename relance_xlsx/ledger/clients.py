"""A clients sheet joined to the invoices: its addresses, e-mails, phones fill what is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .columns import match_headers, normalise

# What a clients table may give each invoice of its client.
CLIENT_FIELDS = (
    "email",
    "address",
    "street",
    "postcode",
    "city",
    "country",
    "contact",
    "phone",
    "siret",
    "client_type",
    "terms",
    "language",
    "legal_form",
    "head_office",
    "representative",
)
_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ClientsTable:
    """A table of clients: where it is, its columns, and its rows by client key."""

    sheet: str
    header_row: int  # Excel row number
    key: str  # "client_number" or "client"
    positions: dict[str, int]
    rows: dict[str, list[Any]]

    def fields(self) -> list[str]:
        """The client fields it gives."""
        return [f for f in CLIENT_FIELDS if f in self.positions]


def key_of(value: Any) -> str:
    """A client's name or number folded for the join: case, accents, spaces; 1001.0 is 1001."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalise(value) if value not in (None, "") else ""


def find_clients(
    rows_of: Callable[[str, int | None], list[list[Any]]], sheets: list[str]
) -> ClientsTable | None:
    """The clients table of these sheets: names or numbers with contact fields, no amount."""
    best: tuple[int, str, int, dict[str, int]] | None = None
    for sheet in sheets:
        try:
            head = rows_of(sheet, _SEARCH_ROWS)
        except Exception:  # an unreadable sheet holds no clients
            continue
        for index, row in enumerate(head):
            positions = match_headers(row)
            given = [f for f in CLIENT_FIELDS if f in positions]
            if (
                "amount" in positions
                or not given
                or not ({"client", "client_number"} & set(positions))
            ):
                continue
            if best is None or len(given) > best[0]:
                best = (len(given), sheet, index, positions)
    if best is None:
        return None
    _, sheet, index, positions = best
    key = "client_number" if "client_number" in positions else "client"
    rows: dict[str, list[Any]] = {}
    for row in rows_of(sheet, None)[index + 1 :]:
        name = key_of(row[positions[key]]) if positions[key] < len(row) else ""
        if name:
            rows.setdefault(name, list(row))
    return ClientsTable(sheet, index + 1, key, positions, rows)


def join_clients(
    data: list[list[Any]],
    positions: dict[str, int],
    headers: tuple[str, ...],
    clients: ClientsTable,
) -> tuple[dict[str, int], tuple[str, ...], str]:
    """Fill the invoices' missing client fields from the clients table, in place.

    A field the invoice table lacks becomes a column after its last one (for reading only:
    the workbook is never written there); an empty cell of a field it has is filled. Joined
    by client number when both tables have one, else by name. Returns the positions and
    headers to read with, and one French sentence for `check`.
    """
    key = clients.key if clients.key in positions else "client"
    if key not in positions or key not in clients.positions:
        return positions, headers, ""
    width = max([len(headers), *(len(r) for r in data[:1])])
    fields = clients.fields()
    merged, names = dict(positions), list(headers) + [""] * (width - len(headers))
    for field in fields:
        if field not in merged:
            merged[field] = len(names)
            names.append(f"{clients.sheet} › {field}")
    extra = len(names) - width
    here = merged[key]
    filled = 0
    for row in data:
        if extra:
            row.extend([None] * (width - len(row) + extra))
        found = clients.rows.get(key_of(row[here]) if here < len(row) else "")
        if found is None:
            continue
        filled += 1
        for field in fields:
            pos = merged[field]
            if row[pos] in (None, "") and clients.positions[field] < len(found):
                row[pos] = found[clients.positions[field]]
    by = "n° de client" if key == "client_number" else "nom du client"
    note = (
        f"Fiche clients : feuille « {clients.sheet} » (en-têtes en ligne {clients.header_row}), "
        f"jointe par {by} ; {', '.join(fields)} complétés pour {filled} facture(s)."
    )
    return merged, tuple(names), note


__all__ = ["CLIENT_FIELDS", "ClientsTable", "find_clients", "join_clients", "key_of"]
