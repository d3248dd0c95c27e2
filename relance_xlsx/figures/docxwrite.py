"""A Word document written straight as WordprocessingML: headings, paragraphs, bullets and
grid tables, in the styles of python-docx's default template.

python-docx builds each paragraph and cell as objects: 25 ms for a litigation file, 6 s for
the 239 files of a big run. Here the document part is one string, and the package's other
parts are those of the default template, trimmed and compressed once per process and copied
still compressed (ooxml.write_zip): well under a millisecond a file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from ..ooxml import RawEntry, deflated, read_raw, write_zip
from ..wording import NB_HYPHEN, typeset

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Characters XML 1.0 refuses (a hostile cell may hold them): dropped, never written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PAGE_WIDTH = 9000  # twentieths of a point: the text width of the default A4/Letter page


# Anything text() changes: most cells (amounts, dates, numbers) hold none of it.
_CHANGED = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: str) -> str:
    """Text for a w:t element: escaped, without the characters XML cannot hold."""
    if _CHANGED.search(value) is None:
        return value
    return escape(_NOT_XML.sub("", value))


def paragraph(value: str, style: str = "") -> str:
    """One paragraph, in a style of the default template (by its id) or Normal."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    # French spacing: a line never starts with « : » (the lawyer saw « 5 000,00 € / : la … »).
    said = text(typeset(value))
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{said}</w:t></w:r></w:p>'


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A grid table with a header row repeated on each page; the columns in right (0-based:
    amounts, counts) right-aligned, their header too, so that figures line up on the units.
    The first column, the invoice or credit number, keeps its hyphens whole (no-break
    hyphens, as in the letters: the second legal review, N10, saw « FACT-2026- / 01 »)."""
    width = _PAGE_WIDTH // max(len(header), 1)
    rows = [[_whole(r[0]), *r[1:]] if r else r for r in rows]
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in header)

    # Each cell is paragraph(value) in its own w:tc, the markup around the text made once
    # per column (a litigation file's tables hold hundreds of cells).
    def start(j: int) -> str:
        align = '<w:pPr><w:jc w:val="right"/></w:pPr>' if j in right else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p>{align}<w:r><w:t xml:space="preserve">'
        )

    starts = [start(j) for j in range(len(header))]
    end = "</w:t></w:r></w:p></w:tc>"

    def row(cells: Sequence[str], head: bool = False, plain: bool = False) -> str:
        props = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        if not cells:
            return f"<w:tr>{props}</w:tr>"
        body = "".join(
            [
                (starts[j] if j < len(starts) else starts[-1]) + (c if plain else text(c)) + end
                for j, c in enumerate(cells)
            ]
        )
        return f"<w:tr>{props}{body}</w:tr>"

    # Nearly every table holds no character text() changes: one search of all its cells
    # then, not one per cell (a big run's litigation files hold a million cells).
    plain = _CHANGED.search("".join([c for r in rows for c in r])) is None
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{row(header, True)}"
        + "".join([row(r, plain=plain) for r in rows])
        + "</w:tbl>"
    )


def _whole(reference: str) -> str:
    """« FACT‑2026‑01 »: a number no line break cuts at its hyphens (its spaces still break)."""
    return reference.replace("-", NB_HYPHEN) if "-" in reference else reference


# The parts of the default template a litigation file does without (Word and LibreOffice
# open it the same): 450 kB of styles with effects, a thumbnail, custom XML.
_DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
# The styles the documents use; the others (and their 350 kB) are left out.
STYLES = ("Normal", "Heading1", "Heading2", "Heading3", "ListBullet", "TableGrid", "Footer")


# Built by build_skeleton (word_templates/build_templates.py runs it) and shipped: making
# it from python-docx's template at run time took 0.3 s.
SKELETON = Path(__file__).resolve().parent.parent / "data" / "document_vierge.docx"


def build_skeleton(target: Path = SKELETON) -> Path:
    """The parts of python-docx's default template (Carlito 10 pt), trimmed to what is used."""
    from docx import Document  # only to build the skeleton, never during a run
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Carlito"
    doc.styles["Normal"].font.size = Pt(10)
    _a4_numbered(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    kept = {n: d for n, d in parts.items() if not n.startswith(_DROPPED)}
    kept["word/styles.xml"] = _used_styles(kept["word/styles.xml"])
    for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
        kept[name] = _without_dropped(kept[name])
    write_zip(target, [deflated(name, data, 9) for name, data in kept.items()])
    return target


def _a4_numbered(doc: Any) -> None:
    """A4 (python-docx's default is US Letter), 2,5 cm margins, « Page 1 sur 3 » at the foot:
    a file for counsel or the court, as the letters are."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("Page ", "PAGE", " sur ", "NUMPAGES"):
        run = foot.add_run()
        if piece.isupper():
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), f" {piece} ")
            field.append(run._r)
            foot._p.append(field)
            run.text = "1"
        else:
            run.text = piece


def _used_styles(xml: bytes) -> bytes:
    """styles.xml with only STYLES and the styles they are based on, link to or are
    followed by; no latent styles."""
    root = etree.fromstring(xml)
    ns = {"w": W}
    by_id = {s.get(f"{{{W}}}styleId"): s for s in root.findall("w:style", ns)}
    wanted, todo = set(), list(STYLES)
    while todo:
        name = todo.pop()
        if name in wanted or name not in by_id:
            continue
        wanted.add(name)
        for tag in ("basedOn", "link", "next"):
            ref = by_id[name].find(f"w:{tag}", ns)
            if ref is not None:
                todo.append(ref.get(f"{{{W}}}val"))
    for style_id, style in by_id.items():
        if style_id not in wanted:
            root.remove(style)
    for latent in root.findall("w:latentStyles", ns):
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_dropped(xml: bytes) -> bytes:
    """A content-types or relationships part without the entries of the dropped parts."""
    root = etree.fromstring(xml)
    for entry in list(root):
        target = (entry.get("PartName") or entry.get("Target") or "").lstrip("/")
        # Targets are relative to word/ in document.xml.rels ("../customXml/…" goes up).
        names = (target.removeprefix("../"), "word/" + target)
        if any(name.startswith(_DROPPED) for name in names):
            root.remove(entry)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=1)
def _section() -> str:
    """The page set-up of the default template's body (sectPr)."""
    with zipfile.ZipFile(SKELETON) as package:
        document = package.read("word/document.xml").decode("utf-8")
    found = re.search(r"<w:sectPr\b.*?</w:sectPr>", document, re.S)
    return found.group(0) if found else ""


def write_document(body: Sequence[str], target: Path) -> Path:
    """A .docx whose body is these paragraphs and tables (as made by paragraph and table)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(body)
        + _section()
        + "</w:body></w:document>"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = [
        deflated(name, xml.encode("utf-8")) if raw is None else raw for name, raw in _packed()
    ]
    write_zip(target, entries)
    return target


@lru_cache(maxsize=1)
def _packed() -> tuple[tuple[str, RawEntry | None], ...]:
    """The skeleton's parts still compressed (None for the document part, new each time)."""
    return tuple(
        (raw.name, None if raw.name == "word/document.xml" else raw) for raw in read_raw(SKELETON)
    )


__all__ = ["SKELETON", "build_skeleton", "paragraph", "table", "text", "write_document"]
