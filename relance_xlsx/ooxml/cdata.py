"""CDATA sections in a part searched chunk by chunk: their `&` and `<` are text (an Excel
header « &C&"Cambria" »), never entities nor markup; a section is never cut in two."""

from __future__ import annotations

import re

CDATA_OPEN = b"<![CDATA["
_CDATA = re.compile(rb"<!\[CDATA\[.*?(?:\]\]>|\Z)", re.S)
_CDATA_MAX = 1 << 24  # an unclosed CDATA is carried whole up to this size, then cut as text


def before_open_cdata(data: bytes, cut: int) -> int:
    """Where to cut so that a CDATA section stays whole: before it, when it is still open at
    the cut (a section longer than _CDATA_MAX is cut as text)."""
    start = data.rfind(CDATA_OPEN, 0, cut)
    if start < 0 or data.find(b"]]>", start) >= 0:
        return cut
    return start if start or len(data) < _CDATA_MAX else cut


def without_cdata(chunk: bytes) -> bytes:
    """The chunk with its CDATA sections (and one still open at its end) taken out."""
    return _CDATA.sub(b"", chunk) if CDATA_OPEN in chunk else chunk


__all__ = ["CDATA_OPEN", "before_open_cdata", "without_cdata"]
