"""A letter's typography set in one pass, or piece by piece, writes what setting it the long
way writes: every invoice number replaced one after the other, the whole XML at once."""

from __future__ import annotations

import re
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from relance_xlsx.letters.pieces import polished_pair
from relance_xlsx.letters.spacing import bound
from relance_xlsx.letters.typeset import typeset_xml
from relance_xlsx.wording import bind_words, unbreakable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _one_by_one(xml: str, references: tuple[str, ...]) -> str:
    for reference in references:
        xml = xml.replace(reference, unbreakable(reference))
    return xml


@pytest.mark.parametrize(
    ("text", "references"),
    [
        ("A-1-B et 1-B", ("A-1", "1-B")),  # they overlap: one after the other decides
        ("F-12 puis F-1", ("F-12", "F-1")),  # one starts the other
        ("R 2-3 et 2-3", ("R 2-3", "2-3")),  # one holds the other
        ("F2026-001, F2026-002", ("F2026-001", "F2026-002")),  # the usual numbers
        ("X\u2011-1 et -1", ("X\u2011-1", "-1")),  # holds what a replacement writes
    ],
    ids=["overlap", "prefix", "inside", "usual", "no-break-hyphen"],
)
def test_numbers_as_replaced_one_by_one(text: str, references: tuple[str, ...]) -> None:
    got = typeset_xml(f"<w:t>{text}</w:t>", references, french=False)
    assert got == _one_by_one(f"<w:t>{text}</w:t>", references).replace("n° ", "n°\u00a0")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("AB-1 \u2011", min_size=1, max_size=4), min_size=1, max_size=4),
    st.text("AB-1 2\u2011xy", max_size=40),
)
def test_any_numbers_as_replaced_one_by_one(numbers: list[str], text: str) -> None:
    references = tuple(sorted(set(numbers), key=len, reverse=True))
    got = typeset_xml(text, references, french=False)
    assert got == typeset_xml(_one_by_one(text, references), (), french=False)


_BODY = (
    f'<w:body xmlns:w="{W}"><w:p><w:r><w:t xml:space="preserve">Objet </w:t></w:r><w:r>'
    "<w:t>: F2026-001 du 30 novembre 2026</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r>"
    "<w:t>« F2026-002 » 8 jours</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r>"
    '<w:t xml:space="preserve">n° 12 ; fin </w:t></w:r><w:r><w:t>!</w:t></w:r></w:p>'
    '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body>'
)


@pytest.mark.parametrize(
    "change",
    ["bookmark-first", "section-in-last", "attribute", "nothing"],
)
def test_a_pair_typeset_as_each_alone(change: str) -> None:
    body = etree.fromstring(_BODY)
    before = etree.tostring(body, encoding="unicode")
    paragraphs = body.findall(f"{{{W}}}p")
    if change == "bookmark-first":
        body.insert(0, etree.Element(f"{{{W}}}bookmarkStart"))
        paragraphs[-1].append(etree.Element(f"{{{W}}}bookmarkEnd"))
    elif change == "section-in-last":
        section = body[-1]
        body.remove(section)
        paragraphs[-1].insert(0, etree.Element(f"{{{W}}}pPr"))
        paragraphs[-1][0].append(section)
    elif change == "attribute":
        body[-1].set(f"{{{W}}}rsidR", "00AB")
    after = etree.tostring(body, encoding="unicode")
    polish = partial(typeset_xml, references=("F2026-001", "F2026-002"), french=True)
    assert polished_pair(before, after, polish) == (polish(before), polish(after))


_SIGN = re.compile("[ \u00a0](?=[:;!?»])")


def _spaces_in_a_row(xml: str, french: bool) -> str:
    """What the letters' typography did in passes: bind_words, then the French sign spaces."""
    xml = bind_words(xml)
    return _SIGN.sub("\u202f", xml) if french else xml


@pytest.mark.parametrize(
    "text",
    [
        "n° :",  # a number's space before a sign: narrow in French, no-break otherwise
        "n° novembre 2026",  # after « n° » and before a month
        "le 1er mai 2026 : 8 jours",  # day, month, year, a unit, a sign
        "12 % ; 3 € !",  # units before signs
        "N° facture « x » ?",
        "30\u00a0: x",  # a no-break space before a sign
        "<w:t>novembre </w:t><w:t>2026</w:t>",  # a year in the next run: not bound
    ],
    ids=["number-sign", "number-month", "dates", "units", "title", "nbsp", "runs"],
)
@pytest.mark.parametrize("french", [True, False], ids=["fr", "en"])
def test_spaces_in_one_pass(text: str, french: bool) -> None:
    assert bound(text, french) == _spaces_in_a_row(text, french)


_ATOMS = [" ", "\u00a0", "n°", "N°", "1er", "1", "2026", ":", "?", "»", "<w:t>", "novembre"]
_ATOMS += ["mai", "May", "jours", "mois", "ans", "%", "€", "EUR", "x", "°", "r"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), max_size=12), st.booleans())
def test_spaces_in_one_pass_any_text(atoms: list[str], french: bool) -> None:
    text = "".join(atoms)
    assert bound(text, french) == _spaces_in_a_row(text, french)
