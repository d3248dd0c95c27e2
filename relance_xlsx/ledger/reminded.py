"""An invoice whose reminders are recorded (a « Niveau de relance » of 1 or more, a reminder
date, a count of reminders) was issued and received: a status calling it a draft or not sent
(« À valider », « Non envoyée ») never drops it silently, it is held with a question on its
row (review-pubre2 H2); a « Non » under « Envoyée » never holds it, it is chased (M1)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .coded import nones, object_array
from .grid import Grid
from .levels import parse_level
from .text import is_empty
from .values import parse_date

ISSUED = (
    "mais une relance est enregistrée ({proof}) : la facture a donc été émise, elle n'est pas "
    "écartée comme brouillon ; en attente, pas de relance ; corrigez le statut (ou la relance) "
    "pour la relancer"
)
SENT_ANYWAY = (
    "non envoyée d'après la colonne d'envoi, mais une relance est enregistrée ({proof}) : "
    "tenue pour envoyée, relancée si elle est échue"
)


def reminded_rows(grid: Grid) -> np.ndarray:
    """Per row, the cell proving a reminder was recorded (« « Relance 2 », colonne « Niveau
    de relance » »), or None."""
    proof = nones(len(grid))
    tests = (("reminder_level", _level), ("reminder_date", _dated), ("reminder_count", _counted))
    for field, test in tests:
        if field in grid.positions:
            raw, header = grid.raw(field), grid.header(field)
            # Once per distinct value, not per row (a million rows reminded).
            said = [
                f"« {_shown(v)} », colonne « {header} »" if test(v) else None for v in raw.values
            ]
            proof = np.where(proof == None, object_array(said)[raw.codes], proof)  # noqa: E711
    return proof


def issued_drafts(
    grid: Grid, rows: np.ndarray, fields: np.ndarray, proof: np.ndarray
) -> np.ndarray:
    """The question held on each row a status calls a draft though a reminder is recorded
    (rows: those drafts; fields: the status field that said it), with a warning naming the
    cell; None elsewhere."""
    asked = nones(len(grid))
    for i in np.flatnonzero(rows & (proof != None)).tolist():  # noqa: E711
        field = str(fields[i])
        value = grid.raw(field).at(i)
        said = f"statut « {_shown(value)} » " + ISSUED.format(proof=proof[i])
        grid.problem(i, field, value, said, "warning")
        header = grid.header(field)
        asked[i] = (
            f"En attente (« {_shown(value)} », colonne « {header} ») : statut « {_shown(value)} » "
            "mais une relance est enregistrée, à vérifier, pas de relance"
        )
    return asked


def sent_anyway(grid: Grid, held: np.ndarray, proof: np.ndarray) -> np.ndarray:
    """Rows a « Non » under « Envoyée » would hold though a reminder is recorded: chased,
    with a warning on each (held: the rows the column holds)."""
    rows = held & (proof != None)  # noqa: E711
    raw = grid.raw("sent_flag")
    for i in np.flatnonzero(rows).tolist():
        grid.problem(i, "sent_flag", raw.at(i), SENT_ANYWAY.format(proof=proof[i]), "warning")
    return rows


def _level(value: Any) -> bool:
    try:
        history = parse_level(value)
    except ValueError:
        return False
    return history.level >= 1 or history.pre_due


def _dated(value: Any) -> bool:
    try:
        return not is_empty(value) and parse_date(value) is not None
    except ValueError:
        return False


def _counted(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return False
    try:
        return float(str(value).strip().replace(",", ".")) >= 1
    except ValueError:
        return False


def _shown(value: Any) -> str:
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return " ".join(str(value).split())


__all__ = ["ISSUED", "SENT_ANYWAY", "issued_drafts", "reminded_rows", "sent_anyway"]
