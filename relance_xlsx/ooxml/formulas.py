"""Formula cells without a cached value, counted while the package check reads each sheet.

calamine reads such a cell as empty; the ledger's reader says so once per column. The count
rides on the sheet scan of packagecheck.py, which inflates every sheet anyway: a second
inflate of a million-row sheet (in a side process, as before) cost about 2.5 s of CPU.
"""

from __future__ import annotations

import re
from collections import Counter

# A formula cell with no cached value: <c r="E5"><f>G5-I5</f></c> (or <v/>, or a shared <f/>).
_FORMULA_WITHOUT_VALUE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+)\d+"[^>]*>\s*'
    rb"<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
# Pieces of a sheet are searched in whole rows; a row longer than this (no sheet written by a
# spreadsheet program has one) is searched in pieces, not held whole.
_LONGEST_ROW = 1 << 24


class FormulaCount:
    """Formula cells with no cached value, by column letter, over a sheet's pieces in order."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._tail = b""

    def add(self, piece: bytes) -> None:
        """The next piece of the sheet's XML."""
        block = self._tail + piece if self._tail else piece
        cut = block.rfind(b"row>") + 4  # whole rows; the rest waits for more
        if cut < 4:
            cut = 0 if len(block) < _LONGEST_ROW else len(block)
        self._tail = block[cut:]
        self._search(block[:cut] if cut < len(block) else block)

    def done(self) -> dict[str, int]:
        """The counts, once the last piece was added."""
        self._search(self._tail)
        self._tail = b""
        return dict(self.counts)

    def _search(self, block: bytes) -> None:
        # Cheap literal tests first: most ledgers have no such cell at all. One of them ends
        # each such cell written without spaces: `</f></c>`, `<f .../></c>`, `<v/></c>`, and
        # the empty `<v></v>` openpyxl writes.
        if b"f></" in block or b"/></" in block or b"<v></v>" in block:
            self.counts.update(m.group(1).decode() for m in _FORMULA_WITHOUT_VALUE.finditer(block))


__all__ = ["FormulaCount"]
