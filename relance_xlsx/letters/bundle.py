"""The print bundle: one .docx, each letter its own section.

Letters from templates that share their styles (all the bundled ones do) are joined directly:
each letter's body becomes one section of the bundle, with its own header and footer parts, so
nothing of one letter shows on another's page and page numbers restart with each letter. Other
templates are joined by docxcompose, which keeps the first letter's header and footer.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docxcompose.composer import Composer
from lxml import etree

from ..ooxml import SAFE_PARSER, RawEntry, deflated, write_zip
from .compiled import (
    CONTENT_TYPES,
    CONTENT_TYPES_NS,
    DOCUMENT,
    DOCUMENT_RELS,
    FOOTER_REL,
    HEADER_REL,
    PACKAGE_RELS,
    XML_DECLARATION,
    CompiledTemplate,
    Rendered,
    W,
    with_images,
    with_png,
)
from .sections import end_section_in_last_paragraph, section_child

BUNDLE_NAME = "a_imprimer.docx"


def build_bundle(letters: Sequence[Path], target: Path) -> Path:
    """Concatenate letters in the given order, each starting on a new page."""
    composer = Composer(Document(str(letters[0])))
    for path in letters[1:]:
        # docxcompose adds no break between documents: end the previous letter's page here.
        composer.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        composer.append(Document(str(path)))
    composer.save(str(target))
    return target


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PART_TYPES = {
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}
_REL_TYPES = {"header": HEADER_REL, "footer": FOOTER_REL}


@dataclass(frozen=True)
class Fragment:
    """One letter's body as it goes into the bundle, with the header and footer parts it uses."""

    xml: str
    parts: dict[str, tuple[str, bytes, bytes | None]]  # rel id -> (kind, XML, its rels)
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


def letter_fragment(template: CompiledTemplate, rendered: Rendered, *, last: bool) -> Fragment:
    """Turn a rendered body into one section of the bundle (its letter file is written already)."""
    body = rendered.body
    sections = list(body.iter(f"{{{W}}}sectPr"))
    parts: dict[str, tuple[str, bytes, bytes | None]] = {}
    for n, sect in enumerate(sections):
        _own_headers_and_footers(sect, template, rendered, parts, inherit=n > 0)
    if sections:
        first = sections[0]
        kind = first.find(f"{{{W}}}type")
        if kind is not None and kind.get(f"{{{W}}}val") in ("continuous", "nextColumn"):
            kind.set(f"{{{W}}}val", "nextPage")  # each letter starts on a new page
        numbering = section_child(first, "pgNumType")
        if numbering.get(f"{{{W}}}start") is None:
            numbering.set(f"{{{W}}}start", "1")  # page 1 is each letter's first page
    final = body[-1] if len(body) and body[-1].tag == f"{{{W}}}sectPr" else None
    if final is not None and not last:
        body.remove(final)
        end_section_in_last_paragraph(body, final)
    text = etree.tostring(body, encoding="unicode")
    inner = "" if text.endswith("/>") and text.count("<") == 1 else text[text.index(">") + 1 : -9]
    return Fragment(inner, parts, dict(rendered.media))


def _own_headers_and_footers(
    sect: etree._Element,
    template: CompiledTemplate,
    rendered: Rendered,
    parts: dict[str, tuple[str, bytes, bytes | None]],
    *,
    inherit: bool,
) -> None:
    """Point the section at this letter's own rendered header/footer parts, blank where none."""
    present = set()
    for ref in sect:
        local = etree.QName(ref).localname
        if local not in ("headerReference", "footerReference"):
            continue
        kind = local.removesuffix("Reference")
        name = template.rel_targets.get(ref.get(f"{{{R}}}id", ""))
        xml = _section_count(rendered.parts.get(name, b"") if name else b"")
        rels = template.parts[name].rels if name else None
        ref.set(f"{{{R}}}id", _add_part(parts, kind, xml or _blank(kind), rels))
        present.add((kind, ref.get(f"{{{W}}}type", "default")))
    if inherit:  # a letter's later sections inherit from its own first one, as in Word
        return
    wanted = ["default"] + (["first"] if sect.find(f"{{{W}}}titlePg") is not None else [])
    for kind in ("footer", "header"):  # inserted at the front: headers end up first
        for which in wanted:
            if (kind, which) not in present:
                # Without its own reference a section inherits the previous letter's.
                ref = etree.Element(f"{{{W}}}{kind}Reference")
                ref.set(f"{{{W}}}type", which)
                ref.set(f"{{{R}}}id", _add_part(parts, kind, _blank(kind), None))
                sect.insert(0, ref)


# "Page 2/3" in a letter on its own counts the document's pages (NUMPAGES). In the bundle the
# letter is one section: Word counts it with SECTIONPAGES, which LibreOffice does not compute
# (it prints 1). Rather than a wrong total, the bundle shows "Page 2".
_TOTAL_PAGES = re.compile(
    rb'<w:r>(?:(?!</w:r>).)*?<w:t(?: [^>]*)?>/</w:t></w:r>\s*<w:fldSimple w:instr="\s*NUMPAGES\s*"'
    rb"(?:(?!</w:fldSimple>).)*</w:fldSimple>",
    re.S,
)


def _section_count(xml: bytes) -> bytes:
    return _TOTAL_PAGES.sub(b"", xml) if b"NUMPAGES" in xml else xml


def _add_part(
    parts: dict[str, tuple[str, bytes, bytes | None]], kind: str, xml: bytes, rels: bytes | None
) -> str:
    rel_id = "rIdRl" + hashlib.sha1(kind.encode() + xml + (rels or b"")).hexdigest()[:16]
    parts[rel_id] = (kind, xml, rels)
    return rel_id


def _blank(kind: str) -> bytes:
    tag = "hdr" if kind == "header" else "ftr"
    return f'{XML_DECLARATION}<w:{tag} xmlns:w="{W}"><w:p/></w:{tag}>'.encode()


@dataclass
class BundleWriter:
    """Builds the bundle letter by letter, keeping only the compressed body in memory."""

    base: CompiledTemplate
    target: Path
    parts: dict[str, tuple[str, bytes, bytes | None]] = field(default_factory=dict)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    _chunks: list[bytes] = field(default_factory=list)
    _packer: zlib._Compress = field(default_factory=lambda: zlib.compressobj(1, zlib.DEFLATED, -15))
    _crc: int = 0
    _size: int = 0

    def __post_init__(self) -> None:
        self._write(self.base.document_head + self.base.body_open)

    def _write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._chunks.append(self._packer.compress(data))

    def add(self, fragment: Fragment) -> None:
        """Append one letter, in print order."""
        self._write(fragment.xml)
        for rel_id, part in fragment.parts.items():
            self.parts.setdefault(rel_id, part)
        self.media.update(fragment.media)

    def close(self) -> Path:
        """Write the bundle file (atomically) and return its path."""
        self._write("</w:body>" + self.base.document_tail)
        self._chunks.append(self._packer.flush())
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
        partial = self.target.with_name(self.target.name + ".partiel")
        write_zip(partial, entries)
        partial.replace(self.target)
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
    "BundleWriter",
    "Fragment",
    "build_bundle",
    "bundle_key",
    "letter_fragment",
]
