"""What the look of the data rows says: a row struck through (paid or cancelled, in many
offices) is held, never chased; rows coloured in a ledger that has no column saying what is
paid are warned of, and held when a legend on the sheet says their colour means « payé »;
hidden rows are counted (review-pubwb7 HIGH-1, HIGH-2, LOW-1)."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..ooxml import RowLooks, row_looks
from .payer import mark_held
from .problems import Decision

STRUCK = (
    "ligne barrée : payée ou annulée ? notez-le dans une colonne (Réglé le, Statut) ; non relancée"
)
LEGEND = "couleur « {colour} » selon la légende de la feuille (« {said} ») : réglée, non relancée"
HIDDEN = "Ligne(s) masquée(s), lues comme les autres"
# The fields that tell what is paid: with one of them, a colour adds nothing to the read.
PAID_TOLD = frozenset(
    {"paid", "payment_date", "paid_flag", "status", "payment_status", "platform_status",
     "closed", "balance", "lettering", "cancelled", "settled_invoice"}
)  # fmt: skip
_COLOURS = r"(vert|jaune|rouge|orange|bleu|violet|rose|gris)e?s?"
_PAID = r"(?:pay|r[ée]gl|sold|encaiss)[ée]e?s?"
_LEGENDS = (
    re.compile(rf"\b{_COLOURS}\s*(?:=|:|→|->)\s*(?:factures?\s+)?{_PAID}"),
    re.compile(rf"\ben\s+{_COLOURS}\s*(?:=|:|→|->|,)?\s*(?:les\s+)?(?:factures?\s+)?{_PAID}"),
    re.compile(rf"{_PAID}\s+en\s+{_COLOURS}\b"),
)
# A legend cell may say several colours (« vert = payé, rouge = impayé »): each clause on its
# own. A clause that denies, doubts or halves the payment is no legend of a paid colour: its
# rows stay chased, the coloured rows' warning said (review-attack-6 §3).
_CLAUSES = re.compile(r"[,;/\n|]|\s[-–]\s|\bet\b|\bmais\b")
_NOT_PLAIN = re.compile(
    r"\b(?:non|pas|ni|sauf|im|partiel\w*|partie|moiti\w*|rejet\w*|annul\w*|attente"
    r"|confirm\w*|douteu\w*|[àa] venir|demain|bient[ôo]t|puis)\b|impay|\?|%|\d"
)
_SCANNED = 500  # data rows searched for a legend, beside the title rows and the last rows
# A legend's cell, whatever its colours say: « Légende : », « rouge = litige », « en vert : ».
_LEGEND_LIKE = re.compile(rf"^l[ée]gende\b|^{_COLOURS}\s*(?:=|:|→|->)|^en\s+{_COLOURS}\s*[:=]")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _filled_cells(row: Sequence[Any]) -> set[int]:
    return {i for i, v in enumerate(row) if _text(v)}


def _rows_of(frame: pd.DataFrame) -> list[tuple[Any, int]]:
    """(frame label, Excel row) of each invoice row."""
    return [(label, int(r)) for label, r in zip(frame.index, frame["row"], strict=True)]


def _owed(frame: pd.DataFrame, label: Any) -> bool:
    return not bool(frame.loc[label, "is_paid"])


def _hold_struck(frame: pd.DataFrame, grid: Sequence[Sequence[Any]], looks: RowLooks) -> list[str]:
    """Hold the owed rows struck through on most of their cells; one warning naming them."""
    held = []
    for label, row in _rows_of(frame):
        struck = looks.struck.get(row)
        if not struck or row > len(grid) or not _owed(frame, label):
            continue
        cells = _filled_cells(grid[row - 1])
        if len(struck & cells) >= 2 and 2 * len(struck & cells) > len(cells):
            mark_held(frame, label, STRUCK)
            held.append(row)
    if not held:
        return []
    named = ", ".join(map(str, held[:10])) + (" …" if len(held) > 10 else "")
    return [
        f"{len(held)} ligne(s) barrée(s) (ligne(s) {named}) : payée(s) ou annulée(s) ? "
        "notez-le dans une colonne (« Réglé le », « Statut ») ; non relancée(s)."
    ]


def _row_colours(frame: pd.DataFrame, grid: Sequence[Sequence[Any]], looks: RowLooks) -> dict:
    """Frame label -> the colour filling most of the row's non-empty cells."""
    out = {}
    for label, row in _rows_of(frame):
        fills = looks.filled.get(row)
        if not fills or row > len(grid):
            continue
        cells = _filled_cells(grid[row - 1])
        colours = Counter(fills[c] for c in cells if c in fills)
        if colours:
            colour, count = colours.most_common(1)[0]
            if 2 * count > len(cells):
                out[label] = colour
    return out


