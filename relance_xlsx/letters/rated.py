"""What a letter says of the rates its interest was computed at that the rate table does not
confirm yet (see policy/provisional.py): one sentence under the part's interest detail."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..config import Settings
from ..policy import rate_caveat

# The sentence of a part's invoices (their records), "" when every rate is confirmed.
Note = Callable[[Iterable[Mapping[str, Any]]], str]


def provisional_note(settings: Settings, lang: str) -> Note:
    """The note of one letter's parts, by the run's rate tables and contractual rate."""

    def note(rows: Iterable[Mapping[str, Any]]) -> str:
        return rate_caveat(rows, settings, lang)

    return note


def no_note(rows: Iterable[Mapping[str, Any]]) -> str:
    """No note: a frame made outside a run (a sample letter) claims no rate."""
    return ""


__all__ = ["Note", "no_note", "provisional_note"]
