# ruff: noqa: E501, F811
"""The clerk's review of the page: the test message keeps what was typed, the messages of a
workbook the page cannot use, the bank step after a wrong file, the small sentences."""

from __future__ import annotations

import datetime as dt
import html
import shutil

import pytest
from conftest import write_ledger
from openpyxl import Workbook
from test_page import _previewed, _signed_in, _version, _wait, page  # noqa: F401
from test_page_week import _by, _text, _until, browser, needs_chromium, office  # noqa: F401

import relance_xlsx
from relance_xlsx.errors import NoInvoiceTable


@needs_chromium
def test_tester_l_envoi_keeps_what_was_typed_and_says_to_save_first(page, office, browser):
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

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
    before_click = browser.find_element(_by("ID"), "essai-erreur")
    browser.find_element(_by("ID"), "tester-envoi").click()
    WebDriverWait(browser, 10).until(staleness_of(before_click))  # the page came back
    said = _text(browser, "essai-erreur")
    assert said.startswith("Enregistrez d'abord vos modifications (")
    assert "Rien n'a été envoyé" in said
    for name, value in typed.items():
        assert browser.find_element(_by("ID"), name).get_attribute("value") == value
    assert toml.read_bytes() == before


# -- a workbook the page cannot use ---------------------------------------------------------


def _no_amount(folder):
    rows = [
        ["F-1", "Atelier Alpha", dt.date(2026, 9, 1)],
        ["F-2", "Garage Bernard", dt.date(2026, 9, 2)],
    ]
    return write_ledger(
        folder / "sans montant.xlsx", rows, ["N° facture", "Client", "Date facture"]
    )


def _empty(folder):
    path = folder / "vide.xlsx"
    Workbook().save(path)
    return path


@pytest.mark.parametrize(
    ("build", "said"),
    [
        pytest.param(
            _no_amount,
            "Aucun tableau de factures reconnu dans sans montant.xlsx : il manque la colonne du "
            "montant (par exemple « Montant TTC »). Ouvrez-le dans Excel et ajoutez-la",
            id="no-amount",
        ),
        pytest.param(
            _empty,
            "Aucun tableau de factures reconnu dans vide.xlsx : aucune ligne de titres de "
            "colonnes n'y a été trouvée. Ouvrez-le dans Excel",
            id="empty",
        ),
    ],
)
def test_a_workbook_without_invoice_table_is_said_in_excel_s_words(page, tmp_path, build, said):
    path = build(tmp_path)
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(path)})
    client.post("/apercu", data={"jeton": token, "date": "2026-11-22"})
    error = _wait(client)["error"]
    assert error.startswith(said), error
    for word in ("relance.toml", "[columns]", "relance check", "--"):
        assert word not in error
    # Never offered again among the recent workbooks.
    assert page.state.recent() == [] and "recents-liste" not in client.get("/").text
    # The command line keeps its own message, with the lines for relance.toml.
    with pytest.raises(NoInvoiceTable) as caught:
        relance_xlsx.run(path, as_of=dt.date(2026, 11, 22), dry_run=True)
    assert "relance.toml" in str(caught.value)


def test_a_workbook_read_by_a_preview_joins_the_recent_ones(page, office):
    client = _previewed(page, office)
    assert 'id="recents-liste"' in client.get("/").text and office.name in client.get("/").text


def test_a_damaged_workbook_is_never_offered_among_the_recent_ones(page, tmp_path):
    # The clerk's review: a .docx renamed .xlsx joined « Vos classeurs récents ».
    path = tmp_path / "deguise.xlsx"
    shutil.copy(relance_xlsx.__path__[0] + "/data/document_vierge.docx", path)
    client = _signed_in(page)
    client.post("/classeur", data={"jeton": page.state.token, "classeur": str(path)})
    client.post("/apercu", data={"jeton": page.state.token, "date": "2026-11-22"})
    assert _wait(client)["error"]
    assert page.state.recent() == [] and "recents-liste" not in client.get("/").text


@pytest.mark.parametrize(
    ("name", "said"),
    [
        pytest.param("dossier", "est un dossier, pas un classeur", id="folder"),
        *(
            pytest.param(
                f"factures.{ext}",
                "ouvrez-le dans Excel ou LibreOffice puis « Enregistrer sous… » au format .xlsx",
                id=ext,
            )
            for ext in ("csv", "xls", "ods")
        ),
    ],
)
def test_a_path_that_is_no_workbook_says_what_to_do(page, tmp_path, name, said):
    path = tmp_path / name
    if name == "dossier":
        path.mkdir()
    else:
        path.write_text("N° facture;Client\n", encoding="utf-8")
    client = _signed_in(page)
    shown = client.post("/classeur", data={"jeton": page.state.token, "classeur": str(path)})
    assert said in html.unescape(shown.text) and "introuvable" not in shown.text


# -- the registered-mail lists of another workbook ------------------------------------------


