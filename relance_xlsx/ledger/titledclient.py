"""One sheet per client (review-pubwb7 H7): the client named only in a title cell above the
header (« Client : Boulangerie Durand »), or only in the sheet's name when several sheets share
one header. The one title cell gives every row its client (said among the reading's
decisions); else the office is told, in one sentence, to bring the invoices together."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..errors import LedgerError
from .choice import TableGuess
from .columns import normalise

_TITLE = re.compile(
    r"^\s*(client|nom du client|customer|locataire|adherent|debiteur)"
    r"\s*[:：]\s*(?P<name>\S.*?)\s*$",
    re.IGNORECASE,
)
HEADER = "Client (titre de la feuille)"


def _folded(text: str) -> str:
    """The title's label without accents (« Adhérent » is « adherent »)."""
    return text.translate(str.maketrans("éèêàç", "eeeac"))


def title_clients(rows: list[list[Any]], header_index: int) -> list[str]:
    """The clients named by « Client : X » cells above the header, in order."""
    found = []
    for row in rows[:header_index]:
        for value in row:
            if isinstance(value, str) and (m := _TITLE.match(_folded(value))):
                found.append(value[m.start("name") : m.end("name")])
    return found


def with_title_client(
    guess: TableGuess, grid: list[list[Any]]
) -> tuple[TableGuess, list[list[Any]], str]:
    """The table given its client from its one title cell (a column added to the rows read),
    and the decision said; unchanged, with "", when the client is not in one title cell."""
    if "client" in guess.positions:
        return guess, grid, ""
    names = title_clients(grid, guess.header_index)
    if len(names) != 1:
        return guess, grid, ""
    width = max(len(r) for r in grid[guess.header_index :])
    column = [*grid[: guess.header_index]]
    column.append([*grid[guess.header_index], *[None] * (width - len(grid[guess.header_index])),
                   HEADER])  # fmt: skip
    for row in grid[guess.header_index + 1 :]:
        filled = any(v not in (None, "") for v in row)
        column.append([*row, *[None] * (width - len(row)), names[0] if filled else None])
    positions = {**guess.positions, "client": width}
    said = (
        f"Client : « {names[0]} », lu dans le titre au-dessus des en-têtes de la feuille "
        f"« {guess.sheet} » (aucune colonne Client) : il est le client de chaque facture."
    )
    evidence = {**guess.evidence, "client": "titre de la feuille « Client : … »"}
    notes = (*guess.notes, said)
    return replace(guess, positions=positions, evidence=evidence, notes=notes), column, said


def per_client_sheets(guess: TableGuess, heads: dict[str, list[list[Any]]]) -> LedgerError | None:
    """The refusal of a table with no client when several sheets share its header (each
    sheet seemingly a client), or None."""
    if "client" in guess.positions:
        return None
    own = heads.get(guess.sheet, [])
    if guess.header_index >= len(own):
        return None
    header = [normalise(v) for v in own[guess.header_index] if v not in (None, "")]
    same = [
        s for s, rows in heads.items()
        if any([normalise(v) for v in r if v not in (None, "")] == header for r in rows)
    ]  # fmt: skip
    if len(same) < 2:
        return None
    names = ", ".join(same)
    return LedgerError(
        f"Aucune colonne Client ({guess.where()}) : chaque feuille semble être un client "
        f"({names}) : réunissez les factures sur une feuille avec une colonne Client."
    )


__all__ = ["HEADER", "per_client_sheets", "title_clients", "with_title_client"]
