"""A clients sheet joined to the invoices: its addresses, e-mails, phones fill what is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .columns import match_headers, normalise
from .labels import label
from .lookup import best_match, index_rows

# What a clients table may give each invoice of its client.
CLIENT_FIELDS = (
    "email",
    "address",
    "street",
    "complement",
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
# The fields that tell two clients of one name apart: where their letters and e-mails go.
_PLACES = ("email", "address", "street", "complement", "postcode", "city", "country")
_SEARCH_ROWS = 30
_PROBE = 2000  # invoice rows whose client cells choose how the two tables are joined


@dataclass(frozen=True)
class ClientsTable:
    """A table of clients: where it is, its columns, and its rows by client key."""

    sheet: str
    header_row: int  # Excel row number
    key: str  # "client_number" or "client"
    positions: dict[str, int]
    rows: dict[str, list[Any] | None]  # None: a key of two rows with different addresses
    # Every row of the table and its headers: for a join by another column (a lookup key).
    table: tuple[list[Any], ...] = ()
    headers: tuple[str, ...] = ()

    def fields(self) -> list[str]:
        """The client fields it gives."""
        return [f for f in CLIENT_FIELDS if f in self.positions]

    def places(self) -> list[int]:
        """The columns of its addresses and e-mails."""
        return [self.positions[f] for f in _PLACES if f in self.positions]


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
                # A table of amounts or payments is no clients table, whatever else it has.
                {"amount", "paid", "payment_date", "settled_invoice"} & set(positions)
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
    grid = rows_of(sheet, None)
    table = tuple(list(r) for r in grid[index + 1 :] if any(v not in (None, "") for v in r))
    places = [positions[f] for f in _PLACES if f in positions]
    rows = index_rows(table, positions[key], places)
    headers = tuple("" if v in (None, "") else str(v).strip() for v in grid[index])
    return ClientsTable(sheet, index + 1, key, positions, rows, table, headers)


def join_clients(
    data: list[list[Any]],
    positions: dict[str, int],
    headers: tuple[str, ...],
    clients: ClientsTable,
) -> tuple[dict[str, int], tuple[str, ...], str, list[str]]:
    """Fill the invoices' missing client fields from the clients table, in place.

    A field the invoice table lacks becomes a column after its last one (for reading only:
    the workbook is never written there); an empty cell of a field it has is filled. Joined
    by client number when both tables have one, else by name, else by the clients table's
    column that the invoices' client cells match (a lookup key such as « 1 - Tailspin
    Toys »): then the invoice reads the client's own name. A key two rows carry with
    different addresses or e-mails fills nothing (review-attack-6 §5). Returns the positions
    and headers to read with, one French sentence for `check`, and the warnings.
    """
    key = clients.key if clients.key in positions else "client"
    if key not in positions:
        return positions, headers, "", []
    here = positions[key]
    match = best_match([r[here] if here < len(r) else None for r in data[:_PROBE]], clients)
    if match is None:
        return positions, headers, "", []
    width = max([len(headers), *(len(r) for r in data[:1])])
    fields = clients.fields()
    merged, names = dict(positions), list(headers) + [""] * (width - len(headers))
    for field in fields:
        if field not in merged:
            merged[field] = len(names)
            names.append(f"{clients.sheet} › {field}")
    extra = len(names) - width
    # The invoice reads the client's own name when its cell held a key: a lookup key, or a
    # client number (« CUST01 », « 1 - Tailspin Toys »).
    name = clients.positions.get("client")
    rename = match.column != name and positions.get("client") == here and name is not None
    filled = 0
    doubled: dict[str, str] = {}  # the names two rows of the clients table carry
    found_for: dict[Any, list[Any] | None] = {}  # a client's cell is folded once, not per row
    for row in data:
        if extra:
            row.extend([None] * (width - len(row) + extra))
        cell = row[here] if here < len(row) else None
        try:
            found = found_for[cell]
        except KeyError:
            found = found_for[cell] = match.find(cell)
        except TypeError:  # an unhashable cell (never from calamine)
            found = match.find(cell)
        if found is None:
            if match.doubled(cell):
                doubled.setdefault(key_of(cell), " ".join(str(cell).split()))
            continue
        filled += 1
        if rename and name is not None and name < len(found):
            row[here] = found[name]
        for field in fields:
            pos = merged[field]
            if row[pos] in (None, "") and clients.positions[field] < len(found):
                row[pos] = found[clients.positions[field]]
    note = (
        f"Fiche clients : feuille « {clients.sheet} » (en-têtes en ligne {clients.header_row}), "
        f"jointe par {match.said} ; {', '.join(label(f).lower() for f in fields)} complétés pour "
        f"{filled} facture(s)."
    )
    return merged, tuple(names), note, _doubled_said(clients.sheet, doubled)


def _doubled_said(sheet: str, doubled: dict[str, str]) -> list[str]:
    """The warning naming the clients the clients sheet lists twice with different places."""
    if not doubled:
        return []
    names = sorted(doubled.values())
    shown = ", ".join(f"« {n} »" for n in names[:3])
    more = f" et {len(names) - 3} autre(s)" if len(names) > 3 else ""
    return [
        f"Fiche clients : feuille « {sheet} » : {shown}{more} y figure(nt) sur plusieurs lignes "
        "avec des adresses ou e-mails différents ; aucune adresse ni aucun e-mail n'en est "
        "repris pour ce nom (lettre « à compléter ») : indiquez le n° de client dans les deux "
        "feuilles."
    ]


__all__ = ["CLIENT_FIELDS", "ClientsTable", "find_clients", "join_clients", "key_of"]
