"""The print bundle: one .docx, each letter its own section.

Letters from templates that share their styles (all the bundled ones do) are joined directly:
each letter's body becomes one section of the bundle, with its own header and footer parts, so
nothing of one letter shows on another's page and page numbers restart with each letter. Other
templates are joined by docxcompose, which keeps the first letter's header and footer.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docxcompose.composer import Composer
from lxml import etree

from ..ooxml import SAFE_PARSER, RawEntry, crc32_combine, deflated, write_zip
from ..userfiles import open_fresh, write_atomically
from .bodytext import again, ending
from .compiled import (
    CONTENT_TYPES,
    DOCUMENT,
    DOCUMENT_RELS,
    FOOTER_REL,
    HEADER_REL,
    CompiledTemplate,
    Rendered,
    W,
)
from .pagefields import bookmarked_numbers, section_total
from .pieces import polished_pair
from .sectionparts import Parts, own_headers_and_footers
from .sections import end_section_in_last_paragraph, section_child
from .wordpackage import CONTENT_TYPES_NS, PACKAGE_RELS, with_images, with_png

BUNDLE_NAME = "a_imprimer.docx"
# The registered letters, printed apart ([print] registered).
REGISTERED_NAME = "recommandes.docx"


def build_bundle(letters: Sequence[Path], target: Path) -> Path:
    """Concatenate letters in the given order, each starting on a new page."""
    composer = Composer(Document(str(letters[0])))
    for path in letters[1:]:
        # docxcompose adds no break between documents: end the previous letter's page here.
        composer.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        composer.append(Document(str(path)))
    with open_fresh(target) as fh:  # a link planted meanwhile is never followed
        composer.save(fh)
    return target


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PART_TYPES = {
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}
_REL_TYPES = {"header": HEADER_REL, "footer": FOOTER_REL}
# The bundle's body is compressed fast: it is big (a million invoices: 1.2 GB of XML).
BUNDLE_LEVEL = 1


@dataclass(frozen=True)
class Fragment:
    """One letter's body as it goes into the bundle, with the header and footer parts it uses."""

    # Compressed where it was rendered: rendered letters wait here while the main process is
    # busy (at a million invoices, 1.2 GB of bundle bodies as UTF-8; a tenth compressed).
    packed: bytes  # raw deflate, ended by a sync flush (no final block): a run of a stream
    crc: int  # the CRC-32 and size of the body's UTF-8 bytes
    size: int
    parts: Parts
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # its pictures


