# ruff: noqa: E501, F811
"""The preview's own sentences (review-clerk3 M6, M7, M8, M9), in the real chromium: a
workbook whose every invoice is paid says so in one sentence with what Confirmer still
writes; the litigation file is where Confirmer will write it, never the preview's temporary
folder, and the results name the files; Back during a run shows no « Confirmer » but a link to
follow it; at 200 % zoom on a 1024-pixel screen the letters' links stay within the window."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import ROOT, write_ledger
from test_page import page  # noqa: F401  (fixture)
from test_page_week import _by, _open_preview, _text, _until, browser, needs_chromium  # noqa: F401

from relance_xlsx.web.state import Job

D = dt.date
DAY = D(2026, 12, 6)
ADDRESS = "12 rue Oberkampf\n75011 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
OWED = [
    ["H-1", "Alpha Conseil", D(2026, 9, 1), D(2026, 10, 1), 1200.0, None, None, ADDRESS, None, None],
    ["H-4", "Delta Transports", D(2026, 8, 1), D(2026, 9, 15), 950.5, None, None, ADDRESS, "Relance 1", D(2026, 11, 1)],
    ["H-7", "Golf Électricité", D(2026, 6, 1), D(2026, 7, 1), 4100.0, None, None, ADDRESS, "Mise en demeure", D(2026, 11, 2)],
]  # fmt: skip


def _office(tmp_path, rows, name="Factures.xlsx"):
    folder = tmp_path / "Mes Documents" / "Compta"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    return write_ledger(folder / name, rows, HEADERS)


def _paid(rows):
    return [[*r[:5], r[4], D(2026, 11, 15), *r[7:8], None, None] for r in rows]


@needs_chromium
def test_every_invoice_paid_is_said_in_one_sentence(page, browser, tmp_path):
    ledger = _office(tmp_path, _paid(OWED))
    _open_preview(browser, page, ledger, DAY)
    said = _text(browser, "tout-regle")
    assert said.startswith("Toutes les factures sont réglées : aucune lettre à envoyer.")
    assert "3 ligne(s) du classeur seront mises à jour (statut « Réglée »)" in said


@needs_chromium
def test_the_litigation_file_is_where_confirmer_writes_it(page, browser, tmp_path):
    ledger = _office(tmp_path, OWED)
    _open_preview(browser, page, ledger, DAY)
    main = browser.find_element(_by("TAG_NAME"), "main").text
    assert "relance-apercu" not in main and str(page.state.preview_root) not in main
    assert "sera écrit à la confirmation, au dossier contentieux/dossier_Golf-Electricite/" in main
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "dossiers")
    items = browser.find_elements(_by("CSS_SELECTOR"), "#dossiers li")
    assert [i.text for i in items] == ["Golf Electricite : dossier.docx"]
    assert items[0].find_element(_by("TAG_NAME"), "a").text == "dossier.docx"


@needs_chromium
def test_back_during_a_run_shows_no_confirmer_but_the_way_to_follow_it(page, browser, tmp_path):
    ledger = _office(tmp_path, OWED)
    _open_preview(browser, page, ledger, DAY)
    assert browser.find_elements(_by("ID"), "confirmer")
    page.state.job = Job("traitement")  # a run under way, as after Confirmer then Back
    try:
        browser.refresh()
        _until(browser, "etat")
        assert not browser.find_elements(_by("ID"), "confirmer")
        assert "Rien n'a encore été écrit" not in browser.page_source
        assert "Un traitement est en cours" in _text(browser, "etat")
        follow = browser.find_element(_by("ID"), "vers-suivi")
        assert follow.get_attribute("href").endswith("/suivi")
    finally:
        page.state.job.finished = True


@needs_chromium
@pytest.mark.parametrize("width", [512, 640], ids=["200-percent-of-1024", "160-percent-of-1024"])
def test_the_letters_links_stay_in_a_narrow_window(page, browser, tmp_path, width):
    ledger = _office(tmp_path, OWED)
    _open_preview(browser, page, ledger, DAY)
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 2, "mobile": False},
    )
    browser.refresh()
    _until(browser, "lettres")
    inner = browser.execute_script("return window.innerWidth")
    assert inner == width
    assert browser.execute_script("return document.documentElement.scrollWidth") <= inner
    links = browser.find_elements(
        _by("CSS_SELECTOR"), "#lettres tbody tr[data-client] td:last-child a"
    )
    assert links
    for link in links:
        right = browser.execute_script("return arguments[0].getBoundingClientRect().right", link)
        assert right <= inner, link.text
