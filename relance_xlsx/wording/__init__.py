"""How amounts, rates, dates and words are written, in French and English."""

from __future__ import annotations

from .fmt import (
    amount_in_words,
    date_long,
    date_short,
    money,
    percent,
)
from .oserrors import describe_os_error

__all__ = [
    "amount_in_words",
    "date_long",
    "date_short",
    "describe_os_error",
    "money",
    "percent",
]
