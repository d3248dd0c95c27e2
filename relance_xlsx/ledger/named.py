"""A sheet the user named (--sheet, sheet = in relance.toml) is read or refused, never
replaced by another sheet of the workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import LedgerError, NoInvoiceTable
from .unfit import no_table_error


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


__all__ = ["named_sheet_error"]
