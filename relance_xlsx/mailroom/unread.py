"""Why a posting list's numbers cannot be read back: one French sentence naming the file, the
sheet and the cell, and what to do."""

from __future__ import annotations

from ..errors import RelanceError
from ..wording import describe_error, describe_reader_error, is_reader_error
from .listread import Lost, Table, cell_name, quoted
from .posting import KEYS_SHEET, NUMBER_HEADER, SHEET

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def keys_lost(name: str) -> str:
    """The hidden sheet of the keys is gone."""
    return (
        f"Liste de recommandés {name} : sa feuille cachée « {KEYS_SHEET} », qui relie "
        "chaque ligne à ses factures, a disparu (la feuille « Recommandés » a-t-elle été copiée "
        "dans un autre classeur ?) ; aucun n° de recommandé n'en est reporté dans le classeur. "
        "Notez-les directement dans la colonne « N° recommandé » du classeur."
    )


def table_lost(name: str, lost: Lost) -> str:
    """No header row, or no column that can be the numbers'."""
    if ":" in lost.cell:  # no header row at all
        sheets = ", ".join(f"« {s} »" for s in lost.sheets) or "aucune"
        return (
            f"Liste de recommandés {name} : le tableau des lettres est introuvable (ses "
            f"en-têtes étaient en {lost.cell} de la feuille « {SHEET} » ; feuilles du fichier : "
            f"{sheets}) ; aucun n° de recommandé n'en est reporté dans le classeur. Remettez "
            "la ligne d'en-tête (« N° », « Destinataire »… « N° de recommandé »), ou notez les "
            "numéros dans la colonne « N° recommandé » du classeur."
        )
    row = lost.cell.lstrip(_LETTERS)
    return (
        f"Liste de recommandés {name}, feuille « {lost.sheet} » : la colonne des n° de "
        f"recommandé est introuvable, sa ligne d'en-tête (ligne {row}) n'a plus "
        f"d'en-tête « {NUMBER_HEADER} » et des colonnes ont été supprimées ou déplacées "
        f"(relance l'avait écrit dans la cellule {lost.cell}) ; aucun n° n'en est reporté dans "
        f"le classeur. Remettez l'en-tête « {NUMBER_HEADER} » au-dessus des numéros."
    )


def header_lost(name: str, table: Table) -> str:
    """The numbers' header overwritten and nothing typed where they were written."""
    at = table.columns["number"]
    cell = cell_name(table.header, at)
    holds = f"« {quoted(table.overwritten)} »" if table.overwritten else "vide"
    return (
        f"Liste de recommandés {name}, feuille « {table.sheet} » : l'en-tête "
        f"« {NUMBER_HEADER} » n'y est plus et aucun numéro n'est lu dans la colonne "
        f"{cell.rstrip('0123456789')}, où relance les attend (en-tête {cell} : {holds}) ; si "
        f"les numéros sont notés dans une autre colonne, donnez-lui l'en-tête « {NUMBER_HEADER} »."
    )


def unreadable(name: str, exc: Exception) -> str:
    """A list the checks or the reader refused, in one French sentence."""
    if isinstance(exc, RelanceError):
        why = str(exc)  # already French: the part refused and what to do
    elif is_reader_error(exc):
        why = describe_reader_error(exc, "le fichier")
    else:
        why = describe_error(exc)
    return (
        f"Liste de recommandés {name} illisible, aucun n° de recommandé n'en est reporté dans "
        f"le classeur : {why[0].lower()}{why[1:]}"
    )


__all__ = ["header_lost", "keys_lost", "table_lost", "unreadable"]
