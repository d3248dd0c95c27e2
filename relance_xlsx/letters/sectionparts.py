"""Each letter's own header and footer parts in the Word bundle, blank where it has none."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from lxml import etree

from .compiled import XML_DECLARATION, CompiledTemplate, Rendered, W

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Parts = dict[str, tuple[str, bytes, bytes | None]]  # rel id -> (kind, XML, its rels)


def own_headers_and_footers(
    sect: etree._Element,
    template: CompiledTemplate,
    rendered: Rendered,
    parts: Parts,
    numbered: Callable[[bytes], bytes],
    *,
    inherit: bool,
    shared: frozenset[str],
) -> None:
    """Point the section at this letter's own rendered header/footer parts (their page fields
    rewritten by numbered), blank where it has none but another letter of the bundle has one."""
    present = set()
    for ref in sect:
        local = etree.QName(ref).localname
        if local not in ("headerReference", "footerReference"):
            continue
        kind = local.removesuffix("Reference")
        name = template.rel_targets.get(ref.get(f"{{{R}}}id", ""))
        xml = numbered(rendered.parts.get(name, b"") if name else b"")
        rels = template.parts[name].rels if name else None
        ref.set(f"{{{R}}}id", add_part(parts, kind, xml or blank(kind), rels))
        present.add((kind, ref.get(f"{{{W}}}type", "default")))
    if inherit:  # a letter's later sections inherit from its own first one, as in Word
        return
    wanted = ["default"] + (["first"] if sect.find(f"{{{W}}}titlePg") is not None else [])
    for kind in ("footer", "header"):  # inserted at the front: headers end up first
        if kind not in shared:
            continue  # no letter of the bundle has one: nothing to hide, no room taken
        for which in wanted:
            # A first page's blank only where some letter has a first page of its own: a blank
            # header above page 1 moved its lines in LibreOffice (session 10).
            if (kind, which) not in present and (which == "default" or f"{kind}:first" in shared):
                # Without its own reference a section inherits the previous letter's.
                ref = etree.Element(f"{{{W}}}{kind}Reference")
                ref.set(f"{{{W}}}type", which)
                ref.set(f"{{{R}}}id", add_part(parts, kind, blank(kind), None))
                sect.insert(0, ref)


def add_part(parts: Parts, kind: str, xml: bytes, rels: bytes | None) -> str:
    """Add a header or footer part (the same content is one part) and return its rel id."""
    rel_id = "rIdRl" + hashlib.sha1(kind.encode() + xml + (rels or b"")).hexdigest()[:16]
    parts[rel_id] = (kind, xml, rels)
    return rel_id


def blank(kind: str) -> bytes:
    """An empty header or footer, one point high: it hides another letter's and takes no room
    (an empty paragraph of the normal size pushed the page's lines down)."""
    tag = "hdr" if kind == "header" else "ftr"
    return (
        f'{XML_DECLARATION}<w:{tag} xmlns:w="{W}"><w:p><w:pPr>'
        '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        f'<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p></w:{tag}>'
    ).encode()


def template_kinds(template: CompiledTemplate | None) -> set[str]:
    """The kinds of part (header, footer) a template has, and « header:first » for a first
    page's own."""
    if template is None:
        return set()
    return {p.kind for p in template.parts.values()} | template.firsts


__all__ = ["Parts", "add_part", "blank", "own_headers_and_footers", "template_kinds"]
