"""How a sheet's rows look: the cells struck through, the cells with a solid fill (and its
colour), the rows hidden. Offices mark a paid row so; the ledger reader says what it sees.

styles.xml is parsed once; the sheet's XML is searched only for the few cell styles that
strike or fill (each a literal `s="7"`, which the regular expression engine skips to), and
for hidden rows only in the pieces that say `hidden=`: a million-row sheet without any such
style costs one search of the literal `hidden="` (review-pubwb7 HIGH-1, HIGH-2, LOW-1).
"""

from __future__ import annotations

import colorsys
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RelanceError
from .partchecks import pieces
from .sheetscan import column_number, whole_tags
from .xlsxparts import NS_MAIN, Package, Styles

_HIDDEN = re.compile(rb'<row r="0*(\d{1,7})"[^>]*?\shidden="(?:1|true)"')
_CELL_START = re.compile(rb'<c r="([A-Za-z]{1,3})0*(\d{1,7})"[^>]*$')
_DIGITS = re.compile(r"[0-9]{1,9}")
_TOO_MANY = 40  # styles searched one by one; beyond, the sheet is not searched for them
# A sheet with no striking or filling style is inflated only to count its hidden rows (a line
# of `check`, changing nothing): not beyond this size (some 100,000 rows; issue 35).
_HIDDEN_ONLY_MAX = 40 * 1024 * 1024
_OFF = ("0", "false")


@dataclass(frozen=True)
class RowLooks:
    """Excel row -> the 0-based columns struck through; row -> column -> fill colour (French
    name, « » when not told); the hidden rows."""

    struck: dict[int, frozenset[int]] = field(default_factory=dict)
    filled: dict[int, dict[int, str]] = field(default_factory=dict)
    hidden: frozenset[int] = frozenset()


def colour_name(argb: str) -> str:
    """The French name of an ARGB colour (« vert », « jaune »…), « » when it is not one."""
    digits = argb[-6:]
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", digits):
        return ""
    r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if light > 0.97 or light < 0.08:
        return ""  # white or black: no colour an office marks with
    if sat < 0.15:
        return "gris"
    degrees = hue * 360
    for limit, name in ((15, "rouge"), (40, "orange"), (70, "jaune"), (170, "vert")):
        if degrees < limit:
            return name
    for limit, name in ((200, "bleu"), (260, "bleu"), (290, "violet"), (340, "rose")):
        if degrees < limit:
            return name
    return "rouge"


def _id(text: str | None) -> int:
    """A font or fill index as written; -1 (none) for what is no whole number (« x », « 2.0 »):
    a hostile styles.xml never stops the read (review-attack-6 §11)."""
    return int(text) if text and _DIGITS.fullmatch(text) else (0 if not text else -1)


def _style_sets(styles: Styles) -> tuple[frozenset[int], dict[int, str]]:
    """The cell styles (cellXfs indices) whose font strikes, and those with a solid fill
    (with its colour's name)."""
    root = styles.root
    if root is None:
        return frozenset(), {}
    fonts_node = root.find(f"{{{NS_MAIN}}}fonts")
    fonts = list(fonts_node) if fonts_node is not None else []
    struck_fonts = set()
    for i, font in enumerate(fonts):
        strike = font.find(f"{{{NS_MAIN}}}strike")
        if strike is not None and strike.get("val", "1") not in _OFF:
            struck_fonts.add(i)
    fills_node = root.find(f"{{{NS_MAIN}}}fills")
    solid: dict[int, str] = {}
    for i, fill in enumerate(list(fills_node) if fills_node is not None else []):
        pattern = fill.find(f"{{{NS_MAIN}}}patternFill")
        if pattern is None or pattern.get("patternType") != "solid":
            continue
        colour = pattern.find(f"{{{NS_MAIN}}}fgColor")
        solid[i] = colour_name(colour.get("rgb", "")) if colour is not None else ""
    struck, filled = set(), {}
    for index, xf in enumerate(styles.xfs):
        if _id(xf.get("fontId")) in struck_fonts:
            struck.add(index)
        fill_id = _id(xf.get("fillId"))
        if fill_id in solid and xf.get("applyFill", "1") not in _OFF:
            filled[index] = solid[fill_id]
    return frozenset(struck), filled


def row_looks(path: Path, sheet: str, *, fills: bool = True) -> RowLooks:
    """How the rows of this sheet look (struck, filled unless fills is False, hidden); empty
    where the workbook cannot tell (not an .xlsx, no styles): it would only have warned."""
    try:
        package = Package.open(str(path))
        part = package.sheet_part(sheet)
        styles = Styles(package) if "xl/styles.xml" in package.names else None
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(part)
    except (RelanceError, KeyError, ValueError, OSError, zipfile.BadZipFile):
        return RowLooks()
    struck, filled = _style_sets(styles) if styles is not None else (frozenset(), {})
    filled = filled if fills else {}
    wanted = sorted({*struck, *filled} - {0})
    if len(wanted) > _TOO_MANY:
        wanted = sorted(struck - {0})[:_TOO_MANY]
    if not wanted and info.file_size > _HIDDEN_ONLY_MAX:
        return RowLooks()  # hidden rows only counted, not worth 1.6 s at a million rows
    # One pass over the sheet for all the styles wanted, not one per style.
    alternatives = b"|".join(str(s).encode() for s in wanted)
    search = re.compile(rb' s="(' + alternatives + rb')"[\s/>]') if wanted else None
    cells: dict[int, list[tuple[int, int]]] = {}
    hidden: set[int] = set()
    try:
        for chunk in whole_tags(pieces(path, info)):
            if b'hidden="' in chunk:
                hidden.update(int(r) for r in _HIDDEN.findall(chunk))
            for hit in search.finditer(chunk) if search is not None else ():
                start = chunk.rfind(b"<c ", max(hit.start() - 64, 0), hit.start())
                cell = _CELL_START.match(chunk, start, hit.start()) if start >= 0 else None
                if cell is not None:
                    col = column_number(cell.group(1)) - 1
                    cells.setdefault(int(cell.group(2)), []).append((col, int(hit.group(1))))
    except (ValueError, OSError, zlib.error):  # a broken part is refused by its own check
        pass
    out_struck = {r: frozenset(c for c, s in cs if s in struck) for r, cs in cells.items()}
    out_filled = {r: {c: filled[s] for c, s in cs if s in filled} for r, cs in cells.items()}
    return RowLooks(
        {r: c for r, c in out_struck.items() if c},
        {r: c for r, c in out_filled.items() if c},
        frozenset(hidden),
    )


__all__ = ["RowLooks", "colour_name", "row_looks"]
