# ruff: noqa: F811
"""Confirming what the clerk's tab shows, and nothing else: two tabs on one page, the
preview frozen once its day is run, the day's files when the page is opened again."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from openpyxl import load_workbook
from test_page import _previewed, _version, _wait, page  # noqa: F401  (fixture)
from test_page_week import (  # noqa: F401  (fixtures)
    AS_OF,
    _by,
    _letters,
    _open_preview,
    _text,
    _until,
    browser,
    needs_chromium,
    office,
    shot,
)

import relance_xlsx

CHANGED = "L'aperçu a changé dans un autre onglet : vérifiez-le avant de confirmer."
REDONE = "Le classeur a été modifié depuis l'aperçu : vérifiez ce nouvel aperçu avant de confirmer."


def _journal(ledger):
    book = load_workbook(ledger)
    if "Journal des relances" not in book.sheetnames:
        return []
    return list(book["Journal des relances"].iter_rows(min_row=2, values_only=True))


def _hold(browser, client, reason="je l'ai eu au téléphone"):
    _letters(browser)[client].find_element(_by("CSS_SELECTOR"), ".sauf-lettre").click()
    browser.find_element(_by("ID"), "raison").send_keys(reason)
    browser.find_element(_by("ID"), "ne-pas-envoyer").click()
    _until(browser, "retenues")


def _release(browser):
    browser.find_element(_by("CSS_SELECTOR"), "#retenues button").click()
    _until(browser, "lettres")


@needs_chromium
@pytest.mark.parametrize(
    ("first", "second", "bernard_after"),
    [
        # Tab A holds Garage Bernard (11 letters shown); tab B puts it back: A's confirm
        # would have written Bernard's mise en demeure.
        pytest.param("hold", "release", True, id="released-in-the-other-tab"),
        # Tab A shows every letter; tab B holds Bernard: A's confirm would send without it.
        pytest.param(None, "hold", False, id="held-in-the-other-tab"),
    ],
)
def test_a_tab_confirms_only_the_preview_it_shows(
    page, office, browser, tmp_path, first, second, bernard_after
):
    _open_preview(browser, page, office)
    if first == "hold":
        _hold(browser, "Garage Bernard")
    tab_a = browser.current_window_handle
    shown_in_a = set(_letters(browser))
    browser.switch_to.new_window("tab")
    browser.get(page.url.split("/?")[0] + "/apercu")
    _until(browser, "lettres")
    if second == "hold":
        _hold(browser, "Garage Bernard", "il paie vendredi")
    else:
        _release(browser)
    browser.switch_to.window(tab_a)
    assert set(_letters(browser)) == shown_in_a  # tab A still shows its old preview
    before = _journal(office)
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lettres")
    # Refused: nothing written, the current preview shown with why.
    assert _text(browser, "erreur") == CHANGED
    assert _journal(office) == before
    assert ("Garage Bernard" in _letters(browser)) is bernard_after
    shot(browser, tmp_path, f"14-apercu-change-{second}")
    # Confirmed now that the tab shows what the server holds: those letters are written.
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    written = {x.client for x in page.state.last_run.letters}
    assert ("Garage Bernard" in written) is bernard_after


def test_a_confirm_without_any_preview_writes_nothing(page, office):
    from test_page import _signed_in

    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    client.post("/traitement", data={"jeton": token, "confirme": "oui", "apercu": ""})
    assert page.state.job is None and _journal(office) == []


def test_a_confirm_without_the_preview_s_identity_writes_nothing(page, office):
    client = _previewed(page, office)
    before = _journal(office)
    token = page.state.token
    for version in ("", "0" * 24):
        sent = client.post(
            "/traitement", data={"jeton": token, "confirme": "oui", "apercu": version}
        )
        assert CHANGED.replace("'", "&#39;") in sent.text
    assert _journal(office) == before and page.state.last_run is None


@needs_chromium
def test_after_confirming_the_old_preview_holds_nothing(page, office, browser, tmp_path):
    _open_preview(browser, page, office)
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    browser.get(page.url.split("/?")[0] + "/apercu")
    _until(browser, "lettres")
    assert "Traitement confirmé à " in _text(browser, "etat")
    for gone in (".sauf-lettre", ".sauf-facture", "#ne-pas-envoyer", "#confirmer"):
        assert not browser.find_elements(_by("CSS_SELECTOR"), gone), gone
    shot(browser, tmp_path, "15-apercu-confirme")
    # An old tab's form posted anyway: refused in French, nothing held, nothing written.
    client = httpx.Client(base_url=page.url.split("/?")[0], cookies={page.cookie: page.state.token})
    before = _journal(office)
    for path, data in (
        ("/apercu/retenir", {"sauf": "Garage Bernard", "raison": "trop tard"}),
        ("/apercu/reprendre", {"cible": "Garage Bernard"}),
    ):
        refused = client.post(path, data={"jeton": page.state.token, **data})
        assert refused.status_code == 409, path
        assert "est déjà confirmé : ses lettres sont écrites" in refused.text
    assert page.state.holds == [] and _journal(office) == before


def test_a_page_opened_again_the_same_day_links_that_day_s_files(tmp_path, office):
    from relance_xlsx.web import running_page

    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    made = relance_xlsx.run(office, settings, as_of=AS_OF)
    with running_page(None, recent_file=tmp_path / "r.json") as fresh:
        client = _previewed(fresh, office, AS_OF)
        shown = client.get("/apercu").text
        assert f"a déjà été fait : {len(made.letters)} lettre(s)" in shown
        assert 'id="confirmer"' not in shown and 'class="sauf-lettre"' not in shown
        # The registered letters and their posting list too (review-clerk4 M3: left out).
        assert made.registered_bundle and made.posting_list
        for path in [x.path for x in made.letters] + [
            made.report, made.bundle, made.registered_bundle, made.posting_list
        ]:  # fmt: skip
            assert path and quote(str(path), safe="") in shown, path
        before = _journal(office)
        again = client.post(
            "/traitement", data={"jeton": fresh.state.token, "confirme": "oui", "apercu": "x"}
        )
        assert "déjà été fait" in again.text and _journal(office) == before
        _wait(client)
        assert client.get("/fichier?chemin=" + quote(str(made.report), safe="")).status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/", id="home"),
        pytest.param("GET", "/apercu", id="preview-redirect"),
        pytest.param("GET", "/reglages", id="settings-redirect"),
        pytest.param("GET", "/resultats", id="results-redirect"),
        pytest.param("GET", "/etat", id="progress-json"),
        pytest.param("GET", "/fichier?chemin=/etc/passwd", id="file-refused"),
        pytest.param("POST", "/apercu/retenir", id="post-without-token"),
        pytest.param("GET", "/nulle-part", id="not-found"),
    ],
)
def test_no_answer_of_the_page_is_cached(page, method, path):
    client = httpx.Client(base_url=page.url.split("/?")[0], cookies={page.cookie: page.state.token})
    answer = client.request(method, path)
    assert answer.headers.get("cache-control") == "no-store", answer.status_code


@needs_chromium
def test_back_after_confirming_shows_no_live_looking_preview(page, office, browser, tmp_path):
    _open_preview(browser, page, office)
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    browser.back()
    _until(browser, "etat")
    # Whatever page Back lands on is asked again: the preview says it was confirmed.
    assert not browser.find_elements(_by("ID"), "confirmer")
    assert "Rien n'a encore été écrit" not in browser.page_source
    shot(browser, tmp_path, "18-retour-apres-confirmation")


@needs_chromium
def test_a_hold_refused_keeps_what_was_typed_and_an_invoice_names_its_client(
    page, office, browser, tmp_path
):
    _open_preview(browser, page, office)
    alpha = _letters(browser)["Atelier Alpha"]
    alpha.find_element(_by("CSS_SELECTOR"), "li[data-invoice='A-2'] .sauf-facture").click()
    browser.find_element(_by("ID"), "raison").send_keys("avoir en cours")
    date = browser.find_element(_by("ID"), "jusqu_au")
    browser.execute_script("arguments[0].value = '2026-11-01'", date)  # before the run's day
    browser.find_element(_by("ID"), "ne-pas-envoyer").click()
    _until(browser, "lettres")
    assert "doit suivre celle du traitement (22/11/2026)" in _text(browser, "erreur")
    # Nothing lost: the tick, the reason and the date are as typed.
    box = _letters(browser)["Atelier Alpha"].find_element(
        _by("CSS_SELECTOR"), "li[data-invoice='A-2'] .sauf-facture"
    )
    assert box.is_selected()
    assert browser.find_element(_by("ID"), "raison").get_attribute("value") == "avoir en cours"
    assert browser.find_element(_by("ID"), "jusqu_au").get_attribute("value") == "2026-11-01"
    shot(browser, tmp_path, "19-retenue-refusee")
    browser.execute_script(
        "arguments[0].value = '2026-12-06'", browser.find_element(_by("ID"), "jusqu_au")
    )
    browser.find_element(_by("ID"), "ne-pas-envoyer").click()
    _until(browser, "retenues")
    assert _text(browser, "retenues").startswith(
        "Facture A-2 (Atelier Alpha) : pas de relance avant le 06/12/2026 (avoir en cours)"
    )


def test_the_missing_phones_are_said_with_the_results_not_on_the_preview(page, office):
    client = _previewed(page, office)
    preview = client.get("/apercu").text
    assert "sans numéro de téléphone" not in preview
    data = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    assert "sans numéro de téléphone" in client.get("/resultats").text


def test_lines_to_correct_are_apart_from_what_is_only_to_know(page, tmp_path):
    import shutil

    from conftest import ROOT, write_ledger
    from test_page_week import HEADERS, ROWS

    folder = tmp_path / "Compta"
    folder.mkdir()
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    nowhere = ["N-1", "Négoce Sans Adresse", *ROWS[2][2:7], None, *ROWS[2][8:]]
    ledger = write_ledger(folder / "Factures.xlsx", [*ROWS, nowhere], HEADERS)
    shown = _previewed(page, ledger).get("/apercu").text
    faults = shown[
        shown.index('id="problemes"') : shown.index("</table>", shown.index('id="problemes"'))
    ]
    notices = shown[
        shown.index('id="a-savoir"') : shown.index("</ul>", shown.index('id="a-savoir"'))
    ]
    assert "ligne 11" in faults and "Négoce Sans Adresse" not in faults
    assert "Négoce Sans Adresse : adresse du client manquante" in notices
    assert "a_completer/" not in shown and "« Lettres à compléter »" in notices


def test_a_workbook_changed_since_the_preview_is_previewed_again_not_run(page, office):
    client = _previewed(page, office)
    assert "Atelier Alpha" in {x.client for x in page.state.preview.letters}
    shown = _version(client)
    book = load_workbook(office)  # a colleague records Alpha's payments in Excel meanwhile
    book.active["F4"], book.active["F5"] = 1200.0, 300.0
    book.save(office)
    data = {"jeton": page.state.token, "confirme": "oui", "apercu": shown}
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    # Nothing run: the new preview, said to be new, without Alpha's letter.
    assert _journal(office) == [] and page.state.last_run is None
    again = client.get("/apercu").text
    assert REDONE.replace("'", "&#39;") in again
    assert "Atelier Alpha" not in {x.client for x in page.state.preview.letters}
    client.post("/traitement", data={**data, "apercu": _version(client)})
    assert _wait(client)["error"] is None
    assert {x.client for x in page.state.last_run.letters} == {
        "Garage Bernard",
        "Harbour & Sons Ltd",
    }
    assert REDONE.replace("'", "&#39;") not in client.get("/apercu").text  # said once, not after


@pytest.mark.parametrize(
    ("as_of", "letters", "said"),
    [
        pytest.param("2026-12-07", 1, "du 07/12/2026 est déjà fait : cette lettre partira au "
                     "prochain traitement (à partir de demain).", id="today-one"),
        pytest.param("2026-11-22", 3, "du 22/11/2026 est déjà fait : ces lettres partiront au "
                     "prochain traitement (à partir du 23/11/2026).", id="another-day"),
        pytest.param("2026-12-07", 0, "du 07/12/2026 est déjà fait : rien de plus ne partira "
                     "ce jour-là.", id="none"),
    ],
)  # fmt: skip
def test_a_preview_made_after_its_day_s_run_says_when_its_letters_go(as_of, letters, said):
    import datetime as dt

    from relance_xlsx.web.dayfiles import after_run

    assert after_run(as_of, letters, dt.date(2026, 12, 7)) == f"Le traitement {said}"


def test_a_letter_completed_after_the_day_s_run_is_said_to_go_with_the_next(page, tmp_path):
    import shutil

    from conftest import ROOT, write_ledger
    from test_page_week import HEADERS, ROWS

    folder = tmp_path / "Compta"
    folder.mkdir()
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    nowhere = ["N-1", "Négoce Sans Adresse", *ROWS[2][2:7], None, *ROWS[2][8:]]
    ledger = write_ledger(folder / "Factures.xlsx", [*ROWS, nowhere], HEADERS)
    client = _previewed(page, ledger)
    data = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    results = client.get("/resultats").text
    assert "(Négoce Sans Adresse)" in results and "elle partira au prochain traitement" in results
    assert "puis relancez" not in results
    # The page's words: the report's French name, the backup's folder.
    assert "délai moyen de paiement (DSO)" in results
    assert "dans le dossier caché <code>.relance-sauvegardes</code> à côté du classeur" in results
    book = load_workbook(ledger)  # the address added, the preview of the day asked again
    book.active.cell(len(ROWS) + 2, HEADERS.index("Adresse") + 1, "1 rue A\n75001 Paris")
    book.save(ledger)
    _previewed(page, ledger)
    shown = client.get("/apercu").text
    assert "Négoce Sans Adresse" in {x.client for x in page.state.preview.letters}
    assert "celui d&#39;avant la confirmation" not in shown and 'id="confirmer"' not in shown
    assert "cette lettre partira au prochain traitement (à partir du 23/11/2026)" in shown


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        pytest.param("les lettres vont dans a_completer/, ne sont ni imprimées",
                     "les lettres vont dans le dossier « à compléter », ne sont ni imprimées",
                     id="held-folder"),
        pytest.param("une exécution datée du 29/11/2026 ou après la reportera",
                     "un traitement daté du 29/11/2026 ou après la reportera", id="a-run-dated"),
        pytest.param("corrigez la date dans la liste : l'exécution suivante la reportera",
                     "corrigez la date dans la liste : le traitement suivant la reportera",
                     id="the-next-run"),
        # The law's « exécution de la prestation » is no run: left as it is.
        pytest.param("livraison ou exécution de la prestation le 01/10/2026",
                     "livraison ou exécution de la prestation le 01/10/2026", id="the-law-s-word"),
    ],
)  # fmt: skip
def test_a_run_s_warning_is_said_in_the_page_s_words(said, shown):
    from relance_xlsx.web.preview import page_text

    assert page_text(said) == shown
