"""Why an invoice is not chased this week though it is owed: a dispute, a suspension, a
payment the client says it sent. Each reason is the sentence the run writes as its status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from .atsale import receipts_book
from .clientsplaces import two_places
from .coded import nones
from .flagged import PENDING_READERS
from .followup import notice_reached, status_promises
from .freetext import paid_remarks
from .grid import Grid
from .levels import FORMAL_NOTICE, parse_level
from .pending import (
    DOUBTFUL_PAID,
    NOTICE_SENT,
    PRE_LITIGATION,
    PROMISED,
    pending_rows,
    pending_word,
)
from .remarks import disputes
from .standing import Standing
from .statuses import HOLD, WAIT
from .twoclients import two_clients
from .values import is_empty, parse_hold

# « Payé en double » on a credit note: the client did not pay it, a refund may have gone out
# twice; the credit note is deducted as usual, with this warning (review-late M2).
CREDIT_DOUBT = (
    "avoir remboursé deux fois ? à vérifier : un avoir n'est pas payé par le client ; il est "
    "déduit comme d'habitude, le client n'est pas mis en attente"
)


def hold_columns(grid: Grid, standing: Standing, is_credit: np.ndarray) -> dict[str, Any]:
    """hold, hold_reason and wait_reason of each row (is_credit: the credit notes)."""
    held = grid.parse("hold", parse_hold).mask(lambda v: v is True)
    disputed, quoted = disputes(grid)
    reason = nones(len(grid))
    reason[disputed] = "En litige " + quoted[disputed] + " : pas de relance tant que le litige dure"
    suspended = standing.rows(HOLD) & ~disputed & ~_said_elsewhere(grid)
    # Something under way (an « Avoir à faire », a lawyer under « Contentieux »): its own
    # reason, and a warning on its row.
    readers = PENDING_READERS
    if not receipts_book(grid.positions):  # « Mode de règlement » of an invoice: no payment
        readers = {f: r for f, r in readers.items() if f != "payment_method"}
    pending = pending_rows(grid, suspended, readers)
    suspended &= ~_credit_doubts(grid, pending, is_credit)
    under_way = pending != None  # noqa: E711
    reason[under_way] = pending[under_way]
    suspended &= ~under_way
    asked = suspended & (standing.asked != None)  # noqa: E711  (review-pubre2 H2)
    reason[asked] = standing.asked[asked]
    suspended &= ~asked
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
    held = held | disputed | suspended | under_way | asked
    return {"hold": held, "hold_reason": reason, "wait_reason": wait}


def _credit_doubts(grid: Grid, pending: np.ndarray, is_credit: np.ndarray) -> np.ndarray:
    """Release, in place, the credit notes a doubtful payment word held (their warning said as
    a refund to check instead of a payment in doubt); the rows released."""
    doubt = DOUBTFUL_PAID.split(" : ")[0]
    rows = {
        int(grid.numbers[i])
        for i in np.flatnonzero(is_credit).tolist()
        if pending[i] is not None and doubt in pending[i]
    }
    released = np.isin(grid.numbers, list(rows))
    for p in list(grid.problems):
        if p.row in rows and p.message == DOUBTFUL_PAID:
            grid.problems.remove(p)
            grid.problems.append(replace(p, message=CREDIT_DOUBT))
    pending[released] = None
    return released


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
    naming two companies, a client name with two addresses."""
    return two_places(grid, two_clients(grid, paid_remarks(grid, holds, owed), owed), owed)


__all__ = ["hold_columns", "owed_holds"]
