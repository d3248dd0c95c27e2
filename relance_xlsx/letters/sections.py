"""A letter's sections (w:sectPr) as the bundle needs them: children in schema order."""

from __future__ import annotations

from lxml import etree

from .compiled import W

# The order of w:sectPr's children (ECMA-376 CT_SectPr); Word refuses them out of order.
_SECTPR_ORDER = [
    f"{{{W}}}{n}"
    for n in [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ]
]


def section_child(sect: etree._Element, local: str) -> etree._Element:
    """The child of a sectPr with that name, created at its place in the schema's order."""
    tag = f"{{{W}}}{local}"
    found = sect.find(tag)
    if found is not None:
        return found
    rank = _SECTPR_ORDER.index(tag)
    new = etree.Element(tag)
    for i, other in enumerate(sect):
        if other.tag in _SECTPR_ORDER and _SECTPR_ORDER.index(other.tag) > rank:
            sect.insert(i, new)
            return new
    sect.append(new)
    return new


def end_section_in_last_paragraph(body: etree._Element, sect: etree._Element) -> None:
    """A section that is not the document's last ends inside its last paragraph's properties."""
    last = body[-1] if len(body) else None
    if last is None or last.tag != f"{{{W}}}p":
        last = etree.SubElement(body, f"{{{W}}}p")
    props = last.find(f"{{{W}}}pPr")
    if props is None:
        props = etree.Element(f"{{{W}}}pPr")
        last.insert(0, props)
    change = props.find(f"{{{W}}}pPrChange")
    if change is not None:
        change.addprevious(sect)
    else:
        props.append(sect)


__all__ = ["end_section_in_last_paragraph", "section_child"]
