"""ISO 11649 structured creditor references (« RF18 5390 0754 7034 »): one per letter.

The reference is made from the client, the letter's date and its invoices, so that a second
run of the same letter gives the same reference; the journal line of each invoice of the
letter records it, which tells the matcher what a payment carrying it pays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from .records import fold

# In a label: RF, two check digits, up to 21 letters or digits, maybe in groups of four.
_FOUND = re.compile(r"\bRF\s?(\d\s?\d)((?:\s?[A-Z0-9]){1,21})\b")
_BODY = re.compile(r"[A-Z0-9]{1,21}")


def _numeric(text: str) -> int:
    """Letters as numbers (A = 10 … Z = 35), as ISO 7064 mod 97-10 reads them."""
    return int("".join(str(int(ch, 36)) for ch in text))


def check_digits(body: str) -> str:
    """The two check digits of a reference body."""
    return f"{98 - _numeric(body + 'RF00') % 97:02d}"


def make_reference(body: str) -> str:
    """RF, check digits, body: ISO 11649 (the body: 1 to 21 letters and digits)."""
    body = re.sub(r"\s", "", body).upper()
    if not _BODY.fullmatch(body):
        raise ValueError(f"corps de référence invalide : {body!r}")
    return f"RF{check_digits(body)}{body}"


def is_valid(reference: str) -> bool:
    """Whether a reference is a well-formed ISO 11649 reference with the right check."""
    ref = re.sub(r"\s", "", reference).upper()
    if not re.fullmatch(r"RF\d{2}[A-Z0-9]{1,21}", ref):
        return False
    return _numeric(ref[4:] + ref[:4]) % 97 == 1


def letter_reference(client: str, day: dt.date, invoices: Iterable[str]) -> str:
    """The reference of one letter: its date (AAMMJJ) and nine digits of a digest of the
    client and its invoices; the same letter always gets the same reference."""
    return _reference(client, day, tuple(sorted({str(i) for i in invoices})))


@lru_cache(maxsize=1 << 16)
def _reference(client: str, day: dt.date, invoices: tuple[str, ...]) -> str:
    # A run asks twice per letter (its text, its journal lines): the cache holds all of a big
    # run's letters (5,000 at 200,000 invoices), else the second pass misses every time.
    numbers = sorted({fold(i) for i in invoices})
    seed = "|".join([fold(client), day.isoformat(), *numbers]).encode()
    digest = int.from_bytes(hashlib.sha256(seed).digest()[:8], "big") % 10**9
    return make_reference(f"{day:%y%m%d}{digest:09d}")


def printed(reference: str) -> str:
    """In groups of four, as printed on a letter and typed by a payer: RF18 5390 0754 7034."""
    ref = re.sub(r"\s", "", reference).upper()
    return " ".join(ref[i : i + 4] for i in range(0, len(ref), 4))


def references_in(text: str) -> list[str]:
    """The valid RF references in a label or remittance, without spaces."""
    out = []
    for m in _FOUND.finditer(fold(text)):
        ref = "RF" + re.sub(r"\s", "", m.group(1) + m.group(2))
        # A reference run into the following word: the longest valid prefix.
        for end in range(len(ref), 4, -1):
            if is_valid(ref[:end]):
                out.append(ref[:end])
                break
    return list(dict.fromkeys(out))


__all__ = [
    "check_digits",
    "is_valid",
    "letter_reference",
    "make_reference",
    "printed",
    "references_in",
]
