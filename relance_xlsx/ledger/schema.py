"""The canonical invoice frame: its columns, in order (one row per invoice of the ledger)."""

from __future__ import annotations

COLUMNS = (
    "row",
    "invoice",
    "client",
    "invoice_date",
    "due_date",
    "payment_date",
    # Every payment of the invoice, (date, amount) in date order, when a payments sheet
    # gives them; None otherwise (the ledger's one « Date règlement » is payment_date).
    "payments",
    "amount",
    "paid",
    "outstanding",
    "is_paid",
    "hold",
    "hold_reason",
    "promise_date",
    "promise_amount",
    "registered_no",
    "ar_date",
    "is_credit",
    "consumer",
    "public",
    "insolvent",
    "bodacc_date",
    "object",
    "email",
    "address",
    "contact",
    "phone",
    "siret",
    "attachment",
    "language",
    "currency",
    "level",
    "last_date",
    "level_without_date",
    "thanked",
    "claimed",
    "pre_due_sent",
    "valid",
    "problem",
    "level_text",
    "status_text",
)

__all__ = ["COLUMNS"]
