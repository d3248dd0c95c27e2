"""Why an invoice is not chased this week though it is owed: a dispute, a suspension, a
payment the client says it sent. Each reason is the sentence the run writes as its status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .coded import nones
from .flagged import PENDING_READERS
from .followup import notice_reached, status_promises
from .freetext import paid_remarks
from .grid import Grid
from .levels import FORMAL_NOTICE, parse_level
from .pending import NOTICE_SENT, PRE_LITIGATION, PROMISED, pending_rows, pending_word
from .remarks import disputes
from .standing import Standing
from .statuses import HOLD, WAIT
from .twoclients import two_clients
from .values import is_empty, parse_hold


def hold_columns(grid: Grid, standing: Standing) -> dict[str, Any]:
    """hold, hold_reason and wait_reason of each row."""
    held = grid.parse("hold", parse_hold).mask(lambda v: v is True)
    disputed, quoted = disputes(grid)
    reason = nones(len(grid))
    reason[disputed] = "En litige " + quoted[disputed] + " : pas de relance tant que le litige dure"
    suspended = standing.rows(HOLD) & ~disputed & ~_said_elsewhere(grid)
    # Something under way (an « Avoir à faire », a lawyer under « Contentieux »): its own
    # reason, and a warning on its row.
    pending = pending_rows(grid, suspended, PENDING_READERS)
    under_way = pending != None  # noqa: E711
    reason[under_way] = pending[under_way]
    suspended &= ~under_way
    reason[suspended] = (
        "Suspendue (" + standing.said[suspended] + ") : pas de relance tant que la suspension "
        "n'est pas levée"
    )
    waiting = standing.rows(WAIT)
    wait = nones(len(grid))
    wait[waiting] = (
        "Paiement transmis (" + standing.said[waiting] + ") : en attente de l'encaissement, "
        "pas de relance cette semaine"
    )
    held = held | disputed | suspended | under_way
    return {"hold": held, "hold_reason": reason, "wait_reason": wait}


def _said_elsewhere(grid: Grid) -> np.ndarray:
    """Rows whose status names a step another column already gives: a promise to pay with
    its date (the date's own rule holds the invoice until it, and resumes after); a formal
    notice or the pre-litigation stage with a level « Mise en demeure » or beyond."""
    answered = {
        PROMISED: _given(grid, "promise_date", lambda v: True) | ~np.isnat(status_promises(grid)),
        NOTICE_SENT: _given(grid, "reminder_level", _notice_level) | notice_reached(grid),
        PRE_LITIGATION: _given(grid, "reminder_level", _notice_level),
    }
    out = np.zeros(len(grid), dtype=bool)
    for field in ("status", "payment_status", "platform_status"):
        if field in grid.positions:
            said = grid.raw(field).map(pending_word).array()
            for warning, given in answered.items():
                out |= (said == warning) & given
    return out


def _given(grid: Grid, field: str, test: Callable[[Any], bool]) -> np.ndarray:
    if field not in grid.positions:
        return np.zeros(len(grid), dtype=bool)
    return grid.raw(field).mask(lambda v: not is_empty(v) and test(v))


def _notice_level(value: Any) -> bool:
    try:
        return parse_level(value).level >= FORMAL_NOTICE
    except ValueError:
        return False


def owed_holds(grid: Grid, holds: dict[str, Any], owed: np.ndarray) -> dict[str, Any]:
    """The holds only an invoice still owed needs: a remark saying it was paid, a client cell
    naming two companies."""
    return two_clients(grid, paid_remarks(grid, holds, owed), owed)


__all__ = ["hold_columns", "owed_holds"]
