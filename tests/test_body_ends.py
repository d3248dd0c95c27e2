"""A letter's body written again after the bundle changed its ends writes what lxml writes
for the whole body: the section moved into the last paragraph, bookmarks added at both ends,
a paragraph appended; a body it cannot cut is written whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

from relance_xlsx.letters.bodytext import again, ending

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BODY = (
    f'<w:body xmlns:w="{W}" xmlns:r="{R}"><w:p><w:r><w:t>Madame,</w:t></w:r></w:p>'
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">F-1 : 10 € </w:t></w:r></w:p>'
    '</w:tc></w:tr></w:tbl><!-- a comment --><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
    "<w:r><w:t>Gérante</w:t></w:r></w:p>"
    '<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906"/>'
    "</w:sectPr></w:body>"
)


def _w(local: str) -> str:
    return f"{{{W}}}{local}"


def _section_in_last_paragraph(body: etree._Element) -> None:
    section = body[-1]
    body.remove(section)
    props = body[-1].find(_w("pPr"))
    props.append(section)


def _bookmarks(body: etree._Element) -> None:
    for at, name in ((0, "_RlL3S"), (len(body), "_RlL3E")):
        mark = etree.SubElement(body, _w("bookmarkStart"), {_w("id"): "9", _w("name"): name})
        body.insert(at, mark)


def _references(body: etree._Element) -> None:
    reference = body[-1][0]
    reference.set(f"{{{R}}}id", "rIdRl0123456789abcdef")
    etree.SubElement(body[-1], _w("type")).set(_w("val"), "nextPage")


def _appended(body: etree._Element) -> None:
    section = body[-1]
    body.remove(section)
    etree.SubElement(body, _w("p")).append(section)


@pytest.mark.parametrize(
    "change",
    [_section_in_last_paragraph, _bookmarks, _references, _appended],
    ids=["section-moved", "bookmarks", "references", "paragraph-added"],
)
def test_ends_written_again(change: Callable[[etree._Element], None]) -> None:
    body = etree.fromstring(_BODY)
    text = etree.tostring(body, encoding="unicode")
    cut = ending(body, text)
    assert cut is not None
    change(body)
    assert again(body, text, cut) == etree.tostring(body, encoding="unicode")


@pytest.mark.parametrize(
    "body",
    [
        _BODY.replace("<w:p><w:pPr>", '<w:p xmlns:x="urn:x"><w:pPr>'),  # its own namespace
        _BODY.replace("<w:p><w:r><w:t>Madame,", "  <w:p><w:r><w:t>Madame,"),  # body text
        f'<w:body xmlns:w="{W}"><w:sectPr/></w:body>',  # too short to cut
    ],
    ids=["own-namespace", "body-text", "short"],
)
def test_body_not_cut(body: str) -> None:
    element = etree.fromstring(body)
    assert ending(element, etree.tostring(element, encoding="unicode")) is None
