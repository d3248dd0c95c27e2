"""The blocks of a rendered letter's body as its layout reads them (paragraphs and tables, in
order, with their text), and the paragraph properties it sets: « keep with next » and the
others in the schema's order."""

from __future__ import annotations

from lxml import etree

from .compiled import W

_P, _PPR, _T, _TBL, _TR, _JC = (f"{{{W}}}{n}" for n in ("p", "pPr", "t", "tbl", "tr", "jc"))
_VAL, _KEEP, _STYLE, _SECTPR = (f"{{{W}}}{n}" for n in ("val", "keepNext", "pStyle", "sectPr"))
# The order of w:pPr's children (ECMA-376 CT_PPrBase, then rPr, sectPr, pPrChange).
_NAMES = """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"""
_RANK = {f"{{{W}}}{n}": i for i, n in enumerate(_NAMES.split())}


class Blocks:
    """The body's paragraphs and tables in order; each paragraph's trimmed text (a table's
    is ""), and whether it is a right-aligned total. Read once per letter."""

    def __init__(self, body: etree._Element) -> None:
        self.items = [e for e in body if e.tag == _P or e.tag == _TBL]
        self.texts = [self.text_of(e) if e.tag == _P else "" for e in self.items]
        self.right = [
            bool(text) and _right_aligned(e) for e, text in zip(self.items, self.texts, strict=True)
        ]

    def is_table(self, i: int) -> bool:
        """Whether block i is a table."""
        return bool(self.items[i].tag == _TBL)

    def rows(self, i: int) -> list[etree._Element]:
        """The rows of table i."""
        return list(self.items[i].findall(_TR))

    @staticmethod
    def text_of(paragraph: etree._Element) -> str:
        """A paragraph's text, trimmed."""
        return "".join(paragraph.itertext(_T, with_tail=False)).strip()


def _props(paragraph: etree._Element) -> etree._Element | None:
    """The paragraph's w:pPr: its first child in a schema-valid paragraph, looked at first
    (half the cost of find, called for every cell of a letter's tables), else found."""
    first = paragraph[0] if len(paragraph) else None
    if first is not None and first.tag == _PPR:
        return first
    return paragraph.find(_PPR)


def _right_aligned(paragraph: etree._Element) -> bool:
    props = _props(paragraph)
    if props is None:
        return False
    jc = next((c for c in props if c.tag == _JC), None)
    return jc is not None and jc.get(_VAL) in ("right", "end")


def keep_next(paragraph: etree._Element) -> None:
    """Keep the paragraph with the next one (keepNext comes second in w:pPr, after pStyle):
    the quick way, for every cell of a table. A table given here keeps its last row."""
    if paragraph.tag == _TBL:
        rows = paragraph.findall(_TR)
        for cell in rows[-1].iter(_P) if rows else ():
            keep_next(cell)
        return
    props = _props(paragraph)
    if props is None:
        props = etree.SubElement(paragraph, _PPR)
        paragraph.insert(0, props)
    elif any(c.tag == _KEEP for c in props):
        return
    # Made inside the letter's tree, then put in place: etree.Element would make a document
    # of its own for each, and moving it into the letter costs ten times more.
    keep = etree.SubElement(props, _KEEP)
    props.insert(1 if props[0].tag == _STYLE and props[0] is not keep else 0, keep)


def set_child(paragraph: etree._Element, local: str) -> etree._Element:
    """The paragraph property of that name, created at its place in the schema's order."""
    props = paragraph.find(_PPR)
    if props is None:
        props = etree.Element(_PPR)
        paragraph.insert(0, props)
    tag = f"{{{W}}}{local}"
    found = props.find(tag)
    if found is not None:
        return found
    rank = _RANK[tag]
    for i, other in enumerate(props):
        if _RANK.get(other.tag, -1) > rank:
            props.insert(i, new := etree.Element(tag))
            return new
    return etree.SubElement(props, tag)


def wrap_unbroken(paragraphs: list[etree._Element]) -> None:
    """Put these consecutive body paragraphs in a borderless table of one cell, the width of
    the text, whose row no page breaks (w:cantSplit): Word and LibreOffice move it whole to
    the next page when it does not fit. Left as they are when one of them is not a plain
    paragraph of the body or ends a section."""
    if not paragraphs or any(p.tag != _P for p in paragraphs):
        return
    body = paragraphs[0].getparent()
    if body is None or any(p.find(f".//{_SECTPR}") is not None for p in paragraphs):
        return
    width = _text_width(body)
    # Made inside the letter's tree (see keep_next), then put in place.
    table = etree.SubElement(body, _TBL)
    paragraphs[0].addprevious(table)
    props = etree.SubElement(table, f"{{{W}}}tblPr")
    _sub(props, "tblW", w="5000", type="pct")
    _sub(props, "tblInd", w="0", type="dxa")
    borders = _sub(props, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, side, val="nil")
    _sub(props, "tblLayout", type="fixed")
    margins = _sub(props, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        _sub(margins, side, w="0", type="dxa")
    _sub(_sub(table, "tblGrid"), "gridCol", w=str(width))
    row = _sub(table, "tr")
    _sub(_sub(row, "trPr"), "cantSplit")
    cell = _sub(row, "tc")
    _sub(_sub(cell, "tcPr"), "tcW", w=str(width), type="dxa")
    for paragraph in paragraphs:
        cell.append(paragraph)
    after = table.getnext()
    if after is None or after.tag == _SECTPR:
        # A body (or a section of the bundle) ends with a paragraph: one a point high, so
        # that it never makes a page of its own under a signature at the page's foot.
        end = etree.Element(_P)
        table.addnext(end)
        spacing = _sub(_sub(end, "pPr"), "spacing", before="0", after="0", line="20")
        spacing.set(f"{{{W}}}lineRule", "exact")
        _sub(_sub(spacing.getparent(), "rPr"), "sz", val="2")


def _sub(parent: etree._Element, local: str, **attributes: str) -> etree._Element:
    """A w: child with w: attributes."""
    return etree.SubElement(
        parent, f"{{{W}}}{local}", {f"{{{W}}}{k}": v for k, v in attributes.items()}
    )


def _text_width(body: etree._Element) -> int:
    """The width of the text between the margins, in twentieths of a point (A4 with 2 cm
    margins when the section does not say)."""
    section = body.find(_SECTPR)
    size = section.find(f"{{{W}}}pgSz") if section is not None else None
    margins = section.find(f"{{{W}}}pgMar") if section is not None else None
    try:
        page = int((size.get(f"{{{W}}}w") if size is not None else None) or 11906)
        left = int((margins.get(f"{{{W}}}left") if margins is not None else None) or 1134)
        right = int((margins.get(f"{{{W}}}right") if margins is not None else None) or 1134)
    except ValueError:
        return 9638
    return max(page - left - right, 1440)


__all__ = ["Blocks", "keep_next", "set_child", "wrap_unbroken"]
