"""A realistic letter context built by the real context code, for checking templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from ..config import Creditor, Settings
from .context import letter_context
from .creditor import creditor_context
from .plan import LetterPlan, LetterRows

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
    language: str = "fr", kind: str = "mise_en_demeure", *, smallest: bool = False
) -> dict[str, Any]:
    """The context of a letter with two invoices and one credit note (or the least a ledger gives).

    The smallest: one invoice, a client with nothing but a name, a creditor with nothing but a name.
    """
    if smallest:
        return _smallest_context(language, kind)
    ts = pd.Timestamp
    frame = pd.DataFrame(
        {
            "invoice": ["F2026-014", "F2026-021", "AV2026-003"],
            "client": ['R&D <Sud> "Ouest" l\'Atelier'] * 3,
            "invoice_date": [ts("2026-09-15"), ts("2026-09-30"), ts("2026-10-02")],
            "due_date": [ts("2026-10-15"), ts("2026-10-30"), ts("2026-11-01")],
            "amount": [1234.56, 480.0, -120.0],
            "paid": [200.0, 0.0, 0.0],
            "outstanding": [1034.56, 480.0, -120.0],
            "object": ["Maintenance", "Pièces", "Avoir"],
            "address": ["3 impasse des Lilas\n69100 Villeurbanne"] * 3,
            "contact": ["M. Durand"] * 3,
            "email": ["compta@rd-sud.fr"] * 3,
            "consumer": [False] * 3,
            "public": [False] * 3,
            "currency": [None] * 3,
            "is_credit": [False, False, True],
            "last_date": [ts("2026-11-03"), ts("2026-11-03"), pd.NaT],
            # Paid on 22 November, late, in a claim for penalties; unpaid in the others.
            "payment_date": [ts("2026-11-22") if kind == "penalites" else pd.NaT] * 2 + [pd.NaT],
        }
    )
    decisions = pd.DataFrame(
        {"days_late": [38, 23, 0], "interest": [13.75, 3.67, 0.0], "indemnity": [40.0, 40.0, 0.0]}
    )
    plan = LetterPlan(
        frame.at[0, "client"], kind, language, (0, 1), (2,), paid_rows=(), statement_rows=(0, 1, 2)
    )
    # 200 € paid on 25 October: 10 days on 1 234,56 €, then 28 days on 1 034,56 €, at 12,15 %.
    day = dt.date
    periods = {
        0: [
            (day(2026, 10, 16), day(2026, 10, 25), 10, 12.15, 1234.56, 4.11),
            (day(2026, 10, 26), day(2026, 11, 22), 28, 12.15, 1034.56, 9.64),
        ],
        1: [(day(2026, 10, 31), day(2026, 11, 22), 23, 12.15, 480.0, 3.67)],
    }
    return _context(frame, decisions, plan, SAMPLE_CREDITOR, periods)


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
) -> dict[str, Any]:
    """The real context code on a hand-made ledger, on 22 November 2026 at 12,15 %."""
    settings = Settings(creditor=creditor)
    return letter_context(
        plan,
        LetterRows(frame, decisions, [plan], periods),
        settings,
        dt.date(2026, 11, 22),
        12.15,
        creditor_context(settings, []),
    )


__all__ = ["SAMPLE_CREDITOR", "sample_context"]
