"""What a letter says under a part's interest detail: the rates its interest was computed at
that the rate table does not confirm yet (see policy/provisional.py), and from when a
consumer's legal interest is counted (received.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..config import Settings
from ..policy import rate_caveats
from .received import received_notes

# The sentences of a part's invoices (their records), none when every rate is confirmed.
Note = Callable[[Iterable[Mapping[str, Any]]], list[str]]


def provisional_note(settings: Settings, lang: str) -> Note:
    """The note of one letter's parts, by the run's rate tables and contractual rate."""

    def note(rows: Iterable[Mapping[str, Any]]) -> list[str]:
        rows = list(rows)
        # A consumer's legal interest: from when it is counted (received.py).
        return [*received_notes(rows, lang), *rate_caveats(rows, settings, lang)]

    return note


def once_per_letter(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parts, each note on a rate or a receipt said once per letter, under the first
    part's detail using it (the third legal review, 8d: it came under every part); first,
    what of the part's amounts is neither received nor claimed (withheld.py)."""
    said: set[str] = set()
    for p in parts:
        notes = [*p.pop("withheld_notes", ()), *p.pop("provisional_notes")]
        notes = [n for n in notes if n not in said]
        said.update(notes)
        p["provisional"] = " ".join(notes)
    return parts


def no_note(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """No note: a frame made outside a run (a sample letter) claims no rate."""
    return []


__all__ = ["Note", "no_note", "once_per_letter", "provisional_note"]