def bundle_key(template: CompiledTemplate) -> str:
    """Templates with the same key share styles, numbering and media: one bundle can hold both."""
    own = set(template.parts) | {_rels_name(n) for n in template.parts}
    skip = own | {DOCUMENT, DOCUMENT_RELS, CONTENT_TYPES}
    digest = hashlib.sha256(template.document_head.encode("utf-8"))
    digest.update(template.body_open.encode("utf-8"))
    for entry in sorted(template.entries, key=lambda e: e.name):
        if entry.name not in skip and not entry.name.startswith("docProps/"):
            digest.update(f"{entry.name}:{entry.crc}:{entry.size};".encode())
    rels = etree.fromstring(template.file(DOCUMENT_RELS), SAFE_PARSER)
    kept = sorted(
        tuple(sorted(r.attrib.items()))
        for r in rels
        if r.get("Type") not in (HEADER_REL, FOOTER_REL)
    )
    digest.update(repr(kept).encode("utf-8"))
    types = etree.fromstring(template.file(CONTENT_TYPES), SAFE_PARSER)
    kept = sorted(
        tuple(sorted(t.attrib.items()))
        for t in types
        if t.get("PartName", "").lstrip("/") not in own
    )
    digest.update(repr(kept).encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class Placement:
    """Where a letter goes in its bundle, and how the bundle is printed."""

    index: int  # its rank in the bundle, from 0: names its bookmarks
    last: bool
    duplex: bool = False
    # The kinds of part (header, footer) some letter of the bundle has: a letter without one
    # gets a blank one, else it would show the previous letter's. Only those: a blank header
    # still takes room on the page (LibreOffice moved every line down by 6 mm).
    shared: frozenset[str] = frozenset({"header", "footer", "header:first", "footer:first"})


def letter_fragment(template: CompiledTemplate, rendered: Rendered, place: Placement) -> Fragment:
    """Turn a rendered body into one section of the bundle; the letter's own body XML is kept
    in rendered.written (its file may be written before or after)."""
    body = rendered.body
    letter = etree.tostring(body, encoding="unicode")  # before the bundle's changes
    sections = list(body.iter(f"{{{W}}}sectPr"))
    final = body[-1] if len(body) and body[-1].tag == f"{{{W}}}sectPr" else None
    # One section: only the body's ends change (bodytext.py), the rest is written once.
    end = ending(body, letter) if sections == [final] else None
    parts: Parts = {}
    marks = (f"_RlL{place.index}S", f"_RlL{place.index}E")

    def numbered(xml: bytes) -> bytes:
        if place.duplex:
            return bookmarked_numbers(xml, *marks)
        # A letter of several sections would count only its last one: no total then.
        return section_total(xml, count=len(sections) == 1)

    for n, sect in enumerate(sections):
        own_headers_and_footers(
            sect, template, rendered, parts, numbered, inherit=n > 0, shared=place.shared
        )
    if sections:
        _starts_its_pages(sections[0], place.duplex)
    if final is not None and not place.last:
        body.remove(final)
        end_section_in_last_paragraph(body, final)
    if place.duplex:
        _bookmark(body, marks, 900_000 + 2 * place.index)
    # The two differ around the letter's sections only: the rest is typeset once.
    section = again(body, letter, end) if end else etree.tostring(body, encoding="unicode")
    rendered.written, text = polished_pair(letter, section, rendered.polish)
    inner = "" if text.endswith("/>") and text.count("<") == 1 else text[text.index(">") + 1 : -9]
    return Fragment(*_packed(inner.encode("utf-8")), parts, dict(rendered.media))


def _packed(data: bytes) -> tuple[bytes, int, int]:
    """Bytes compressed on their own up to a sync flush, with their CRC-32 and size: the
    bundle's body is such runs one after the other, closed by a final empty block."""
    packer = zlib.compressobj(BUNDLE_LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(data), len(data)


def _starts_its_pages(first: etree._Element, duplex: bool) -> None:
    """Each letter starts on a new page (an odd one, double-sided) and counts from its page 1.

    Double-sided, numbering runs on: Word and LibreOffice tell odd from even by the number.
    """
    kind = section_child(first, "type")
    if duplex:
        kind.set(f"{{{W}}}val", "oddPage")
        numbering = first.find(f"{{{W}}}pgNumType")
        if numbering is not None:
            numbering.attrib.pop(f"{{{W}}}start", None)
        return
    if kind.get(f"{{{W}}}val") in (None, "continuous", "nextColumn"):
        kind.set(f"{{{W}}}val", "nextPage")
    numbering = section_child(first, "pgNumType")
    if numbering.get(f"{{{W}}}start") is None:
        numbering.set(f"{{{W}}}start", "1")


def _bookmark(body: etree._Element, marks: tuple[str, str], first_id: int) -> None:
    """Point bookmarks at the letter's first and last paragraphs (its page fields use them)."""
    for n, (name, where) in enumerate(zip(marks, ("start", "end"), strict=True)):
        start = etree.Element(f"{{{W}}}bookmarkStart")
        start.set(f"{{{W}}}id", str(first_id + n))
        start.set(f"{{{W}}}name", name)
        end = etree.Element(f"{{{W}}}bookmarkEnd")
        end.set(f"{{{W}}}id", str(first_id + n))
        if where == "start":
            body.insert(0, end)
            body.insert(0, start)
            continue
        last = body[-1]
        if last.tag == f"{{{W}}}sectPr":  # the bundle's last letter: before its section
            last.addprevious(start)
            last.addprevious(end)
        else:  # the paragraph that ends the letter's section
            last.append(start)
            last.append(end)


@dataclass
class BundleWriter:
    """Builds the bundle letter by letter, keeping only the compressed body in memory."""

    base: CompiledTemplate
    target: Path
    parts: Parts = field(default_factory=dict)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    _chunks: list[bytes] = field(default_factory=list)
    _crc: int = 0
    _size: int = 0

    def __post_init__(self) -> None:
        self._write(*_packed((self.base.document_head + self.base.body_open).encode("utf-8")))

    def _write(self, packed: bytes, crc: int, size: int) -> None:
        self._crc = crc32_combine(self._crc, crc, size)
        self._size += size
        self._chunks.append(packed)

    def add(self, fragment: Fragment) -> None:
        """Append one letter, in print order."""
        self._write(fragment.packed, fragment.crc, fragment.size)
        for rel_id, part in fragment.parts.items():
            self.parts.setdefault(rel_id, part)
        self.media.update(fragment.media)

    def close(self) -> Path:
        """Write the bundle file (atomically) and return its path."""
        tail = ("</w:body>" + self.base.document_tail).encode("utf-8")
        packer = zlib.compressobj(BUNDLE_LEVEL, zlib.DEFLATED, -15)
        self._write(packer.compress(tail) + packer.flush(), zlib.crc32(tail), len(tail))
        document = RawEntry(DOCUMENT, zlib.DEFLATED, self._crc, self._size, b"".join(self._chunks))
        own = set(self.base.parts) | {_rels_name(n) for n in self.base.parts}
        names = {
            rel_id: f"word/rl_{kind}{n}.xml"
            for n, (rel_id, (kind, _, _)) in enumerate(self.parts.items(), start=1)
        }
        entries: list[RawEntry] = []
        for entry in self.base.entries:
            if entry.name in own:
                continue
            if entry.name == DOCUMENT:
                entry = document
            elif entry.name == DOCUMENT_RELS:
                entry = deflated(DOCUMENT_RELS, self._relationships(names))
            elif entry.name == CONTENT_TYPES:
                entry = deflated(CONTENT_TYPES, self._content_types(names, own))
            entries.append(entry)
        for rel_id, (_, xml, rels) in self.parts.items():
            entries.append(deflated(names[rel_id], xml))
            if rels is not None:
                entries.append(deflated(_rels_name(names[rel_id]), rels))
        entries += [deflated(name, png, 0) for name, png in self.media.values()]
        write_atomically(self.target, lambda fh: write_zip(fh, entries), suffix=".partiel")
        return self.target

    def _relationships(self, names: dict[str, str]) -> bytes:
        rels = etree.fromstring(self.base.file(DOCUMENT_RELS), SAFE_PARSER)
        for rel in list(rels):
            if rel.get("Type") in (HEADER_REL, FOOTER_REL):
                rels.remove(rel)
        for rel_id, name in names.items():
            rel = etree.SubElement(rels, f"{{{PACKAGE_RELS}}}Relationship")
            rel.set("Id", rel_id)
            rel.set("Type", _REL_TYPES[self.parts[rel_id][0]])
            rel.set("Target", name.removeprefix("word/"))
        data = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        return with_images(data, self.media) if self.media else data

    def _content_types(self, names: dict[str, str], own: set[str]) -> bytes:
        types = etree.fromstring(self.base.file(CONTENT_TYPES), SAFE_PARSER)
        for item in list(types):
            if item.get("PartName", "").lstrip("/") in own:
                types.remove(item)
        for rel_id, name in names.items():
            item = etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Override")
            item.set("PartName", f"/{name}")
            item.set("ContentType", _PART_TYPES[self.parts[rel_id][0]])
        data = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        return with_png(data) if self.media else data


def _rels_name(part: str) -> str:
    folder, base = part.rsplit("/", 1)
    return f"{folder}/_rels/{base}.rels"


__all__ = [
    "BUNDLE_NAME",
    "REGISTERED_NAME",
    "BundleWriter",
    "Fragment",
    "Placement",
    "build_bundle",
    "bundle_key",
    "letter_fragment",
]
