"""A realistic letter context built by the real context code, for checking templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from ..config import Creditor, Settings
from ..ledger import KIND_FORMAL_NOTICE, KIND_REMINDER_1, KIND_REMINDER_2
from .context import letter_context
from .creditor import creditor_context
from .plan import LetterPlan, Part
from .records import LetterRows, Sent

# The stage each sample invoice had before its letter: a formal notice follows a 2nd reminder.
_BEFORE = {KIND_REMINDER_1: 0, KIND_REMINDER_2: 1, KIND_FORMAL_NOTICE: 2}
_STAGE = {KIND_REMINDER_1: 1, KIND_REMINDER_2: 2, KIND_FORMAL_NOTICE: 3}

SAMPLE_CREDITOR = Creditor(
    name="Atelier Martin SARL",
    address="12 rue des Tanneurs\n69002 Lyon",
    siret="123 456 789 00012",
    phone="04 72 00 00 00",
    email="compta@atelier-martin.fr",
    city="Lyon",
    signatory="Claire Martin",
    signatory_title="Gérante",
    iban="FR76 3000 4000 0500 0012 3456 789",
    bic="BNPAFRPPXXX",
    bank="BNP Paribas",
    payment_link="https://pay.example/atelier-martin",
)


def sample_context(
    language: str = "fr",
    kind: str = "mise_en_demeure",
    *,
    smallest: bool = False,
    client_type: str = "business",
) -> dict[str, Any]:
    """The context of a letter with two invoices and one credit note (or the least a ledger gives).

    The smallest: one invoice, a client with nothing but a name, a creditor with nothing but a name.
    client_type: "business", "public" or "consumer" (who owes no indemnity, and interest only
    from a formal notice: none in a reminder or a first notice).
    """
    if smallest:
        return _smallest_context(language, kind)
    claim = kind == "penalites"
    consumer = client_type == "consumer"
    # A consumer's interest runs from the notice (here 25 October, in a claim only).
    noticed = consumer and claim
    frame = _sample_frame(kind, client_type)
    decisions = pd.DataFrame(
        {
            "days_late": [38, 23, 0],
            "interest": [13.75, 3.67, 0.0] if noticed or not consumer else [0.0] * 3,
            "indemnity": [0.0] * 3 if consumer else [40.0, 40.0, 0.0],
            "level": [_STAGE.get(kind, 0)] * 2 + [0],
        }
    )
    client = frame.at[0, "client"]
    parts = (Part(kind, (0, 1), _BEFORE.get(kind, 0) >= 1),)
    # A claim for penalties deducts no credit note (the account's other letters do).
    credits = () if claim else (2,)
    plan = LetterPlan(client, kind, language, (0, 1), credits, (), (0, 1, 2), parts)
    # A formal notice's invoices had their first reminder on 20 October, the second on 3 Nov.
    day = dt.date
    first = [(day(2026, 10, 20), 1)] if _BEFORE.get(kind, 0) >= 2 else []
    first += [(day(2026, 10, 25), 3)] if noticed else []
    sent = {(client, n): first for n in ("F2026-014", "F2026-021")}
    periods = {} if consumer and not noticed else _SAMPLE_PERIODS
    return _context(frame, decisions, plan, SAMPLE_CREDITOR, periods, sent)


# 200 € paid on 25 October: 10 days on 1 234,56 €, then 28 days on 1 034,56 €, at 12,15 %.
_SAMPLE_PERIODS: dict[int, list[tuple[Any, ...]]] = {
    0: [
        (dt.date(2026, 10, 16), dt.date(2026, 10, 25), 10, 12.15, 1234.56, 4.11),
        (dt.date(2026, 10, 26), dt.date(2026, 11, 22), 28, 12.15, 1034.56, 9.64),
    ],
    1: [(dt.date(2026, 10, 31), dt.date(2026, 11, 22), 23, 12.15, 480.0, 3.67)],
}


def _sample_frame(kind: str, client_type: str) -> pd.DataFrame:
    """Two invoices and a credit note of one client, as the ledger would give them."""
    ts = pd.Timestamp
    before = _BEFORE.get(kind, 0)
    claim = kind == "penalites"
    return pd.DataFrame(
        {
            "invoice": ["F2026-014", "F2026-021", "AV2026-003"],
            "client": ['R&D <Sud> "Ouest" l\'Atelier'] * 3,
            "invoice_date": [ts("2026-09-15"), ts("2026-09-30"), ts("2026-10-02")],
            "due_date": [ts("2026-10-15"), ts("2026-10-30"), ts("2026-11-01")],
            "amount": [1234.56, 480.0, -120.0],
            # Paid in full (late) in a claim for penalties; partly paid, or not, in the others.
            "paid": [1234.56, 480.0, 0.0] if claim else [200.0, 0.0, 0.0],
            "outstanding": [0.0, 0.0, -120.0] if claim else [1034.56, 480.0, -120.0],
            "object": ["Maintenance", "Pièces", "Avoir"],
            "address": ["3 impasse des Lilas\n69100 Villeurbanne"] * 3,
            "contact": ["M. Durand"] * 3,
            "email": ["compta@rd-sud.fr"] * 3,
            "consumer": [client_type == "consumer"] * 3,
            "public": [client_type == "public"] * 3,
            "currency": [None] * 3,
            "is_credit": [False, False, True],
            "last_date": [ts("2026-11-03") if before else pd.NaT] * 2 + [pd.NaT],
            "level": [before, before, 0],
            # Paid on 22 November, late, in a claim for penalties; unpaid in the others.
            "payment_date": [ts("2026-11-22") if claim else pd.NaT] * 2 + [pd.NaT],
        }
    )


def _smallest_context(language: str, kind: str) -> dict[str, Any]:
    ts = pd.Timestamp
    frame = pd.DataFrame(
        {
            "invoice": ["151"],
            "client": ["Dupont"],
            "invoice_date": [ts("2026-09-15")],
            "due_date": [ts("2026-10-15")],
            "amount": [100.0],
            "paid": [0.0],
            "outstanding": [100.0],
            "object": [None],
            "address": [None],
            "contact": [None],
            "email": [None],
            "consumer": [False],
            "public": [False],
            "currency": [None],
            "is_credit": [False],
            "last_date": [pd.NaT],
            "payment_date": [pd.NaT],
        }
    )
    decisions = pd.DataFrame({"days_late": [38], "interest": [1.26], "indemnity": [40.0]})
    plan = LetterPlan("Dupont", kind, language, (0,), (), statement_rows=(0,))
    periods = {0: [(dt.date(2026, 10, 16), dt.date(2026, 11, 22), 38, 12.15, 100.0, 1.26)]}
    return _context(frame, decisions, plan, Creditor(name="Martin"), periods)


def _context(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    plan: LetterPlan,
    creditor: Creditor,
    periods: dict[int, list[tuple[Any, ...]]],
    sent: Sent | None = None,
) -> dict[str, Any]:
    """The real context code on a hand-made ledger, on 22 November 2026 at 12,15 %."""
    settings = Settings(creditor=creditor)
    as_of = dt.date(2026, 11, 22)
    return letter_context(
        plan,
        LetterRows(frame, decisions, [plan], periods, sent, as_of),
        settings,
        as_of,
        12.15,
        creditor_context(settings, []),
    )


__all__ = ["SAMPLE_CREDITOR", "sample_context"]
