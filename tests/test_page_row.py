"""The « Ligne N » page of the preview: whatever column its link names (a title, a column's
letter, none, one of no cell of that row), the row is shown, never an error page
(review-attackpage 3)."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest
from test_page import _previewed, blank_office, office, page  # noqa: F401  (fixtures)

ROWS = {
    # query -> (status, the cell marked at fault or None, the example of a reference, said)
    "title": ("n=5&colonne=Date facture", 200, "C5", "C5", None),
    "column-letter": ("n=5&colonne=C", 200, "C5", "C5", None),
    "cell-reference": ("n=5&colonne=C5", 200, "C5", "C5", None),
    "no-column": ("n=5&colonne=", 200, None, "A5", None),
    "no-column-at-all": ("n=5", 200, None, "A5", None),
    "unknown-title": ("n=5&colonne=Nope", 200, None, "A5", None),
    "a-title-of-no-cell": ("n=3&colonne=Z", 200, None, "A3", None),
    "past-the-end": ("n=500&colonne=Client", 200, "B500", "B500", None),
    "row-zero": ("n=0&colonne=Client", 404, None, None, "Cette ligne n'existe pas."),
    "negative-row": ("n=-4&colonne=Client", 404, None, None, "Cette ligne n'existe pas."),
    "no-number": ("n=deux&colonne=Client", 404, None, None, "Cette ligne n'existe pas."),
}


@pytest.mark.parametrize(("query", "status", "fault", "example", "said"), ROWS.values(), ids=ROWS)
def test_a_row_page_never_fails_on_its_column(page, office, query, status, fault, example, said):  # noqa: F811
    client = _previewed(page, office)
    shown = client.get(f"/ligne?{query}")
    text = html.unescape(shown.text)
    assert shown.status_code == status, text[:400]
    assert "Erreur inattendue" not in text
    if said:
        assert said in text
        return
    assert f"par exemple {example})" in text
    marked = re.findall(r'<tr class="fault" id="fautive"><td>(\w+)</td>', shown.text)
    assert marked == ([fault] if fault else [])


def _with_control_character(ledger: Path, row: int) -> None:
    """A control character (forbidden in XML) in a cell of a column without a title."""
    parts = {}
    with zipfile.ZipFile(ledger) as source:
        for info in source.infolist():
            parts[info.filename] = source.read(info.filename)
    cell = f'<c r="T{row}" t="inlineStr"><is><t>note\x01bip</t></is></c>'.encode()
    sheet = "xl/worksheets/sheet1.xml"
    pattern = rb'(<row r="%d"[^>]*>.*?)(</row>)' % row
    parts[sheet] = re.sub(pattern, lambda m: m[1] + cell + m[2], parts[sheet], count=1, flags=re.S)
    with zipfile.ZipFile(ledger, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_the_previews_own_link_to_a_column_without_a_title_opens_its_row(page, office):  # noqa: F811
    _with_control_character(office, 3)
    client = _previewed(page, office)
    preview = client.get("/apercu").text
    links = re.findall(r'href="(/ligne\?n=3&amp;colonne=[^"]*)"', preview)
    assert links, "the preview offers no link to row 3"
    for link in links:
        shown = client.get(html.unescape(link))
        text = html.unescape(shown.text)
        assert shown.status_code == 200 and "Erreur inattendue" not in text, text[:400]
        assert "ligne 3" in text
