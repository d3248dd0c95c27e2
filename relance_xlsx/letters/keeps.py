"""The blocks of a rendered letter's body as its layout reads them (paragraphs and tables, in
order, with their text), and the paragraph properties it sets: « keep with next » and the
others in the schema's order."""

from __future__ import annotations

from lxml import etree

from .compiled import W

_P, _PPR, _T, _TBL, _TR, _JC = (f"{{{W}}}{n}" for n in ("p", "pPr", "t", "tbl", "tr", "jc"))
_VAL, _KEEP, _STYLE = (f"{{{W}}}{n}" for n in ("val", "keepNext", "pStyle"))
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


__all__ = ["Blocks", "keep_next", "set_child"]
