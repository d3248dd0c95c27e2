"""docxtpl's listing: tabs and line breaks in values made Word's, paragraph by paragraph."""

from __future__ import annotations

import re

from docxtpl import DocxTemplate

_LISTING = re.compile("[\t\n\a\f]")
LISTED = "\t\n\a\f"  # what _LISTING finds
_PARAGRAPH_START = re.compile(r"<w:p[ >]")


def resolve_listing(tpl: DocxTemplate, xml: str) -> str:
    """docxtpl's resolve_listing, run only on the paragraphs that hold a tab or line break."""
    found = _LISTING.search(xml)
    if found is None:
        return xml
    pieces, done = [], 0
    while found is not None:
        start = max(
            (m.start() for m in _PARAGRAPH_START.finditer(xml, done, found.start())), default=-1
        )
        end = xml.find("</w:p>", found.start())
        if start < 0 or end < 0:  # outside any paragraph: docxtpl leaves it too
            found = _LISTING.search(xml, found.end())
            continue
        end += len("</w:p>")
        pieces += [xml[done:start], str(tpl.resolve_listing(xml[start:end]))]
        done = end
        found = _LISTING.search(xml, done)
    pieces.append(xml[done:])
    return "".join(pieces)


__all__ = ["LISTED", "resolve_listing"]
