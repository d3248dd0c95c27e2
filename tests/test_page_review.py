# ruff: noqa: F811
"""The clerk's review of the page: the test message keeps what was typed, the messages of a
workbook the page cannot use, the bank step after a wrong file, the small sentences."""

from __future__ import annotations

from test_page import _signed_in, page  # noqa: F401
from test_page_week import _by, _text, _until, browser, needs_chromium, office  # noqa: F401


@needs_chromium
def test_tester_l_envoi_keeps_what_was_typed_and_says_to_save_first(page, office, browser):
    toml = office.parent / "relance.toml"
    before = toml.read_bytes()
    browser.get(page.url)
    browser.find_element(_by("ID"), "classeur").send_keys(str(office))
    browser.find_element(_by("ID"), "choisir").click()
    _until(browser, "tester-envoi")
    # Untouched: the test is tried with the settings saved (no server set: said so).
    browser.find_element(_by("ID"), "tester-envoi").click()
    said = _text(browser, "essai-erreur")
    assert "Enregistrez d'abord" not in said and "serveur d'envoi" in said
    typed = {"smtp.host": "smtp.nouveau.example", "creditor.name": "Atelier Neuf SARL"}
    for name, value in typed.items():
        box = browser.find_element(_by("ID"), name)
        box.clear()
        box.send_keys(value)
    browser.find_element(_by("ID"), "tester-envoi").click()
    said = _text(browser, "essai-erreur")
    assert said.startswith("Enregistrez d'abord vos modifications (")
    assert "Rien n'a été envoyé" in said
    for name, value in typed.items():
        assert browser.find_element(_by("ID"), name).get_attribute("value") == value
    assert toml.read_bytes() == before
