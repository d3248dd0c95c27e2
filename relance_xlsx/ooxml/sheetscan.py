"""How far a sheet reaches, read from its XML before the reader library builds its grid.

python-calamine makes one dense grid from the first to the last cell that holds a value: one
stray value at XFD1048576 asks for 17 billion cells (549 GB), and the process aborts. A row
numbered beyond Excel's 1,048,576, a DTD or an unknown entity (which calamine reads as an
empty cell, silently) are refused here too.

The scan must cost little on every read of a million-row ledger, so it does not parse: it
searches the inflated XML with a few regular expressions whose literal start lets Python's
engine skip ahead. That is exact for the sheets every spreadsheet program writes, where each
row and cell carries its reference (`<row r="7">`, `<c r="B7">`). A sheet written another way
(a cell without its reference, prefixed elements) is reported as not measured, and the caller
measures it with the reader library itself, in a process of its own.

A sheet of at most 26 columns cannot reach the cell budget (26 × 1,048,576 cells): only its
references' limits are checked. A wider sheet is read a second time, for its last row and
column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .cdata import CDATA_OPEN, before_open_cdata, without_cdata
from .formulas import FormulaCount
from .xmlchars import MAX_KEPT, Forbidden, forbidden_in, unreadable

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
NARROW = 26  # columns A to Z: one letter
_OVERLAP = 64

# A reference beyond Excel's limits: a column past XFD, or a row past 1,048,576.
_BEYOND = re.compile(
    rb' r="(?:[A-Za-z]{4}|[YZyz][A-Za-z]{2}|[Xx][G-Zg-z][A-Za-z]|[Xx][Ff][E-Ze-z]'
    rb"|[A-Za-z]{0,3}0*(?:[1-9]\d{7}|[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}|1049\d{3}"
    rb"|1048[6-9]\d\d|10485[89]\d|104857[7-9]))"
)
_TWO_LETTERS = re.compile(rb'<c r="[A-Za-z]{2}')
_THREE_LETTERS = re.compile(rb'<c r="[A-Za-z]{3}')
_TALL_CELL = re.compile(rb'<c r="[A-Za-z]{1,3}0*\d{7}')
_TALL_ROW = re.compile(rb'<row r="0*\d{7}')
# Cells and rows whose place the reader counts rather than reads: not measured here.
_UNPLACED = (re.compile(rb'<c(?! r=")[\s>/]'), re.compile(rb'<row(?! r=")[\s>/]'))
_PREFIXED = re.compile(rb":(?:c|row)[\s>/]")
# Anything but a plain `<c r="B7"` or `<row r="7"` (one letter, fewer than 7 digits).
_ODD_CELL = re.compile(rb'<c(?! r="[A-Za-z]\d{1,6}")[\s>/]')
_ODD_ROW = re.compile(rb'<row(?! r="\d{1,6}")[\s>/]')
ROOT = re.compile(rb"<[^?!]")  # the root element: the prolog ends there
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")  # <!DOCTYPE, <!ENTITY...
_UNKNOWN_ENTITY = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")
# A reference to a control character XML 1.0 forbids (all below 32 but tab, LF and CR).
_CONTROL = re.compile(rb"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01])|x0*(?:[0-8bcefBCEF]|1[0-9a-fA-F]));")
_CELL = b'<c r="'
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([^"]*)"')
_ROWS = re.compile(rb'<row r="0*(\d+)"[^>]*?(/?)>')
_WIDE_CELLS = re.compile(rb'<c r="([A-Za-z]{2,3})0*\d+"[^>]*?(/?)>')
_REF = re.compile(r"([A-Za-z]{1,3})0*([1-9]\d{0,6})")


class SheetRefused(ValueError):
    """Why the reader library must not see this part: in French, the predicate of « la
    partie … » (« contient une déclaration XML … »); the caller names the file and the part,
    and says what to do: fix, when it is not the caller's usual advice."""

    fix = ""


class SheetTooFar(SheetRefused):
    """A reference or a dimension beyond Excel's limits: what is beyond must be deleted."""


class ForbiddenCharacter(SheetRefused):
    """A reference to a control character in the shared strings or the styles (accepted by
    the reader, refused by the writer), or in a sheet to no character at all (&#xD800;)."""

    fix = "retapez ce texte dans Excel, enregistrez, puis relancez"


