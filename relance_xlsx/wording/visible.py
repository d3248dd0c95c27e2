"""Text that shows what it says: invisible characters removed from names and references.

A client name or an invoice number can carry characters that print nothing yet change what
is read: a right-to-left override (U+202E) makes « Facture 1234 » display reversed, an
isolate or a mark reorders a line, a zero-width space or a soft hyphen makes two invoice
numbers look the same while they differ, and Unicode « tag » characters hide a whole text.
Such text must never reach a letter with legal weight, an e-mail or a report: this is the
one function that removes them, applied where a value enters those documents (the ledger's
cells when read, the creditor's identity from relance.toml).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

# Every format character (Unicode category Cf: bidirectional controls U+202A-202E,
# U+2066-2069, U+200E/F, U+061C; zero-width U+200B-200D, U+2060, U+FEFF; soft hyphen U+00AD;
# tags U+E0001-E007F; invisible operators U+2061-2064...), and the invisible characters of
# other categories: the combining grapheme joiner, variation selectors, Hangul fillers,
# Khmer inherent vowels, the Mongolian vowel separator.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\U000e0100-\U000e01ef\U00013430-\U0001343f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2]"
)

Record = TypeVar("Record")


def visible(text: str) -> str:
    """The text without its invisible characters (a plain text comes back as it is)."""
    if text.isascii():
        return text  # nearly every cell: no search at all
    return INVISIBLE.sub("", text)


def has_invisible(text: str) -> bool:
    """Whether the text holds a character visible() removes."""
    return not text.isascii() and INVISIBLE.search(text) is not None


def visible_record(record: Record) -> Record:
    """A frozen record (the creditor's identity) with each of its texts made visible()."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {
        f.name: visible(value)
        for f in dataclasses.fields(record)
        if isinstance(value := getattr(record, f.name), str) and has_invisible(value)
    }
    return dataclasses.replace(record, **changes) if changes else record


__all__ = ["INVISIBLE", "has_invisible", "visible", "visible_record"]
