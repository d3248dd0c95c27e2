"""A status that says paid on a day after the run's (« Réglée le 15/01/2027 »): no payment
yet, as a payment date after the run is none in its own column (review-attack-5 §6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from .followup import written_day
from .grid import Grid
from .statuses import status_says_paid

_STATUSES = ("status", "payment_status", "platform_status")
FUTURE_SAID = (
    "le statut dit la facture réglée à une date postérieure à la date du jour : ce n'est pas "
    "encore un règlement ; la facture n'est ni tenue pour réglée ni relancée tant que le "
    "statut n'est pas corrigé (une date prévue se met dans « Date promise »)"
)


def _after(value: Any, as_of: dt.date) -> bool:
    """Whether a paid status writes a day after as_of."""
    if not isinstance(value, str) or not status_says_paid(value):
        return False
    day = written_day(value)
    return day is not None and day > as_of


def future_paid_statuses(grid: Grid, as_of: dt.date) -> None:
    """A problem (an error: the row held) on each row whose paid status is dated after as_of."""
    for field in _STATUSES:
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        late = np.array([_after(v, as_of) for v in raw.values], dtype=bool)
        if not late.any():
            continue
        for i in np.flatnonzero(late[raw.codes] & (raw.codes >= 0)).tolist():
            grid.problem(i, field, raw.at(i), FUTURE_SAID, "error")


def paid_status_unpaid(
    grid: Grid, said: np.ndarray, paid_cell: np.ndarray, dated: np.ndarray, amount: np.ndarray
) -> None:
    """A warning on each row a paid status settles whose paid cell says 0 and no payment date
    says when (review-pubwb7 L2): settled (the safe side: no letter to a client who may have
    paid), but the office is asked to check, or the amount may be forgotten."""
    if "paid" not in grid.positions:
        return
    nothing = said & (np.nan_to_num(paid_cell, nan=-1.0) == 0) & ~dated & (amount > 0)
    if not nothing.any():
        return
    field = next((f for f in (*_STATUSES, "paid_flag") if f in grid.positions), None)
    raw = grid.raw(field) if field else None
    for i in np.flatnonzero(nothing).tolist():
        shown = str(raw.at(i)).strip() if raw is not None else "réglée"
        grid.problem(
            i, field, raw.at(i) if raw is not None else None,
            f"statut « {shown} » mais montant réglé 0 et pas de date de règlement : vérifiez",
            "warning",
        )  # fmt: skip


__all__ = ["FUTURE_SAID", "future_paid_statuses", "paid_status_unpaid"]
