"""Decisions and amounts: the stage of each invoice, late-payment interest, indemnities, rates."""

from __future__ import annotations

from .closeletters import close_letter_notes
from .decide import (
    Decisions,
    decide,
    first_level,
)
from .declaration import AtJudgment, at_judgment
from .declared import declared_penalties
from .doubtful import DOUBTFUL_LABEL, doubtful, hold_doubtful_clients
from .grouping import DUNNING_KINDS, one_letter_per_client
from .heldback import hold_back
from .incourt import (
    cancelled_by_credit,
    owed_principal,
    paid_in_court_rows,
    public_person,
    said_to,
    say_paid_in_court,
    what_happened,
)
from .insolvent import forbidden_payment, late_paid, late_payments
from .penalties import InterestPeriod
from .prescription import BASES, REGIMES, Prescription, prescription_dates
from .provisional import (
    Provisional,
    provisional_of,
    provisional_sentence,
    rate_caveat,
    rate_caveats,
)
from .rates import (
    RateTables,
    load_rate_tables,
    rate_tables_for,
)

__all__ = [
    "BASES",
    "DOUBTFUL_LABEL",
    "DUNNING_KINDS",
    "REGIMES",
    "AtJudgment",
    "Decisions",
    "InterestPeriod",
    "Prescription",
    "Provisional",
    "RateTables",
    "at_judgment",
    "cancelled_by_credit",
    "close_letter_notes",
    "decide",
    "declared_penalties",
    "doubtful",
    "first_level",
    "forbidden_payment",
    "hold_back",
    "hold_doubtful_clients",
    "late_paid",
    "late_payments",
    "load_rate_tables",
    "one_letter_per_client",
    "owed_principal",
    "paid_in_court_rows",
    "prescription_dates",
    "provisional_of",
    "provisional_sentence",
    "public_person",
    "rate_caveat",
    "rate_caveats",
    "rate_tables_for",
    "said_to",
    "say_paid_in_court",
    "what_happened",
]
