"""Decisions and amounts: the stage of each invoice, late-payment interest, indemnities, rates."""

from __future__ import annotations

from .decide import (
    Decisions,
    decide,
    hold_back,
)
from .rates import (
    RateTables,
    load_rate_tables,
    rate_tables_for,
)

__all__ = [
    "Decisions",
    "RateTables",
    "decide",
    "hold_back",
    "load_rate_tables",
    "rate_tables_for",
]
