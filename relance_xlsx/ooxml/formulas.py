"""Formula cells without a cached value, counted while the package check reads each sheet.

calamine reads such a cell as empty; the ledger's reader says so once per column. The count
rides on the sheet scan of packagecheck.py, which inflates every sheet anyway: a second
inflate of a million-row sheet (in a side process, as before) cost about 2.5 s of CPU.
"""

from __future__ import annotations

import re
from collections import Counter

# A formula cell with no cached value: <c r="E5"><f>G5-I5</f></c> (or <v/>, or a shared <f/>).
# Linear on any bytes: a tag's attributes never run past a `<` (none can hold one), and the
# column is read in a lookahead, which is never tried again. `[^>]*?\sr=` here took hours on
# a 16 MB tag of ` r="A1"` repeated (every sheet of every file is scanned before any check).
_FORMULA_WITHOUT_VALUE = re.compile(
    rb'<(?:\w+:)?c\b(?=[^<>]*?\sr="([A-Z]+)\d+")[^<>]*>\s*'
    rb"<(?:\w+:)?f\b[^<>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
# Pieces of a sheet are searched in whole rows; a row longer than this (no sheet written by a
# spreadsheet program has one) is searched in pieces, not held whole.
_LONGEST_ROW = 1 << 24


class FormulaCount:
    """Formula cells with no cached value, by column letter, over a sheet's pieces in order.

    Cheap literal tests first: most ledgers have no such cell at all, and each such cell
    written without spaces holds one of _SIGNS (`</f></c>`, `<f .../></c>`, `<v/></c>`, the
    empty `<v></v>` openpyxl writes). Only then are whole rows searched with the expression;
    else a piece is not copied, only its last unfinished row kept.
    """

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._tail = b""  # after the last `row>` seen: the start of a row not yet searched
        self._tail_signed = False

    def add(self, piece: bytes) -> None:
        """The next piece of the sheet's XML."""
        seam = self._tail[-8:] + piece[:8]  # a sign cut between the two pieces
        if self._tail_signed or _signed(piece) or _signed(seam):
            block = self._tail + piece
            cut = _row_end(block)
            self._count(block, cut)
            self._tail = block[cut:]
            self._tail_signed = _signed(self._tail)
            return
        cut = piece.rfind(b"row>") + 4
        if cut >= 4:
            self._tail = piece[cut:]
        elif len(self._tail) + len(piece) < _LONGEST_ROW:
            self._tail += piece
        else:
            self._tail = piece[-_LONGEST_ROW:]

    def done(self) -> dict[str, int]:
        """The counts, once the last piece was added."""
        if self._tail_signed:
            self._count(self._tail, len(self._tail))
        self._tail, self._tail_signed = b"", False
        return dict(self.counts)

    def _count(self, block: bytes, end: int) -> None:
        found = _FORMULA_WITHOUT_VALUE.finditer(block, 0, end)
        self.counts.update(m.group(1).decode() for m in found)


_SIGNS = (b"f></", b"/></", b"<v></v>")


def _signed(data: bytes) -> bool:
    return any(sign in data for sign in _SIGNS)


def _row_end(block: bytes) -> int:
    """Where the block's whole rows end (a row longer than _LONGEST_ROW: anywhere)."""
    cut = block.rfind(b"row>") + 4
    if cut >= 4:
        return cut
    return 0 if len(block) < _LONGEST_ROW else len(block)


__all__ = ["FormulaCount"]
