"""The custom number formats of a workbook's cell styles, and the rows of one column whose
cells use some of those styles.

The rows are found by one regular expression over the sheet's XML that matches only the
cells of that column carrying one of the styles asked for: a million-row sheet costs one
search, and Python sees only the cells that matched.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Collection
from pathlib import Path

from ..errors import RelanceError
from .partchecks import pieces
from .sheetscan import whole_tags
from .xlsxparts import Package, Styles, col_letter


def custom_formats(path: Path) -> dict[int, str]:
    """Each cell style (its index in cellXfs) whose number format is the workbook's own
    (numFmts), with its format code; {} for a file without styles."""
    try:
        package = Package.open(str(path))
        if "xl/styles.xml" not in package.names:
            return {}
        styles = Styles(package)
        codes = {}
        for index, xf in enumerate(styles.xfs):
            code = styles.formats.get(int(xf.get("numFmtId", "0") or 0))
            if code:
                codes[index] = code
        return codes
    except (RelanceError, ValueError, KeyError, OSError, zipfile.BadZipFile):
        return {}  # an unreadable style costs only what it would have told


def percent_styles(path: Path) -> frozenset[int]:
    """The cell styles (indices in cellXfs) that show numbers as percentages: Excel's « 0% »
    and « 0.00% » (ids 9, 10) or a workbook's own format with a bare « % »."""
    try:
        package = Package.open(str(path))
        if "xl/styles.xml" not in package.names:
            return frozenset()
        styles = Styles(package)
        found = set()
        for index, xf in enumerate(styles.xfs):
            fmt_id = int(xf.get("numFmtId", "0") or 0)
            code = re.sub(r'"[^"]*"|\\.', "", styles.formats.get(fmt_id, ""))
            if fmt_id in (9, 10) or "%" in code:
                found.add(index)
        return frozenset(found)
    except (RelanceError, ValueError, KeyError, OSError, zipfile.BadZipFile):
        return frozenset()  # an unreadable style costs only what it would have told


def styled_rows(path: Path, sheet: str, column: int, styles: Collection[int]) -> dict[int, int]:
    """The rows whose cell in this column (0-based) has one of these styles: row -> style.

    A cell without a style attribute (style 0) is not found: style 0 is the workbook's
    default, never asked for here."""
    wanted = sorted({s for s in styles if s > 0})
    if not wanted:
        return {}
    try:
        package = Package.open(str(path))
        part = package.sheet_part(sheet)
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(part)
    except (RelanceError, KeyError, OSError, zipfile.BadZipFile):
        return {}
    letters = col_letter(column).encode()
    alternatives = b"|".join(str(s).encode() for s in wanted)
    cell = re.compile(rb'<c r="' + letters + rb'0*(\d{1,7})"[^>]*?\ss="0*(' + alternatives + rb')"')
    found: dict[int, int] = {}
    try:
        for chunk in whole_tags(pieces(path, info)):
            for row, style in cell.findall(chunk):
                found[int(row)] = int(style)
    except (ValueError, OSError, zlib.error):  # a broken part is refused by its own check
        pass
    return found


__all__ = ["custom_formats", "percent_styles", "styled_rows"]
