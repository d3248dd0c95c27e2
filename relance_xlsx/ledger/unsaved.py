"""Formulas saved without their values (a file written by a tool that does not compute):
said per column, and an amount column of them stops the reading."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..errors import LedgerError
from ..ooxml import col_index
from .columns import match_headers


def formula_warnings(counts: Mapping[str, int], headers: Sequence[str]) -> list[str]:
    """One sentence per column whose formulas have no value to read."""
    out = []
    for letters, n in sorted(counts.items(), key=lambda kv: col_index(kv[0])):
        position = col_index(letters)
        name = headers[position] if position < len(headers) and headers[position] else letters
        out.append(
            f"Colonne « {name} » : {n} formule(s) sans valeur calculée (le fichier a été "
            "enregistré par un outil qui ne calcule pas) ; ces cellules sont lues vides. "
            "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le."
        )
    return out


def refuse_unsaved_amount(
    counts: Mapping[str, int],
    headers: Sequence[str],
    positions: Mapping[str, int],
    overrides: Mapping[str, str],
    rows: int,
) -> None:
    """Stop when the amount column (the one its header names, or the one chosen) holds
    formulas without values on half its rows or more: another column (« PO Amount ») is never
    claimed in its place. (A lone total's formula, « =SUM(E2:E4) », is a totals row.)"""
    unsaved = {
        col_index(letters) for letters, n in counts.items() if 2 * n >= rows and (n > 1 or rows < 2)
    }
    if not unsaved:
        return
    named = match_headers(headers, overrides, balance_as_amount=False).get("amount")
    chosen = positions.get("amount")
    column = next((c for c in (named, chosen) if c is not None and c in unsaved), None)
    if column is None:
        return
    raise LedgerError(
        f"La colonne de montants « {headers[column]} » contient des formules dont la valeur "
        "n'a pas été enregistrée (fichier écrit par un outil qui ne calcule pas) : ouvrez le "
        "classeur dans Excel ou LibreOffice et enregistrez-le pour que les valeurs y soient, "
        "ou nommez la colonne du montant dans la section [columns] de relance.toml ; aucune "
        "lettre n'est préparée."
    )


__all__ = ["formula_warnings", "refuse_unsaved_amount"]