@dataclass(frozen=True)
class SheetExtent:
    """What the scan found: the values' last row and column (rows 0: a sheet of one-letter
    columns, within the budget whatever its rows), the cells holding a value, and whether
    the positions could be read (else: the caller measures it with the reader library), and
    its formula cells without a cached value by column letter (formulas.py)."""

    rows: int
    columns: int
    cells: int
    measured: bool
    formulas: dict[str, int] = field(default_factory=dict)
    forbidden: tuple[Forbidden, ...] = ()  # characters XML forbids, by cell (xmlchars.py)

    @property
    def area(self) -> int:
        """The cells of the grid the reader will build (an upper bound)."""
        return self.rows * self.columns


def column_letters(number: int) -> str:
    """1 -> A, 16384 -> XFD."""
    letters = ""
    while number:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_number(letters: bytes | str) -> int:
    """A -> 1, XFD -> 16384 (either case)."""
    value = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        value = value * 26 + ord(ch) - 64
    return value


def whole_tags(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces re-cut after a `>`, so that no tag and no entity is split between two.

    A piece without any `>` (a 40 MB text) is passed on but for its last bytes, which start
    the next one: the patterns searched are all shorter than that overlap."""
    carry = b""
    for piece in pieces:
        data = carry + piece if carry else piece
        cut = data.rfind(b">") + 1
        if cut == 0:
            cut = max(len(data) - _OVERLAP, 0)
        if CDATA_OPEN in data:
            cut = before_open_cdata(data, cut)
        if cut == len(data):
            carry = b""
            yield data
        else:
            carry = data[cut:]
            if cut:
                yield data[:cut]
    if carry:
        yield carry


def check_markup(chunk: bytes, *, controls: bool = True) -> None:
    """No DTD, no entity declaration, no entity that XML does not define by itself, and
    (with controls) no reference to a control character; CDATA sections are text."""
    chunk = without_cdata(chunk)
    if _DECLARATION.search(chunk):
        raise SheetRefused(
            "contient une déclaration XML (DTD ou entités), ce qu'aucun tableur n'écrit"
        )
    unknown = _UNKNOWN_ENTITY.search(chunk)
    if unknown:
        name = chunk[unknown.start() : unknown.start() + 12].split(b";")[0]
        raise SheetRefused(
            f"utilise l'entité XML inconnue « {name.decode('ascii', 'replace')}; », "
            "que le lecteur lirait comme une cellule vide"
        )
    if controls and b"&#" in chunk:
        control = _CONTROL.search(chunk)
        if control:
            cell = chunk.rfind(_CELL, 0, control.start())
            ref = chunk[cell + len(_CELL) : cell + 20].split(b'"')[0] if cell >= 0 else b""
            where = f" dans la cellule {ref.decode('ascii', 'replace')}" if ref else ""
            raise ForbiddenCharacter(
                f"contient « {control.group().decode()} »{where}, un caractère de contrôle "
                "qu'XML interdit : le classeur ne pourrait pas être réécrit"
            )


def _check_dimension(chunk: bytes) -> None:
    found = _DIMENSION.search(chunk, 0, 4096)
    if not found:
        return
    for end in found.group(1).decode("ascii", "replace").split(":"):
        ref = _REF.fullmatch(end)
        if (
            ref is None
            or column_number(ref.group(1)) > EXCEL_COLUMNS
            or (int(ref.group(2)) > EXCEL_ROWS)
        ):
            raise SheetTooFar(
                f"a une dimension « {found.group(1).decode('ascii', 'replace')[:40]} » hors des "
                "limites d'Excel (1 048 576 lignes, colonne XFD)"
            )


def _check_limits(chunk: bytes) -> None:
    if not (_THREE_LETTERS.search(chunk) or _TALL_CELL.search(chunk) or _TALL_ROW.search(chunk)):
        return  # the usual case, found at the cost of three quick searches
    beyond = _BEYOND.search(chunk)
    if beyond:
        ref = chunk[beyond.start() + 4 : beyond.start() + 24].split(b'"')[0]
        raise SheetTooFar(
            f"a une cellule ou une ligne « {ref.decode('ascii', 'replace')} » au-delà des "
            "limites d'Excel (1 048 576 lignes, colonne XFD)"
        )


class _Reach:
    """The last row and column holding a value, followed chunk by chunk (wide sheets)."""

    def __init__(self) -> None:
        self.row, self.column, self.lost = 0, NARROW, False

    def add(self, chunk: bytes) -> None:
        rows = [int(n) for n, closed in _ROWS.findall(chunk) if not closed]
        self.row = max([self.row, *rows])
        if _cells_below(self.row).search(chunk):
            # A cell placed on a row further than every row so far: the reader believes the
            # cell. Rare and odd: the reader library measures such a sheet itself.
            self.lost = True
        found = [column_number(c) for c, closed in _WIDE_CELLS.findall(chunk) if not closed]
        self.column = max([self.column, *found])


def scan_sheet(pieces: Callable[[], Iterable[bytes]], max_cells: int) -> SheetExtent:
    """How far the sheet's values reach; SheetRefused if it breaks Excel's limits.

    pieces: a fresh iterator over the inflated part at each call (a sheet found wide after
    its first piece is read a second time, for its last row and column).
    """
    measured, cells, first = True, 0, True
    # A sheet of one-letter columns never reaches the budget: its reach is not followed.
    reach: _Reach | None = None if max_cells >= NARROW * EXCEL_ROWS else _Reach()
    again = False
    formulas = FormulaCount()
    forbidden: list[Forbidden] = []
    for chunk in whole_tags(pieces()):
        formulas.add(chunk)
        if first:
            root = ROOT.search(chunk)
            check_markup(chunk[: root.start()] if root else chunk)  # a DTD comes first
            _check_dimension(chunk)
        if b"&" in chunk:
            check_markup(chunk, controls=False)
        found = forbidden_in(chunk)
        if found and (said := unreadable(found)):
            raise ForbiddenCharacter(said)
        forbidden += found[: MAX_KEPT - len(forbidden)]
        cells += chunk.count(b"</c>")
        if measured and _PREFIXED.search(chunk):
            measured = False
        # Two quick searches find every cell and row that is not the plain `<c r="B7"`,
        # `<row r="7"` of fewer than a million rows; only then is the piece looked at closer.
        if _ODD_CELL.search(chunk) or _ODD_ROW.search(chunk):
            if measured and any(p.search(chunk) for p in _UNPLACED):
                measured = False
            _check_limits(chunk)
            if reach is None and measured and _TWO_LETTERS.search(chunk):
                reach, again = _Reach(), not first
        if reach is not None and measured and not again:
            reach.add(chunk)
        first = False
    bad = tuple(forbidden)
    if not measured:
        return SheetExtent(0, 0, cells, False, formulas.done(), bad)
    if reach is None:
        return SheetExtent(0, NARROW, cells, True, formulas.done(), bad)
    if again:
        reach = _Reach()
        for chunk in whole_tags(pieces()):
            reach.add(chunk)
    return SheetExtent(reach.row, reach.column, cells, not reach.lost, formulas.done(), bad)


@functools.lru_cache(maxsize=64)
def _cells_below(row: int) -> re.Pattern[bytes]:
    """A cell whose reference names a row after `row`."""
    return re.compile(rb'<c r="[A-Za-z]{1,3}0*' + _greater_than(row).encode() + rb'"')


def _greater_than(number: int) -> str:
    """A regular expression for the whole numbers above `number` (without leading zeros)."""
    digits = str(number)
    size = len(digits)
    options = [rf"[1-9]\d{{{size},}}"]
    for i, ch in enumerate(digits):
        if ch != "9":
            options.append(f"{digits[:i]}[{int(ch) + 1}-9]" + rf"\d{{{size - i - 1}}}")
    return "(?:" + "|".join(options) + ")"


__all__ = [
    "EXCEL_COLUMNS",
    "EXCEL_ROWS",
    "ROOT",
    "ForbiddenCharacter",
    "SheetExtent",
    "SheetRefused",
    "SheetTooFar",
    "check_markup",
    "column_letters",
    "column_number",
    "scan_sheet",
    "whole_tags",
]
