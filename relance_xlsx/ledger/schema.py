"""The canonical invoice frame: its columns, in order (one row per invoice of the ledger)."""

from __future__ import annotations

COLUMNS = (
    "row",
    "invoice",
    "client",
    "invoice_date",
    # When the invoice was received (public buyers' terms run from it, R2192-12) and when the
    # goods were delivered or the work done (a consumer's prescription runs from it).
    "receipt_date",
    "performance_date",
    "due_date",
    # Why the due date is the law's rather than the ledger's (a public buyer), for the status.
    "term_note",
    "payment_date",
    # Every payment of the invoice, (date, amount) in date order, when a payments sheet
    # gives them; None otherwise (the ledger's one « Date règlement » is payment_date).
    "payments",
    "amount",
    "paid",
    # Whether nothing in the row says what was paid (its « Montant réglé » cell left blank):
    # a payments sheet then says it (ledger/payments.py).
    "paid_blank",
    # The credit note applied to the invoice (« Avoir imputé »), part of paid: not received.
    "applied",
    # The gap a « Net à payer » leaves under the amount, no paid column saying it was received.
    "netted",
    "outstanding",
    # The retention (« Retenue de garantie ») left out of what is owed now, 0 where none.
    "retention",
    "is_paid",
    "hold",
    "hold_reason",
    # « Ne pas relancer avant »: its date, whether it holds the invoice today, the reason.
    "hold_until",
    "held_back",
    "held_reason",
    # Why an owed invoice waits this week (a payment the platform says was sent), or None.
    "wait_reason",
    "promise_date",
    "promise_amount",
    "registered_no",
    "ar_date",
    "is_credit",
    # A payment received and not applied (« Acompte », « Règlement »): a credit, never an avoir.
    "on_account",
    # On an invoice, the payments received and not applied imputed on it by law (Code civil
    # 1342-10, ledger/imputation.py), as (number, day, amount used, amount received); or None.
    "imputed",
    # On a credit note, the invoice it names; on an invoice, its credits as (date, amount).
    "credit_for",
    "credits",
    "consumer",
    "public",
    # The kind of public buyer: state, local, health, epic, public_enterprise, public; None.
    "buyer",
    "insolvent",
    # Collective proceedings: their kind, the opening judgment, the BODACC notice, who and where.
    "proceedings",
    "judgment_date",
    "bodacc_date",
    "mandataire",
    "court",
    "object",
    "email",
    "address",
    "contact",
    "phone",
    "siret",
    # The client's legal identity, for its litigation file and declaration of claim.
    "legal_form",
    "head_office",
    "representative",
    "attachment",
    "language",
    "currency",
    "level",
    "last_date",
    "level_without_date",
    "thanked",
    "claimed",
    "acknowledged",
    "pre_due_sent",
    "valid",
    "problem",
    "level_text",
    "status_text",
)

__all__ = ["COLUMNS"]
