"""The sheets looked at for the invoice table; a sheet the user named (--sheet, sheet = in
relance.toml) is read or refused, never replaced by another sheet of the workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import LedgerError, NoInvoiceTable
from .unfit import no_table_error


def candidate_sheets(sheets: list[str], wanted: str | None, journal: str) -> list[str]:
    """The sheets to look for the invoice table in: the one asked for, or all but the journal.

    The journal grows by thousands of lines a week, and calamine parses a whole sheet even to
    read its first rows: at a million invoices, looking at it cost 6 s on every later run.
    """
    if wanted:
        return [wanted]
    return [s for s in sheets if s != journal] or sheets


def readable_candidates(candidates: list[str], refused: dict[str, str]) -> list[str]:
    """The candidates the reader may build; a sheet asked for by name, or none left, refused
    in its own sentence (a sheet set aside is otherwise said as a warning)."""
    left = [s for s in candidates if s not in refused]
    if candidates and not left:
        raise LedgerError(refused[candidates[0]])
    return left


def named_sheet_error(
    path: Path,
    sheet: str,
    rows: list[list[Any]],
    overrides: dict[str, str],
    others: list[str],
    is_table: Callable[[str], bool],
) -> NoInvoiceTable:
    """The refusal of a named sheet without an invoice table: what was seen and missing
    there, and the other sheets that do look like invoice tables (is_table)."""
    base = no_table_error(path, {sheet: rows}, overrides)
    said = str(base)
    prefix = f"Aucun tableau de factures reconnu dans {path.name}."
    head = (
        f"La feuille « {sheet} » de {path.name}, demandée (--sheet ou sheet = dans "
        "relance.toml), ne contient pas de tableau de factures reconnu : aucune autre "
        "feuille n'est lue à sa place."
    )
    said = head + said[len(prefix) :] if said.startswith(prefix) else f"{head} {said}"
    tables = [s for s in others if _fits(is_table, s)]
    if tables:
        said += (
            " Feuille(s) qui ressemblent à un tableau de factures : "
            + ", ".join(f"« {s} »" for s in tables)
            + "."
        )
    else:
        said += " Aucune autre feuille ne ressemble à un tableau de factures."
    return NoInvoiceTable(said, base.suggestion, base.missing, base.headed, base.workbook)


def _fits(is_table: Callable[[str], bool], sheet: str) -> bool:
    try:
        return is_table(sheet)
    except LedgerError:  # an unreadable sheet is no table to point to
        return False


__all__ = ["candidate_sheets", "named_sheet_error", "readable_candidates"]
