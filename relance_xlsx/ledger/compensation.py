"""The client's free credit notes set against its invoices by compensation (Code civil 1347):
a credit note naming no open invoice of the client, or what is left of one larger than the
invoice it names. The letters, the litigation file and the statement deduct it from the
principal claimed; here, the invoices it extinguishes, and from when, for their interest:
compensation takes effect when its conditions meet (1347 al. 2), the later of the credit
note's date and the invoice's due date, so the interest base drops from that day, as after a
dated payment (review-lawhand 2). The debts are taken in the order of imputation (1342-10
al. 2, ledger/imputation.py: those due at the credit's date first, then the oldest), never a
held one."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .clients import key_of
from .imputation import chased, imputation_order, received_on

# On an invoice, the free credit notes set against it: ((day it takes effect, amount, the
# credit note's number), ...), or None. Its interest base drops by the amount from that day
# (policy/stretches.py).
COMPENSATIONS = "compensations"


def compensate(frame: pd.DataFrame, tolerance: float, barred_on: pd.Series | None = None) -> None:
    """Each free credit note's amount left, set against its client's invoices still owed, in
    place: the (day, amount) each invoice's interest base loses (COMPENSATIONS column).
    barred_on: the day each invoice's claim is time-barred (the policy's, once known): a
    debt barred when compensation would take effect takes none (Code civil 1347-3)."""
    frame[COMPENSATIONS] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    valid = frame["valid"].to_numpy(dtype=bool)
    credit = frame["is_credit"].to_numpy(dtype=bool) & valid
    if "on_account" in frame:  # a payment received is imputed by law, not compensated
        credit &= ~frame["on_account"].to_numpy(dtype=bool)
    credit &= (frame["outstanding"] < -tolerance).to_numpy(dtype=bool)
    if not credit.any():
        return
    owed = frame.index[
        valid
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & (frame["outstanding"] > tolerance).to_numpy(dtype=bool)
    ]
    wanted = {key_of(c) for c in frame.loc[credit, "client"].tolist()}
    by_client: dict[str, list[Any]] = {}
    named: set[tuple[str, str]] = set()
    sub = frame.loc[owed, ["client", "invoice"]]
    for i, c, n in zip(owed, sub["client"].tolist(), sub["invoice"].tolist(), strict=True):
        client = key_of(c)
        if client in wanted:
            by_client.setdefault(client, []).append(i)
            named.add((client, key_of(n)))
    held = frame["hold"].fillna(False).astype(bool) if "hold" in frame else None
    need = {i: _need(frame, i) for rows in by_client.values() for i in rows}
    for row in sorted(frame.index[credit], key=lambda r: (received_on(frame, r), r)):
        client = key_of(frame.at[row, "client"])
        target = frame.at[row, "credit_for"] if "credit_for" in frame else None
        if isinstance(target, str | int | float) and (client, key_of(target)) in named:
            continue  # it names an invoice still open: deducted in that invoice's part
        left = round(-float(frame.at[row, "outstanding"]), 2)
        day = received_on(frame, row)
        targets = chased(frame, by_client.get(client, []), held, row)
        for i in sorted(targets, key=lambda t: imputation_order(frame, t, day)):
            use = round(min(left, need[i]), 2)
            due = frame.at[i, "due_date"]
            effect = due if pd.isna(day) or day == pd.Timestamp.max else max(day, due)
            if use <= 0.005 or (barred_on is not None and barred_on[i] <= effect):
                continue
            need[i], left = round(need[i] - use, 2), round(left - use, 2)
            said = (effect, use, str(frame.at[row, "invoice"] or "–"))
            frame.at[i, COMPENSATIONS] = (*(frame.at[i, COMPENSATIONS] or ()), said)
            if left <= 0.005:
                break


def _need(frame: pd.DataFrame, i: Any) -> float:
    """What compensation may still take of an invoice: what remains of it, less the credit
    notes naming it that its own letter part deducts."""
    credits = frame.at[i, "credits"] if "credits" in frame else None
    named = sum(c for _, c in credits) if isinstance(credits, tuple) else 0.0
    return max(round(float(frame.at[i, "outstanding"]) - float(named), 2), 0.0)


__all__ = ["COMPENSATIONS", "compensate"]
