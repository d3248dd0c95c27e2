"""Reminders the workbook says were already sent, without a « Niveau de relance » column: a
reminder date alone, « Nombre de relances », a status « Relancée », or one date column per
stage (« 1ère relance », « 2ème relance », « Mise en demeure »). The escalation goes on from
the stage reached, never back to a first reminder (review-pubwb6 M1).

« Nombre de relances » counts only as a plain whole number of 0 to 9, never beyond Relance 2.
A stage counts only for a date, or a « x » / « Oui » (sent, its date unknown); « Non », « 0 »,
« à faire », a placeholder or an empty cell is no stage. A reminder date after the run's day
is planned, not sent: warned on its row, never counted (review-nextcase2 H2, H6)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np

from .coded import Coded, object_array
from .columns import normalise
from .followup import notice_reached
from .grid import Grid
from .levels import FORMAL_NOTICE, REMINDER_1, REMINDER_2
from .placeholders import is_placeholder
from .values import parse_date, parse_flag

# One date column per stage, the highest filled one the stage reached.
STAGES = (("stage_1", REMINDER_1), ("stage_2", REMINDER_2), ("stage_notice", FORMAL_NOTICE))
_STATUSES = ("status", "payment_status", "reminder_status")
# « Relancée », « Relancé 2 fois », « Relancée (2) »: reminded, the number the stage.
_REMINDED = re.compile(r"^(?:deja )?relance(?:e|es|s)?(?: (\d)(?: fois)?)?$")


# Only a plain whole number of 0 to 9 counts (review-attack-6 §8): « 2 (à faire) », « 3
# prévues », « 3 ? », « 2/3 », 99 or 46000 (a date's serial) are notes, not reminders sent.
_COUNT = re.compile(r"^\d$")
_MOST = 9
_COUNT_EXPECTED = (
    "nombre de relances attendu : un nombre entier seul, de 0 à 9 (une note comme « 2 (à "
    "faire) », « 3 prévues » ou « 3 ? » ne compte aucune relance envoyée)"
)


def parse_count(value: Any) -> int | None:
    """A « Nombre de relances » cell: a plain whole number of reminders sent, 0 to 9."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value:  # NaN: empty
            return None
        if not float(value).is_integer() or not 0 <= value <= _MOST:
            raise ValueError(_COUNT_EXPECTED)
        return int(value)
    text = str(value).strip()
    if not text:
        return None
    if _COUNT.match(text) is None:
        raise ValueError(_COUNT_EXPECTED)
    return int(text)


def _stage_date(value: Any) -> dt.date | bool | None:
    """A stage's cell: its date; True for « x » or « oui » (sent, date unknown); None for
    « non », « 0 », a placeholder or an empty cell (not sent)."""
    if is_placeholder(value):
        return None
    try:
        return parse_flag(value) or None
    except ValueError:
        pass
    return parse_date(value)


_AHEAD = (
    "date de relance postérieure au jour du traitement : une relance prévue n'est pas une "
    "relance envoyée, elle n'est pas comptée (corrigez la date une fois la relance envoyée)"
)


def _not_ahead(grid: Grid, field: str, column: Coded, as_of: dt.date) -> Coded:
    """The column with its dates after the run's day dropped, each a warning on its row."""
    ahead = column.mask(lambda v: isinstance(v, dt.date) and v > as_of)
    if not ahead.any():
        return column
    raw = grid.raw(field)
    for i in np.flatnonzero(ahead).tolist():
        grid.problem(i, field, raw.at(i), _AHEAD, "warning")
    return Coded.of(
        object_array([None if a else v for a, v in zip(ahead, column.array(), strict=True)])
    )


def _status_level(value: Any) -> int:
    found = _REMINDED.match(normalise(value)) if isinstance(value, str) else None
    if found is None:
        return 0
    return min(int(found.group(1) or REMINDER_1), REMINDER_2) or REMINDER_1


