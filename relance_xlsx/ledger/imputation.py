"""Payments received and not applied by the client (« Acompte », « Règlement »): imputed by
law on its debts (Code civil 1342-10 al. 2: the debts due first, then the oldest), those
chased only: never on a held one (dispute, promise…)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .clients import key_of


def impute_received(frame: pd.DataFrame, tolerance: float) -> None:
    """Each payment received and not applied, used on its client's unpaid invoices (due at
    its date first, the oldest first) as a payment of its date; the surplus stays open."""
    if "on_account" not in frame or not frame["on_account"].any():
        return
    owed = frame.index[
        frame["valid"] & ~frame["is_credit"] & ~frame["is_paid"] & (frame["outstanding"] > 0)
    ]
    held = frame["hold"].fillna(False).astype(bool) if "hold" in frame else None
    by_client: dict[str, list[Any]] = {}
    for i in owed:
        by_client.setdefault(key_of(frame.at[i, "client"]), []).append(i)
    received = frame.index[frame["on_account"] & frame["valid"] & (frame["outstanding"] < 0)]
    for row in sorted(received, key=lambda r: (received_on(frame, r), r)):
        targets = chased(frame, by_client.get(key_of(frame.at[row, "client"]), []), held, row)
        for target in sorted(
            targets, key=lambda t: imputation_order(frame, t, received_on(frame, row))
        ):
            left = -float(frame.at[row, "outstanding"])
            need = float(frame.at[target, "outstanding"])
            if left <= tolerance:
                break
            if need <= tolerance:
                continue
            _apply(frame, target, row, round(min(left, need), 2), tolerance)


def chased(frame: pd.DataFrame, owed: list[Any], held: pd.Series | None, row: Any) -> list[Any]:
    """The client's debts a payment goes to: those chased, never one held (a dispute, a
    suspension, a promise under way: the client shows he does not pay it); none when every
    debt due on the payment's day is held: the payment stays « non imputé », to be imputed
    by the client (Code civil 1342-10 al. 1), not by law on a debt not yet due."""
    if held is None or not owed:
        return owed
    chased = [t for t in owed if not held.at[t]]
    day = received_on(frame, row)
    due = [t for t in owed if pd.notna(frame.at[t, "due_date"]) and frame.at[t, "due_date"] <= day]
    if due and all(held.at[t] for t in due):
        return []
    return chased


def received_on(frame: pd.DataFrame, row: Any) -> pd.Timestamp:
    """The day of a payment received or a credit note (its row's date); Timestamp.max if none."""
    day = frame.at[row, "invoice_date"]
    return day if pd.notna(day) else pd.Timestamp.max


def imputation_order(frame: pd.DataFrame, target: Any, day: pd.Timestamp) -> tuple[bool, Any, Any]:
    """The key that sorts a client's debts in the order a payment of this day goes to them."""
    # 1342-10: the debts due on the payment's day first, then the oldest (due date, date).
    due = frame.at[target, "due_date"]
    due = due if pd.notna(due) else pd.Timestamp.max
    made = frame.at[target, "invoice_date"]
    return (not due <= day, due, made if pd.notna(made) else pd.Timestamp.max)


def _apply(frame: pd.DataFrame, target: Any, row: Any, use: float, tolerance: float) -> None:
    """The payment's part used on one invoice, dated as the payment (penalties on the rest
    from that day), and recorded for the letter's sentence (« imputé sur la facture »)."""
    day = frame.at[row, "invoice_date"]
    paid = float(frame.at[target, "paid"])
    before = frame.at[target, "payment_date"]
    payments = frame.at[target, "payments"]
    undated = paid > 0 and pd.isna(before) and payments is None
    if payments is None and paid > 0 and pd.notna(before):
        payments = ((before, paid),)
    if pd.notna(day) and not undated:
        payments = tuple(sorted((*(payments or ()), (day, use)), key=lambda p: p[0]))
        frame.at[target, "payments"] = payments
        if pd.isna(before) or day > before:
            frame.at[target, "payment_date"] = day
    frame.at[target, "paid"] = round(paid + use, 2)
    frame.at[target, "outstanding"] = round(float(frame.at[target, "outstanding"]) - use, 2)
    frame.at[target, "is_paid"] = float(frame.at[target, "outstanding"]) <= tolerance
    frame.at[row, "outstanding"] = round(float(frame.at[row, "outstanding"]) + use, 2)
    said = (str(frame.at[row, "invoice"] or "–"), day, use, -float(frame.at[row, "amount"]))
    frame.at[target, "imputed"] = (*(frame.at[target, "imputed"] or ()), said)


__all__ = ["chased", "imputation_order", "impute_received", "received_on"]
