"""Two versions of a letter's XML typeset at once: a letter's body as its file has it and as
its section of the print bundle has it differ in a few places only (bookmarks, the sections'
properties); what they share is typeset once."""

from __future__ import annotations

import re
from collections.abc import Callable

# Where a letter's XML can be cut and each piece typeset alone, with the same result: at the
# start of a paragraph or a table, or at the end of the body. No match of typeset.py's
# expressions reaches over one (a reference holds no « < », a sign is looked for inside a
# run's text or across the tags between two runs of one paragraph).
_CUT = re.compile("<w:(?:p|tbl)[ >]|</w:body>")
_KEY = 200  # what is looked for, from a cut of one text, in the other to align them again
_TRIES = 8  # cuts tried, and stretches followed, before the rest is typeset piece by piece


def polished_pair(first: str, second: str, polish: Callable[[str], str] | None) -> tuple[str, str]:
    """polish(first) and polish(second) for two XML texts that differ in a few stretches (a
    letter's body and its section of the bundle: its bookmarks, its sections' properties),
    what they share typeset once."""
    if polish is None:
        return first, second
    out_first, out_second = [], []
    for piece_first, piece_second in _pieces(first, second):
        done = polish(piece_first)
        out_first.append(done)
        out_second.append(done if piece_second is piece_first else polish(piece_second))
    return "".join(out_first), "".join(out_second)


def _pieces(first: str, second: str) -> list[tuple[str, str]]:
    """The two texts cut at the same cuts into pieces, pair by pair: a piece both share is the
    same object in the pair. Any cutting is right (only what is shared saves work)."""
    pieces: list[tuple[str, str]] = []
    i = j = 0
    for _ in range(_TRIES):
        same = _common(first, i, second, j)
        if i + same == len(first) and j + same == len(second):
            break
        cut = _last_cut(first, i + 1, i + same)
        if cut > i:
            shared = first[i:cut]
            pieces.append((shared, shared))
            i, j = cut, j + cut - i
        again = _realign(first, i, second, j)
        if again is None:
            break
        pieces.append((first[i : again[0]], second[j : again[1]]))
        i, j = again
    shared = first[i:]
    pieces.append((shared, shared) if shared == second[j:] else (shared, second[j:]))
    return pieces


def _realign(first: str, i: int, second: str, j: int) -> tuple[int, int] | None:
    """The next cut of first, from i, whose text is found in second from j (another place
    than (i, j)), or None."""
    at = i
    for _ in range(_TRIES):
        found = _CUT.search(first, at)
        if found is None:
            return None
        at = found.start()
        other = second.find(first[at : at + _KEY], j + (at == i))
        if other >= 0:
            return at, other
        at += 1
    return None


def _last_cut(text: str, start: int, end: int) -> int:
    """Where the last cut wholly inside text[start:end] begins, or -1 (from tag to tag back:
    the nearest paragraph is a few tags away)."""
    at = end
    while (at := text.rfind("<w:", start, at)) >= 0:
        if _CUT.match(text, at, end):
            return at
    return -1


def _common(a: str, i: int, b: str, j: int) -> int:
    """How many characters a from i and b from j have in common (compared by halves, in C)."""
    low, high = 0, min(len(a) - i, len(b) - j)
    while low < high:
        middle = (low + high + 1) // 2
        if a[i + low : i + middle] == b[j + low : j + middle]:
            low = middle
        else:
            high = middle - 1
    return low


__all__ = ["polished_pair"]