def test_another_workbook_s_lists_and_the_preview_folder_are_not_warned_about(page, office):
    other = office.parent / "Autre société.xlsx"
    shutil.copy(office, other)
    _previewed(page, office)  # the page's own temporary folder holds its list
    assert list(page.state.preview_root.rglob("liste_recommandes*.xlsx"))
    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    relance_xlsx.run(office, settings, as_of=dt.date(2026, 11, 22))  # relances/…/liste
    shown = html.unescape(_previewed(page, other).get("/apercu").text)
    assert "en recommandé" in shown  # the week has registered letters: lists were written
    assert "d'un autre classeur" not in shown


# -- the bank step after a wrong file -------------------------------------------------------


def test_a_failed_matching_clears_the_last_proposals_and_their_apply_button(page, office, tmp_path):
    from statements import Op, ofx_sgml

    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    ops = [Op(dt.date(2026, 11, 18), 4000.0, "VIR SEPA GARAGE BERNARD", "FACT G-1", "B1")]
    statement = ofx_sgml(tmp_path / "releve.ofx", ops)
    shown = client.post(
        "/releve", data={"jeton": token, "chemins": str(statement), "date": "2026-11-22"}
    )
    assert 'id="propositions"' in shown.text and 'id="appliquer"' in shown.text
    wrong = client.post(
        "/releve", data={"jeton": token, "chemins": str(tmp_path), "date": "2026-11-22"}
    )
    assert 'id="erreur"' in wrong.text
    assert 'id="propositions"' not in wrong.text and 'id="appliquer"' not in wrong.text
    before = office.read_bytes()
    client.post("/releve/appliquer", data={"jeton": token, "confirme": "oui"})
    assert office.read_bytes() == before


# -- the small sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "said"),
    [
        pytest.param(["adresse du client"], "il manque l'adresse du client", id="no-address"),
        pytest.param(
            ["adresse du client incomplète : la rue"], "adresse du client incomplète : la rue",
            id="incomplete-address",
        ),
        pytest.param(
            ["dans vos réglages : SIRET", "adresse du client incomplète : la rue",
             "refusée au contrôle : montant nul"],
            "il manque dans vos réglages : SIRET ; adresse du client incomplète : la rue ; "
            "refusée au contrôle : montant nul",
            id="settings-address-refusal",
        ),
        pytest.param([], "", id="nothing"),
    ],
)  # fmt: skip
def test_what_a_letter_lacks_reads_as_french(missing, said):
    from relance_xlsx.pipeline import missing_phrase

    assert missing_phrase(missing) == said


ADDRESSED = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Montant réglé",
    "Adresse",
]


def test_letters_to_complete_and_prescribed_invoices_are_explained(page, tmp_path):
    rows = [
        ["H-1", "Hennepin", dt.date(2019, 3, 1), dt.date(2019, 4, 1), 100.0, 0, "1 rue A\n75001 Paris"],
        ["H-2", "Hennepin", dt.date(2020, 3, 1), dt.date(2020, 4, 1), 200.0, 0, "1 rue A\n75001 Paris"],
        ["S-1", "Sans Adresse", dt.date(2026, 9, 1), dt.date(2026, 10, 1), 500.0, 0, None],
        ["V-1", "Ville Seule", dt.date(2026, 9, 1), dt.date(2026, 10, 1), 700.0, 0, "Paris"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "factures.xlsx", rows, ADDRESSED)
    shown = html.unescape(_previewed(page, ledger).get("/apercu").text)
    assert "il manque adresse" not in shown
    assert "Sans Adresse (Relance 1) : il manque l'adresse du client</li>" in shown
    assert "Ville Seule (Relance 1) : adresse du client incomplète : " in shown
    prescribed = shown.split('data-why="prescribed"')[1].split("</tbody>")[0]
    assert "<td></td>" not in prescribed
    assert "H-1 : Prescrite depuis le 02/03/2024" in prescribed and "H-2 : Prescrite" in prescribed


@pytest.mark.parametrize("how", ["quitter", "stopped"])
def test_the_preview_s_letters_are_removed_when_the_page_stops(tmp_path, office, how):
    from relance_xlsx.web import running_page

    with running_page(None, recent_file=tmp_path / "r.json") as running:
        client = _previewed(running, office)
        folder = running.state.preview_root
        assert list(folder.rglob("*.docx"))
        if how == "quitter":
            client.post("/quitter", data={"jeton": running.state.token})
            running.thread.join(timeout=10)
            assert not running.thread.is_alive() and not folder.exists()
    assert not folder.exists()


def test_a_workbook_open_at_confirm_says_retry_and_links_back_to_the_preview(page, office):
    client = _previewed(page, office)
    (office.parent / f"~${office.name}").write_bytes(b"\x05Anne ")
    form = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=form)
    error = _wait(client)["error"]
    assert "fermez-le puis réessayez" in error and "relancez" not in error
    assert (  # Excel may have crashed: its owner file is then nobody's
        "si personne ne l'a ouvert (Excel fermé brutalement), supprimez le fichier caché "
        f"~${office.name} à côté du classeur." in error
    )
    shown = client.get("/suivi").text
    assert 'href="/apercu" id="vers-apercu"' in shown
    (office.parent / f"~${office.name}").unlink()
    assert 'id="confirmer"' in client.get("/apercu").text  # back to confirm again
