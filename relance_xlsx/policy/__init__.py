"""Decisions and amounts: the stage of each invoice, late-payment interest, indemnities, rates."""

from __future__ import annotations

from .decide import (
    Decisions,
    decide,
)
from .rates import (
    RateTables,
    load_rate_tables,
)

__all__ = [
    "Decisions",
    "RateTables",
    "decide",
    "load_rate_tables",
]
