"""Why an invoice is not chased this week though it is owed: a dispute, a suspension, a
payment the client says it sent. Each reason is the sentence the run writes as its status."""

from __future__ import annotations

from typing import Any

import numpy as np

from .coded import nones
from .flagged import PENDING_READERS
from .grid import Grid
from .pending import PROMISED, pending_rows, pending_word
from .remarks import disputes
from .standing import Standing
from .statuses import HOLD, WAIT
from .values import parse_hold


def hold_columns(grid: Grid, standing: Standing) -> dict[str, Any]:
    """hold, hold_reason and wait_reason of each row."""
    held = grid.parse("hold", parse_hold).mask(lambda v: v is True)
    disputed, quoted = disputes(grid)
    reason = nones(len(grid))
    reason[disputed] = "En litige " + quoted[disputed] + " : pas de relance tant que le litige dure"
    suspended = standing.rows(HOLD) & ~disputed & ~_dated_promise(grid)
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


def _dated_promise(grid: Grid) -> np.ndarray:
    """Rows whose status says a promise to pay and that give the promised date: the date's
    own rule holds them until it (and resumes after), not the status."""
    said = np.zeros(len(grid), dtype=bool)
    if "promise_date" not in grid.positions:
        return said
    for field in ("status", "payment_status", "platform_status"):
        if field in grid.positions:
            said |= grid.raw(field).mask(lambda v: pending_word(v) == PROMISED)
    return said & grid.raw("promise_date").present()


__all__ = ["hold_columns"]
