"""The results page names each file for what it is: « Les mêmes au format Word » only after
the PDF it repeats (without the PDF option, the Word bundle is the first line, so « les
mêmes » would refer to nothing: review-clerk3)."""

from __future__ import annotations

from test_page import (  # noqa: F401
    _previewed,
    _version,
    _wait,
    blank_office,
    office,
    page,
)


def test_the_word_bundle_is_named_for_itself_without_its_pdf(page, office):  # noqa: F811
    client = _previewed(page, office)
    data = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    shown = client.get("/resultats").text
    assert 'id="lot"' in shown and 'id="lot-pdf"' not in shown
    assert "Les mêmes au format Word" not in shown
    assert "Les lettres à poster en courrier simple, au format Word" in shown
    if 'id="recommandes-docx"' in shown:
        assert "Les lettres recommandées avec AR, à part, au format Word" in shown
