"""The Word package's plumbing: the relationships and content types a rendered letter adds."""

from __future__ import annotations

from lxml import etree

from ..ooxml import SAFE_PARSER

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
IMAGE_REL = f"{R}/image"


def with_images(rels_xml: bytes, media: dict[str, tuple[str, bytes]]) -> bytes:
    """The document's relationships with one image relationship per added picture."""
    rels = etree.fromstring(rels_xml, SAFE_PARSER)
    known = {r.get("Id") for r in rels}
    for rel_id, (name, _) in media.items():
        if rel_id not in known:
            rel = etree.SubElement(rels, f"{{{PACKAGE_RELS}}}Relationship")
            rel.set("Id", rel_id)
            rel.set("Type", IMAGE_REL)
            rel.set("Target", name.removeprefix("word/"))
    return etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_png(types_xml: bytes) -> bytes:
    """The content types with PNG declared (a template without any picture lacks it)."""
    types = etree.fromstring(types_xml, SAFE_PARSER)
    if not any(t.get("Extension", "").lower() == "png" for t in types):
        item = etree.Element(f"{{{CONTENT_TYPES_NS}}}Default")
        item.set("Extension", "png")
        item.set("ContentType", "image/png")
        types.insert(0, item)
    return etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["CONTENT_TYPES_NS", "IMAGE_REL", "PACKAGE_RELS", "with_images", "with_png"]