def legends(cells: Iterable[Any]) -> dict[str, str]:
    """Colour -> the text saying it means paid (« vert = payé »), from these cells."""
    found: dict[str, str] = {}
    for value in cells:
        text = _text(value)
        if not isinstance(value, str) or not text or len(text) > 200:
            continue
        for clause in _CLAUSES.split(text.lower()):
            if _NOT_PLAIN.search(clause):
                continue  # « impayées en rouge », « payé partiellement », « payé ? »: no legend
            for pattern in _LEGENDS:
                for match in pattern.finditer(clause):
                    found.setdefault(match.group(1), text)
    return found


def legend_like(value: Any) -> bool:
    """Whether a header-row cell is a colour legend (« Légende : vert = payé »), no header."""
    text = _text(value).lower()
    return bool(text) and (bool(_LEGEND_LIKE.search(text)) or bool(legends([text])))


def _legend_cells(grid: Sequence[Sequence[Any]], header: int, read: set[int]) -> Iterable[Any]:
    """The cells a legend may sit in: above the header, beside the table's read columns in
    the header row and the first rows, and the last rows."""
    for row in grid[:header]:
        yield from row
    for row in [*grid[header : header + 1 + _SCANNED], *grid[-20:]]:
        yield from (v for i, v in enumerate(row) if i not in read)


def _colours(
    frame: pd.DataFrame,
    grid: Sequence[Sequence[Any]],
    header: int,
    positions: dict[str, int],
    looks: RowLooks,
) -> list[str]:
    """The warning on coloured rows in a ledger saying nowhere what is paid; the rows of a
    colour a legend says means paid held."""
    if PAID_TOLD & positions.keys() or not looks.filled:
        return []
    colours = _row_colours(frame, grid, looks)
    if not colours or len(colours) == len(frame):
        return []
    said = legends(_legend_cells(grid, header, set(positions.values())))
    out = []
    held = [label for label, c in colours.items() if c in said and _owed(frame, label)]
    for label in held:
        colour = colours[label]
        mark_held(frame, label, LEGEND.format(colour=colour, said=said[colour]))
    if held:
        rows = ", ".join(str(int(frame.loc[label, "row"])) for label in held[:10])
        out.append(
            f"{len(held)} ligne(s) de la couleur que la légende dit « payé » (ligne(s) "
            f"{rows}) : réglée(s), non relancée(s) ; ajoutez une colonne « Réglé le » pour le "
            "dire sans couleur."
        )
    named = ", ".join(sorted({c for c in colours.values() if c})) or "couleur du thème"
    out.insert(0,
        f"{len(colours)} lignes sur {len(frame)} sont colorées ({named}) et aucune colonne ne "
        "dit ce qui est réglé : relance-xlsx ne lit pas les couleurs ; ajoutez une colonne "
        "« Réglé le » ou « Statut »."
    )  # fmt: skip
    return out


def row_marks(
    path: Path,
    sheet: str,
    frame: pd.DataFrame,
    grid: Sequence[Sequence[Any]],
    header: int,
    positions: dict[str, int],
) -> tuple[list[str], list[Decision]]:
    """The warnings and decisions of the data rows' look (struck, coloured, hidden); struck
    rows and rows of a colour the sheet's legend says paid held in the frame, in place."""
    if not len(frame) or not zipfile.is_zipfile(path):
        return [], []
    # A ledger saying what is paid in a column: its fills are not searched (a banded table
    # styles every cell, and its million rows would cost a search each).
    looks = row_looks(path, sheet, fills=not PAID_TOLD & positions.keys())
    warnings = _hold_struck(frame, grid, looks) if looks.struck else []
    warnings += _colours(frame, grid, header, positions, looks)
    # Counted in the frame's own column: a list of a million (label, row) pairs cost 120 MB.
    hidden = int(frame["row"].isin(looks.hidden).sum()) if looks.hidden else 0
    return warnings, [Decision(HIDDEN, hidden)] if hidden else []


__all__ = ["HIDDEN", "LEGEND", "PAID_TOLD", "STRUCK", "legend_like", "legends", "row_marks"]
