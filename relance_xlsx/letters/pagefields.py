"""« Page 2/3 » of each letter inside the Word bundle, where every letter is one section.

A letter on its own counts its pages with PAGE and NUMPAGES. In the bundle NUMPAGES would
count the whole bundle, so each letter's page fields are rewritten:

- single-sided: numbering restarts with each letter (PAGE is right) and the total is
  SECTIONPAGES, which Word computes; LibreOffice shows a field's saved result for it, so the
  total and its « / » are one field with an empty saved result: LibreOffice prints « Page 2 »,
  Word « Page 2/3 ».
- double-sided: each letter starts on an odd page (an « odd page » section break). Word and
  LibreOffice decide odd and even by the page's number, so numbering cannot restart (every
  letter would start on a « page 1 », never preceded by a blank page). The number and the
  total are then computed by Word from two bookmarks around the letter:
  PAGE − PAGEREF(start) + 1 and PAGEREF(end) − PAGEREF(start) + 1. LibreOffice does not
  compute such formulas and shows their (empty) saved result: print the PDF bundle from it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A complex field holding PAGE or NUMPAGES alone (Word writes these), made a simple one first.
_COMPLEX = re.compile(
    rb'<w:r(?: [^>]*)?>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType="begin"/></w:r>'
    rb"<w:r(?: [^>]*)?>(?:(?!</w:r>).)*?<w:instrText(?: [^>]*)?>\s*(PAGE|NUMPAGES)\b[^<]*"
    rb"</w:instrText></w:r>"
    rb'<w:r(?: [^>]*)?>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType="separate"/></w:r>'
    rb"((?:(?!fldCharType).)*?)"
    rb'<w:r(?: [^>]*)?>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType="end"/></w:r>',
    re.S,
)
# A short text run (« Page  », « / », « of ») just before the field, taken into its picture.
_FIELD = re.compile(
    rb"(?:<w:r(?: [^>]*)?>((?:(?!</w:r>).)*?)<w:t(?: [^>]*)?>([^<'\"]{0,16})</w:t></w:r>)?"
    rb'<w:fldSimple w:instr="\s*(PAGE|NUMPAGES)\b[^"]*"[^>]*>((?:(?!</w:fldSimple>).)*)'
    rb"</w:fldSimple>",
    re.S,
)
_RPR = re.compile(rb"<w:rPr>.*?</w:rPr>", re.S)
_SIZE = re.compile(rb"<w:sz [^>]*/>")


def _simple(found: re.Match[bytes]) -> bytes:
    return b'<w:fldSimple w:instr="' + found[1] + b'">' + found[2] + b"</w:fldSimple>"


def _run(props: bytes, inner: bytes) -> bytes:
    return b"<w:r>" + props + inner + b"</w:r>"


def _char(props: bytes, kind: str) -> bytes:
    return _run(props, f'<w:fldChar w:fldCharType="{kind}"/>'.encode())


def _instr(props: bytes, text: str) -> bytes:
    return _run(props, b'<w:instrText xml:space="preserve">' + text.encode() + b"</w:instrText>")


def _nested(props: bytes, instruction: str) -> bytes:
    """A field inside a formula, with no saved result, hidden: LibreOffice, which does not
    compute the formula, would print the nested PAGE and PAGEREF on their own (« 1121 »)."""
    size = _SIZE.search(props)  # the line's own size, so that it keeps its height
    hidden = b"<w:rPr><w:vanish/>" + (size[0] if size else b"") + b"</w:rPr>"
    return (
        _char(hidden, "begin")
        + _instr(hidden, f" {instruction} ")
        + _char(hidden, "separate")
        + _char(hidden, "end")
    )


def _picture(prefix: bytes | None) -> str:
    """Word's numeric picture that prints the text before the number: \\# "'Page '0"."""
    text = (prefix or b"").decode("utf-8")
    return f"\\# \"'{text}'0\"" if text else ""


def _parts(found: re.Match[bytes]) -> tuple[bytes, bytes | None, str]:
    """The run properties to keep, the text before the field (if any), the field's name."""
    props = _RPR.search(found[4]) or _RPR.search(found[1] or b"")
    return (props[0] if props else b""), found[2], found[3].decode()


def section_total(xml: bytes, *, count: bool = True) -> bytes:
    """Single-sided bundle: the « /3 » of each letter counted in its own section (or left out,
    count False, for a letter of several sections: SECTIONPAGES would count only one)."""
    if b"NUMPAGES" not in xml:
        return xml

    def total(found: re.Match[bytes]) -> bytes:
        props, prefix, name = _parts(found)
        if name == "PAGE":
            return found[0]
        if not count:
            return b""
        instruction = f"SECTIONPAGES {_picture(prefix)}".strip().replace('"', "&quot;")
        return (
            f'<w:fldSimple w:instr="{instruction}">'.encode()
            + _run(props, b'<w:t xml:space="preserve"></w:t>')
            + b"</w:fldSimple>"
        )

    return _FIELD.sub(total, _COMPLEX.sub(_simple, xml))


_START, _END = "_RlLSTART_", "_RlLEND_"


def bookmarked_numbers(xml: bytes, start: str, end: str) -> bytes:
    """Double-sided bundle: the letter's page number and total, computed from its bookmarks.

    The footer is the same for every letter of a template but for its bookmarks' names: it is
    rewritten once, and each letter's names put in.
    """
    if b"PAGE" not in xml:
        return xml
    return (
        _with_marks(xml)
        .replace(_START.encode(), start.encode())
        .replace(_END.encode(), end.encode())
    )


@lru_cache(maxsize=64)
def _with_marks(xml: bytes) -> bytes:
    """The footer's page fields as formulas on two placeholder bookmark names."""
    start, end = _START, _END

    def formula(found: re.Match[bytes]) -> bytes:
        props, prefix, name = _parts(found)
        first = _nested(props, "PAGE") if name == "PAGE" else _nested(props, f"PAGEREF {end}")
        return (
            _char(props, "begin")
            + _instr(props, " = ")
            + first
            + _instr(props, " - ")
            + _nested(props, f"PAGEREF {start}")
            + _instr(props, f" + 1 {_picture(prefix)} ")
            + _char(props, "separate")
            # A space as the saved result: the line keeps its height in LibreOffice (an empty
            # one took the paragraph's larger size and pushed a letter's last line over).
            + _run(props, b'<w:t xml:space="preserve"> </w:t>')
            + _char(props, "end")
        )

    return _FIELD.sub(formula, _COMPLEX.sub(_simple, xml))


__all__ = ["bookmarked_numbers", "section_total"]
