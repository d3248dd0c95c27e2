"""What every letter's layout needs, whatever its template (the bundled ones or an office's):
room to sign above the signatory's name, and a heading never left alone at the foot of a page.

Set on each rendered letter, like its typography: a template edited in Word keeps these rules
without anyone having to know them.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .compiled import Rendered, W

# Between the closing line and the signatory's name: 27 mm, room for a signature (25 to 30).
SIGNING_ROOM_MM = 27
_TWIPS = round(SIGNING_ROOM_MM / 25.4 * 1440)
_P, _PPR, _T, _TC, _TBL, _TR, _JC = (
    f"{{{W}}}{n}" for n in ("p", "pPr", "t", "tc", "tbl", "tr", "jc")
)
_VAL, _KEEP, _STYLE = (f"{{{W}}}{n}" for n in ("val", "keepNext", "pStyle"))
# A table up to this many rows is kept on one page with its sentence and its totals; a longer
# one runs over pages as it must.
_SMALL_TABLE = 12
# The order of w:pPr's children (ECMA-376 CT_PPrBase, then rPr, sectPr, pPrChange).
_NAMES = """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"""
_RANK = {f"{{{W}}}{n}": i for i, n in enumerate(_NAMES.split())}


def lay_out(rendered: Rendered, context: dict[str, Any]) -> None:
    """Keep each heading with what follows it; leave room to sign above the signatory."""
    paragraphs = [p for p in rendered.body.iter(_P) if _in_body(p)]
    texts = [_text(p) for p in paragraphs]
    for paragraph, text in zip(paragraphs, texts, strict=True):
        # « Modalités de règlement : », « Détail des intérêts… : » introduce what follows.
        if text.endswith(":") and len(text) <= 120:
            _child(paragraph, "keepNext")
    _keep_blocks(rendered.body)
    creditor = context.get("creditor") or {}
    name = str(creditor.get("signatory") or "").strip() if isinstance(creditor, dict) else ""
    if not name:
        return
    for i in range(len(paragraphs) - 1, 0, -1):
        if texts[i] != name:
            continue
        closing = next((j for j in range(i - 1, -1, -1) if texts[j]), None)
        if closing is not None:
            spacing = _child(paragraphs[closing], "spacing")
            after = int(spacing.get(f"{{{W}}}after", "0") or 0)
            spacing.set(f"{{{W}}}after", str(max(after, _TWIPS)))
            _child(paragraphs[closing], "keepNext")
            for k in range(closing + 1, i):  # empty paragraphs between: kept too
                _child(paragraphs[k], "keepNext")
        break


def _keep_blocks(body: etree._Element) -> None:
    """A sentence kept with the table it introduces, a short table with the totals under it,
    the right-aligned totals together (« Total restant dû » never alone at a page's foot,
    « Total réclamé » on the next)."""
    blocks = [e for e in body if e.tag == _P or e.tag == _TBL]
    right = [b.tag == _P and _right(b) for b in blocks]
    for i, block in enumerate(blocks[:-1]):
        after = blocks[i + 1]
        if block.tag == _TBL:
            rows = block.findall(_TR)
            if len(rows) <= _SMALL_TABLE:
                for row in rows:
                    for paragraph in row.iter(_P):
                        _keep_next(paragraph)
            continue
        if right[i]:
            if right[i + 1]:
                _keep_next(block)
            continue
        if after.tag == _TBL:
            text = _text(block)
            if text and len(text) <= 400:
                _keep_next(block)
        elif right[i + 1] and not _text(block):
            _keep_next(block)  # the space between a table and its totals


def _text(paragraph: etree._Element) -> str:
    """A paragraph's text, trimmed."""
    return "".join(paragraph.itertext(_T, with_tail=False)).strip()


def _right(paragraph: etree._Element) -> bool:
    """A right-aligned paragraph (a total), with some text."""
    props = paragraph.find(_PPR)
    jc = props.find(_JC) if props is not None else None
    if jc is None or jc.get(_VAL) not in ("right", "end"):
        return False
    return bool(_text(paragraph))


def _in_body(paragraph: etree._Element) -> bool:
    """A paragraph of the letter's text, not of a table cell."""
    parent = paragraph.getparent()
    return parent is None or parent.tag != _TC


def _keep_next(paragraph: etree._Element) -> None:
    """Keep the paragraph with the next one (keepNext comes second in w:pPr, after pStyle):
    the quick way, for every cell of a table."""
    props = paragraph.find(_PPR)
    if props is None:
        props = etree.SubElement(paragraph, _PPR)
        paragraph.insert(0, props)
    elif props.find(_KEEP) is not None:
        return
    # Made inside the letter's tree, then put in place: etree.Element would make a document
    # of its own for each, and moving it into the letter costs ten times more.
    keep = etree.SubElement(props, _KEEP)
    props.insert(1 if props[0].tag == _STYLE and props[0] is not keep else 0, keep)


def _child(paragraph: etree._Element, local: str) -> etree._Element:
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
    new = etree.SubElement(props, tag)
    return new


__all__ = ["SIGNING_ROOM_MM", "lay_out"]
