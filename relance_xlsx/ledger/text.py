"""Text cells as the user sees them, and names cleaned to one line for letters and headers."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ..wording import has_invisible, visible

# C0 control characters other than tab and line breaks: XML 1.0 cannot hold them at all, and
# they arrive from Excel as _x0008_ escapes or pasted from other programs.
# U+FFFE and U+FFFF are no characters (XML forbids them too).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
# What an export writes for an empty value (Python's None, pandas' NaN, SQL's NULL, Excel's
# #N/A, JavaScript's undefined, a dash): never a line of an address, nor a part of one.
_PLACEHOLDERS = frozenset({"none", "nan", "null", "n/a", "#n/a", "undefined", "-", "–", "—"})
_PIECES = re.compile(r"\s*[,;]\s*")


def is_empty(value: Any) -> bool:
    """Whether a cell holds nothing: None, NaN or blank text."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def parse_text(value: Any) -> str | None:
    """Text as the user sees it: integers lose their '.0', whitespace is trimmed."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    # Invisible characters (a right-to-left override, a zero-width space) never reach a
    # letter, an e-mail or a report: every text of the ledger is read without them.
    return visible(_CONTROL.sub("", str(value))).strip() or None


def parse_name(value: Any) -> str | None:
    """A name on one line: line breaks and control characters become one space."""
    text = parse_text(value)
    if text is None:
        return None
    return " ".join(_LINE_BREAKS.sub(" ", text).split()) or None


def parse_one_line(value: Any) -> str | None:
    """Text on one line (an invoice number): line breaks and control characters become one
    space; other spaces are kept as typed (the number is a key of the journal)."""
    text = parse_text(value)
    if text is None or not _LINE_BREAKS.search(text):
        return text
    return _LINE_BREAKS.sub(" ", text).strip() or None


def name_was_cleaned(value: Any) -> bool:
    """Whether a cell's name held line breaks, control or invisible characters that
    parse_name removed."""
    if not isinstance(value, str):
        return False
    if value.isascii() and value.isprintable():  # nearly every cell: nothing to remove
        return False
    return bool(_LINE_BREAKS.search(value.strip())) or has_invisible(value)


def without_placeholders(line: str) -> str:
    """A line without the export artefacts it holds, alone or between commas: « None » is
    "", « None, 12690 Rouvres » is « 12690 Rouvres »."""
    pieces = _PIECES.split(line.strip())
    if not any(p.lower() in _PLACEHOLDERS for p in pieces):
        return line
    return ", ".join(p for p in pieces if p and p.lower() not in _PLACEHOLDERS)


__all__ = [
    "is_empty",
    "name_was_cleaned",
    "parse_name",
    "parse_one_line",
    "parse_text",
    "without_placeholders",
]
