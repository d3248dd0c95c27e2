"""A table read but with no client column, whose client a column's content shows (« Adhérent »
unknown to the synonyms, « Souscripteur »): refused with the exact [columns] lines, which
`check --suggest-config` writes (review-pubwb6 M3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NoInvoiceTable
from .choice import TableGuess
from .unfit import suggest_columns, suggestion_error

_SAMPLE = 200


def clientless_error(
    path: Path, guess: TableGuess, grid: list[list[Any]], overrides: dict[str, str]
) -> NoInvoiceTable | None:
    """The refusal of a table without a client column whose client is guessed, or None."""
    if "client" in guess.positions:
        return None
    row = grid[guess.header_index]
    sample = grid[guess.header_index + 1 : guess.header_index + 1 + _SAMPLE]
    suggestion, doubts, bills = suggest_columns(row, sample, overrides)
    if bills or "client" not in suggestion:
        return None
    error = suggestion_error(
        f"Aucune colonne Client reconnue dans {path.name} ({guess.where()}) : une lettre doit "
        f"nommer son destinataire, et la colonne « {suggestion['client']} » semble le donner.",
        suggestion,
        doubts,
    )
    error.workbook = path.name
    return error


__all__ = ["clientless_error"]