_NO_NOTICE_COUNTED = (
    "plus de deux relances comptées : un nombre de relances ne dit pas qu'une mise en demeure "
    "a été envoyée ; lu comme une 2e relance, la mise en demeure est la lettre suivante "
    "(si elle a été envoyée, écrivez « Mise en demeure » et sa date dans « Niveau de relance »)"
)
_NONE_COUNTED = (
    "nombre de relances à 0 mais une date de relance est écrite : la date est retenue "
    "(une relance envoyée ce jour-là) ; corrigez l'une des deux"
)
_LEVEL_APART = (
    "le statut compte plus de relances que la colonne du niveau de relance : le niveau écrit "
    "dans sa colonne, daté, est retenu ; corrigez l'un des deux"
)


def _said_levels(grid: Grid, levels: np.ndarray, last_date: Coded) -> np.ndarray:
    """The stage « Nombre de relances » and a status « Relancée 2 fois » say was reached; a
    count of 0 beside a reminder date is warned, and a status above a level column written on
    its row is warned and does not raise it (the level column is the dated one)."""
    reached = np.zeros(len(grid), dtype=int)
    if "reminder_count" in grid.positions:
        counts = grid.parse("reminder_count", parse_count, "warning")
        number = counts.map(lambda n: n if isinstance(n, int) else 0).array(int)
        # A count of reminders never says a formal notice was sent (review-late H1): at most
        # Relance 2, the notice is the next letter, warned.
        reached = np.maximum(reached, np.minimum(number, REMINDER_2))
        raw = grid.raw("reminder_count")
        for i in np.flatnonzero(number > REMINDER_2).tolist():
            grid.problem(i, "reminder_count", raw.at(i), _NO_NOTICE_COUNTED, "warning")
        for i in np.flatnonzero(counts.mask(lambda n: n == 0) & last_date.present()).tolist():
            grid.problem(i, "reminder_count", raw.at(i), _NONE_COUNTED, "warning")
    written = (levels > 0) & ("reminder_level" in grid.positions)
    for field in _STATUSES:
        if field not in grid.positions:
            continue
        said = grid.raw(field).map(_status_level).array(int)
        for i in np.flatnonzero(written & (said > levels)).tolist():
            grid.problem(i, field, grid.raw(field).at(i), _LEVEL_APART, "warning")
        reached = np.maximum(reached, np.where(written, 0, said))
    return reached


def sent_levels(
    grid: Grid, levels: np.ndarray, last_date: Coded, as_of: dt.date
) -> tuple[np.ndarray, Coded]:
    """The levels and last reminder dates with what the other columns say was sent (a date
    after the run's day is planned, not sent: warned, not counted)."""
    last_date = _not_ahead(grid, "reminder_date", last_date, as_of)
    levels = np.where(notice_reached(grid), np.maximum(levels, FORMAL_NOTICE), levels)  # « MED »
    reached = np.zeros(len(grid), dtype=int)
    if "reminder_level" not in grid.positions:
        # A reminder date with no level: at least the first reminder went out that day.
        reached = np.where(last_date.present(), REMINDER_1, reached)
    reached = np.maximum(reached, _said_levels(grid, levels, last_date))
    days = last_date.array()
    for field, stage in STAGES:
        if field not in grid.positions:
            continue
        dates = _not_ahead(grid, field, grid.parse(field, _stage_date, "warning"), as_of)
        reached = np.where(dates.present(), np.maximum(reached, stage), reached)
        for i in np.flatnonzero(dates.present()).tolist():
            day = dates.at(i)
            if day is True:
                continue
            if days[i] is None or day > days[i]:
                days[i] = day
    if not any(f in grid.positions for f, _ in STAGES):
        return np.maximum(levels, reached), last_date
    return np.maximum(levels, reached), Coded.of(object_array(list(days)))


__all__ = ["STAGES", "parse_count", "sent_levels"]
