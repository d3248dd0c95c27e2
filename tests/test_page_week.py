# ruff: noqa: E501, F811
"""The clerk's Monday on the page, in the real chromium: the decision sheet, « Ne pas
envoyer », the state after confirming, the mail server and its test message, a workbook open
in Excel, the messages a person can act on, choosing the workbook, quitting."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, write_ledger
from openpyxl import load_workbook
from test_email import Sink, _authenticator, serve  # noqa: F401  (fixture)
from test_page import CHROMEDRIVER, CHROMIUM, _previewed, _signed_in, _version, _wait, page  # noqa: F401
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.config import write_values

D = dt.date
AS_OF = D(2026, 11, 22)
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé", "Date règlement",
           "Adresse", "E-mail", "Langue", "Litige", "Procédure collective", "Niveau de relance", "Date de relance"]  # fmt: skip
ROWS = [
    # A mise en demeure goes today (relance 2 of 30/10 unpaid): registered, penalties and 2 × 40 €.
    ["G-1", "Garage Bernard", D(2026, 6, 2), D(2026, 7, 2), 4000.0, 0, None, ADDRESS, "compta@bernard.example", None, None, None, "Relance 2", D(2026, 10, 30)],
    ["G-2", "Garage Bernard", D(2026, 8, 1), D(2026, 9, 1), 2171.15, 0, None, ADDRESS, "compta@bernard.example", None, None, None, "Relance 2", D(2026, 10, 30)],
    # A first reminder, and one in English.
    ["A-1", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, None, ADDRESS, None, None, None, None, None, None],
    ["A-2", "Atelier Alpha", D(2026, 9, 3), D(2026, 10, 3), 300.0, 0, None, ADDRESS, None, None, None, None, None, None],
    ["H-1", "Harbour & Sons Ltd", D(2026, 9, 1), D(2026, 10, 1), 800.0, 0, None, ADDRESS, None, "en", None, None, None, None],
    # Not chased: a dispute, collective proceedings, a prescribed claim, a payment made late.
    ["C-1", "Café Gamma", D(2026, 9, 1), D(2026, 10, 1), 450.0, 0, None, ADDRESS, None, None, "oui", None, None, None],
    ["D-1", "Droguerie Delta", D(2026, 8, 1), D(2026, 9, 1), 650.0, 0, None, ADDRESS, None, None, None, D(2026, 11, 2), None, None],
    ["E-1", "Épicerie Epsilon", D(2020, 3, 1), D(2020, 4, 1), 120.0, 0, None, ADDRESS, None, None, None, None, None, None],
    ["F-1", "Fleuriste Phi", D(2026, 8, 1), D(2026, 9, 1), 1000.0, 1000.0, D(2026, 11, 1), ADDRESS, None, None, None, None, None, None],
    # A row the tool cannot use.
    ["X-1", "Xylo", "pas une date", D(2026, 10, 1), 90.0, 0, None, ADDRESS, None, None, None, None, None, None],
]  # fmt: skip
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="chromium is not installed"
)


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "Mes Documents" / "Compta"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    return write_ledger(folder / "Factures 2026.xlsx", ROWS, HEADERS)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=fr-FR",
    ):
        options.add_argument(flag)
    # The date fields in French (jj/mm/aaaa), as on the clerk's machine: chromium takes its
    # locale from the environment on Linux.
    service = Service(
        str(CHROMEDRIVER), env={**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    )
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def _by(name):
    from selenium.webdriver.common.by import By

    return getattr(By, name)


def _until(browser, element_id, seconds=60):
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, seconds).until(
        ready.any_of(
            ready.presence_of_element_located((_by("ID"), element_id)),
            ready.presence_of_element_located((_by("CSS_SELECTOR"), "#suivi #erreur, p#erreur")),
        )
    )
    errors = browser.find_elements(_by("CSS_SELECTOR"), "#erreur")
    assert not errors or browser.find_elements(_by("ID"), element_id), errors[0].text


def _open_preview(browser, page, ledger, day=AS_OF):
    browser.get(page.url)
    field = browser.find_element(_by("ID"), "classeur")
    field.clear()
    field.send_keys(str(ledger))
    browser.find_element(_by("ID"), "choisir").click()
    _until(browser, "voir-apercu")
    date = browser.find_element(_by("ID"), "date")
    browser.execute_script("arguments[0].value = arguments[1]", date, day.isoformat())
    browser.find_element(_by("ID"), "voir-apercu").click()
    _until(browser, "lettres")


def _letters(browser):
    rows = browser.find_elements(_by("CSS_SELECTOR"), "#lettres tbody tr[data-client]")
    return {r.get_attribute("data-client"): r for r in rows}


def shot(browser, tmp_path, name):
    """A screenshot of the step (1280 × 900), copied for the guide when RELANCE_SCREENSHOTS
    names its folder (docs/images)."""
    folder = tmp_path / "captures"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 1000
    if os.environ.get("RELANCE_SCREENSHOTS"):
        shutil.copy(path, Path(os.environ["RELANCE_SCREENSHOTS"]) / path.name)


def _text(browser, element_id):
    return (
        browser.find_element(_by("ID"), element_id).text.replace("\u202f", " ").replace("\xa0", " ")
    )


# -- the decision sheet -----------------------------------------------------------------------


@needs_chromium
def test_the_summary_says_what_goes_and_what_does_not(page, office, browser, tmp_path):
    _open_preview(browser, page, office)
    letters = _letters(browser)
    assert {c: r.get_attribute("data-kind") for c, r in letters.items()} == {
        "Garage Bernard": "mise_en_demeure",
        "Atelier Alpha": "relance_1",
        "Harbour & Sons Ltd": "relance_1",
    }
    assert letters["Harbour & Sons Ltd"].get_attribute("data-language") == "en"
    assert "en anglais" in letters["Harbour & Sons Ltd"].text
    assert "recommandé AR" in letters["Garage Bernard"].text
    # The figures, by hand: 3 letters, 1 registered; principal 4 000 + 2 171,15 + 1 200 + 300 + 800.
    assert _text(browser, "nb-lettres") == "3" and _text(browser, "nb-recommandes") == "1"
    assert _text(browser, "principal") == "8 471,15 €"
    assert _text(browser, "indemnites") == "80,00 €"  # the mise en demeure's two invoices
    summary = page.state.preview.summary
    interest = sum(i.interest for i in page.state.preview.invoices if i.invoice in ("G-1", "G-2"))
    assert summary.interest == pytest.approx(round(interest, 2)) and interest > 0
    assert _text(browser, "total") == relance_xlsx_money(8471.15 + 80 + summary.interest)
    assert "1 en anglais" in _text(browser, "resume")
    # One short reason per invoice, computed: not two status sentences run together.
    reasons = [e.text for e in browser.find_elements(_by("CSS_SELECTOR"), "#lettres .why")]
    assert "Relance 2 du 30/10/2026 restée sans règlement (143 jours de retard)" in reasons
    assert all(";" not in r for r in reasons)
    # What is not chased this week, and why, with the amounts.
    left = {b.get_attribute("data-why"): b.text.replace("\u202f", " ").replace("\xa0", " ")
            for b in browser.find_elements(_by("CSS_SELECTOR"), "#non-relancees tbody")}  # fmt: skip
    assert set(left) == {"dispute", "insolvency", "prescribed", "paid_late"}
    assert "Café Gamma" in left["dispute"] and "450,00 €" in left["dispute"]
    assert "Droguerie Delta" in left["insolvency"] and "02/01/2027" in left["insolvency"]
    assert "Épicerie Epsilon" in left["prescribed"]
    assert "Fleuriste Phi" in left["paid_late"]
    # The row to correct leads to that row, as Excel shows it.
    link = browser.find_element(_by("CSS_SELECTOR"), "#problemes a.ligne")
    assert link.text == "Feuille « Factures », ligne 11"
    shot(browser, tmp_path, "06-apercu-decision")
    link.click()
    assert browser.find_element(_by("TAG_NAME"), "h1").text == "Feuille « Factures », ligne 11"
    fault = browser.find_element(_by("ID"), "fautive")
    assert fault.text.startswith("C11 Date facture pas une date")
    shot(browser, tmp_path, "07-ligne-a-corriger")


def relance_xlsx_money(value):
    from relance_xlsx.wording import money

    return money(round(value, 2)).replace("\u202f", " ").replace("\xa0", " ")


# -- « Ne pas envoyer » ---------------------------------------------------------------------


@needs_chromium
def test_holding_back_a_client_and_an_invoice_is_kept_by_the_next_runs(
    page, office, browser, tmp_path
):
    _open_preview(browser, page, office)
    # Garage Bernard: « je l'ai eu au téléphone ». The default date is a week later.
    assert browser.find_element(_by("ID"), "jusqu_au").get_attribute("value") == "2026-11-29"
    _letters(browser)["Garage Bernard"].find_element(_by("CSS_SELECTOR"), ".sauf-lettre").click()
    browser.find_element(_by("ID"), "raison").send_keys("je l'ai eu au téléphone")
    shot(browser, tmp_path, "08-ne-pas-envoyer")
    browser.find_element(_by("ID"), "ne-pas-envoyer").click()
    _until(browser, "retenues")
    assert "Garage Bernard" not in _letters(browser)
    assert "Garage Bernard : pas de relance avant le 29/11/2026 (je l'ai eu au téléphone)" in _text(
        browser, "retenues"
    )
    held = browser.find_element(
        _by("CSS_SELECTOR"), "#non-relancees tbody[data-why='held_back']"
    ).text
    assert "Garage Bernard" in held and "6 171,15" in held.replace("\u202f", " ").replace(
        "\xa0", " "
    )
    # Then one invoice of Atelier Alpha, until 6 December: its letter keeps the other one.
    alpha = _letters(browser)["Atelier Alpha"]
    alpha.find_element(_by("CSS_SELECTOR"), "li[data-invoice='A-2'] .sauf-facture").click()
    date = browser.find_element(_by("ID"), "jusqu_au")
    browser.execute_script("arguments[0].value = '2026-12-06'", date)
    browser.find_element(_by("ID"), "raison").send_keys("avoir en cours")
    browser.find_element(_by("ID"), "ne-pas-envoyer").click()
    _until(browser, "retenues")
    assert [
        li.get_attribute("data-invoice")
        for li in _letters(browser)["Atelier Alpha"].find_elements(_by("CSS_SELECTOR"), "li")
    ] == ["A-1"]
    shot(browser, tmp_path, "09-retenues")
    # Confirm: the workbook and its journal hold the dates and the reasons.
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    book = load_workbook(office)
    ws = book["Factures"]
    header = [c.value for c in ws[1]]
    at, status = header.index("Ne pas relancer avant"), header.index("Statut relance")
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["G-1"][at] == rows["G-2"][at] == dt.datetime(2026, 11, 29)
    assert rows["A-2"][at] == dt.datetime(2026, 12, 6) and rows["A-1"][at] is None
    assert rows["A-2"][status] == "Pas de relance avant le 06/12/2026 : avoir en cours"
    journal = [r for r in book["Journal des relances"].iter_rows(min_row=2, values_only=True)]
    said = {(r[1], r[4]) for r in journal}
    assert ("G-1", "Ne pas envoyer jusqu'au 29/11/2026 : je l'ai eu au téléphone") in said
    assert ("A-2", "Ne pas envoyer jusqu'au 06/12/2026 : avoir en cours") in said
    # Next week's run (the library, as the CLI) respects both, and then chases again.
    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    later = relance_xlsx.run(office, settings, as_of=D(2026, 11, 26), dry_run=True)
    assert "Garage Bernard" not in {x.client for x in later.letters}
    (a2,) = [i for i in later.invoices if i.invoice == "A-2"]
    assert (
        a2.action == "hold" and a2.reason == "Pas de relance avant le 06/12/2026 : avoir en cours"
    )
    after = relance_xlsx.run(office, settings, as_of=D(2026, 11, 30), dry_run=True)
    assert "Garage Bernard" in {x.client for x in after.letters}


# -- the state after confirming --------------------------------------------------------------


@needs_chromium
def test_after_confirm_the_preview_says_what_was_done_and_a_second_confirm_does_nothing(
    page, office, browser, tmp_path
):
    _open_preview(browser, page, office)
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    journal_before = len(list(load_workbook(office)["Journal des relances"].iter_rows()))
    browser.get(page.url.split("/?")[0] + "/apercu")
    state = _text(browser, "etat")
    assert state.startswith("Traitement confirmé à ") and "3 lettre(s) écrite(s)" in state
    assert not browser.find_elements(_by("ID"), "confirmer")  # no second button
    shot(browser, tmp_path, "10-apres-confirmation")
    browser.find_element(_by("ID"), "vers-resultats").click()
    assert "Traitement du 22/11/2026 terminé" in browser.find_element(_by("TAG_NAME"), "h1").text
    # A second confirm anyway (an old tab): nothing runs again; the day's results are linked.
    client = httpx.Client(base_url=page.url.split("/?")[0], cookies={page.cookie: page.state.token})
    again = client.post("/traitement", data={"jeton": page.state.token, "confirme": "oui"})
    assert "déjà été fait" in again.text and 'href="/resultats"' in again.text
    assert len(list(load_workbook(office)["Journal des relances"].iter_rows())) == journal_before
    # The e-mails prepared are listed with their recipient and subject.
    drafted = client.get("/resultats").text
    assert "compta@bernard.example" not in drafted  # --email was not ticked: none prepared


def test_a_new_page_the_same_day_says_the_run_was_done(tmp_path, office):
    from relance_xlsx.web import running_page

    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    relance_xlsx.run(office, settings, as_of=AS_OF)
    with running_page(None, recent_file=tmp_path / "r.json") as fresh:
        client = _previewed(fresh, office, AS_OF)
        shown = client.get("/apercu").text
        assert "a déjà été fait" in shown and "relances/2026-11-22" in shown


# -- the mail server ------------------------------------------------------------------------


@needs_chromium
def test_the_mail_server_is_set_in_reglages_and_the_test_message_arrives(
    page, office, browser, tmp_path, serve, memory_keyring
):
    server = serve(Sink(), authenticator=_authenticator, auth_require_tls=False)
    browser.get(page.url)
    browser.find_element(_by("ID"), "classeur").send_keys(str(office))
    browser.find_element(_by("ID"), "choisir").click()
    _until(browser, "enregistrer")
    for name, value in {"smtp.host": "127.0.0.1", "smtp.port": str(server.port), "smtp.user": "compta",
                        "smtp.password": "s3cret"}.items():  # fmt: skip
        box = browser.find_element(_by("ID"), name)
        box.clear()
        box.send_keys(value)
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(_by("ID"), "smtp.security")).select_by_value("none")
    browser.find_element(_by("ID"), "enregistrer").click()
    assert "gardé dans le trousseau du système" in _text(browser, "enregistre")
    text = (office.parent / "relance.toml").read_text(encoding="utf-8")
    assert "s3cret" not in text and 'host = "127.0.0.1"' in text
    assert memory_keyring.secrets == {
        ("relance-xlsx", f"compta@127.0.0.1:{server.port}"): "s3cret",
        ("relance-xlsx-host", "compta"): f"127.0.0.1:{server.port}",
    }
    browser.find_element(_by("ID"), "tester-envoi").click()
    said = _text(browser, "essai-ok")
    assert said.startswith("Message d'essai envoyé à compta@atelier-exemple.invalid")
    ((_, recipients, data),) = server.sink.received
    assert (
        recipients == ["compta@atelier-exemple.invalid"] and b"Relances : message d'essai" in data
    )
    # Post-redirect-get: the page is /reglages again, and reloading it sends nothing more.
    assert browser.current_url.split("?")[0].endswith("/reglages")
    browser.refresh()
    assert len(server.sink.received) == 1 and not browser.find_elements(_by("ID"), "essai-ok")
    browser.execute_script("document.getElementById('section-smtp').scrollIntoView()")
    shot(browser, tmp_path, "11-reglages-email")


def test_without_a_keyring_the_password_goes_to_the_file_only_when_insisted(
    page, office, monkeypatch
):
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("RELANCE_SMTP_PASSWORD", raising=False)
    # The environment variable is read when keyring first chooses its backend: after another
    # test chose one (memory_keyring), this test sets the failing one itself.
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        _without_a_keyring(page, office)
    finally:
        keyring.set_keyring(previous)


def _without_a_keyring(page, office) -> None:
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    form = {
        "jeton": token,
        "smtp.host": "smtp.example",
        "smtp.port": "587",
        "smtp.user": "compta",
        "smtp.password": "s3cret",
    }
    refused = client.post("/reglages", data=form)
    assert "n'a pas de trousseau" in refused.text and "RELANCE_SMTP_PASSWORD" in refused.text
    assert "s3cret" not in (office.parent / "relance.toml").read_text(encoding="utf-8")
    kept = client.post("/reglages", data={**form, "smtp.password_in_file": "on"})
    assert "EN CLAIR" in kept.text
    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    assert settings.smtp.password_in_file and settings.smtp.password == "s3cret"
    assert "s3cret" not in repr(settings)


def test_send_without_a_mail_server_leads_to_its_settings(page, tmp_path):
    from test_email import _build

    ledger = _build(tmp_path / "bureau")
    client = _previewed(page, ledger, AS_OF)
    client.post("/traitement", data={"jeton": page.state.token, "confirme": "oui", "email": "on",
                                     "apercu": _version(client)})  # fmt: skip
    assert _wait(client)["error"] is None
    shown = client.get("/envoi")
    assert "[smtp]" not in shown.text and 'href="/reglages#smtp.host"' in shown.text
    listed = client.get("/resultats").text
    for draft in relance_xlsx.drafts_of(Path(page.state.last_run.out_dir)):
        assert draft.subject in listed and draft.to[0] in listed


def test_a_mail_server_out_of_reach_is_said_with_the_settings_names_on_the_page(page, tmp_path):
    # The clerk's review: « vérifiez [smtp] host », « réglages d'envoi ([smtp]) » on the page.
    from test_email import _build, _config

    ledger = _build(tmp_path / "bureau")
    _config(tmp_path / "bureau", {"host": "smtp.exemple.invalid", "port": 587, "security": "none"})
    client = _previewed(page, ledger, AS_OF)
    token = page.state.token
    page_text = client.post("/reglages/essai", data={"jeton": token}).text
    tried = re.search(r'id="essai-erreur">([^<]*)<', page_text).group(1).replace("&#39;", "'")
    assert "nom de serveur inconnu (vérifiez « Serveur d'envoi (SMTP) » dans les réglages" in tried
    client.post("/traitement", data={"jeton": token, "confirme": "oui", "email": "on",
                                     "apercu": _version(client)})  # fmt: skip
    assert _wait(client)["error"] is None
    client.post("/envoi", data={"jeton": token, "confirme": "oui"})
    said = _wait(client)["error"]
    assert said.startswith("Impossible de joindre le serveur d'envoi smtp.exemple.invalid:587")
    assert "« Serveur d'envoi (SMTP) » dans les réglages" in said
    for text in (tried, said):
        assert "[smtp]" not in text and "relance.toml" not in text
    shown = client.get("/suivi").text
    assert 'href="/resultats"' in shown and "Retour aux résultats" in shown
    # The command line names relance.toml's keys: its users edit that file.
    folder = Path(page.state.last_run.out_dir)
    cli = CliRunner().invoke(app, ["send", str(folder), "--yes"])
    assert cli.exit_code == 1 and "vérifiez [smtp] host" in cli.output


# -- a workbook open in Excel ---------------------------------------------------------------


@needs_chromium
def test_a_workbook_open_in_excel_is_caught_at_the_preview_and_retried(
    page, office, browser, tmp_path
):
    lock = office.parent / f"~${office.name}"
    lock.write_bytes(b"\x0bAnne Martin" + b" " * 40)
    _open_preview(browser, page, office)
    alert = _text(browser, "ouvert-excel")
    assert "est ouvert par Anne Martin dans Excel" in alert and f"« ~${office.name} »" in alert
    shot(browser, tmp_path, "12-ouvert-excel")
    lock.unlink()  # Anne closed it
    browser.find_element(_by("ID"), "reessayer").click()
    _until(browser, "lettres")
    assert not browser.find_elements(_by("ID"), "ouvert-excel")
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")


# -- messages a person can act on ------------------------------------------------------------


@needs_chromium
def test_missing_settings_are_named_once_each_with_a_link_to_the_field(page, tmp_path, browser):
    folder = tmp_path / "bureau"
    folder.mkdir()
    ledger = write_ledger(folder / "Factures.xlsx", ROWS, HEADERS)
    write_values(folder / "relance.toml", {"creditor": {"name": "Atelier Martin"}})
    _open_preview(browser, page, ledger)
    gaps = browser.find_elements(_by("CSS_SELECTOR"), "p.gap a.vers-reglage")
    labels = [g.text for g in gaps]
    assert "« BIC »" in labels and "« Adresse »" in labels and len(labels) == len(set(labels))
    page_text = browser.find_element(_by("TAG_NAME"), "main").text
    assert "creditor." not in page_text and "[creditor]" not in page_text
    [bic] = [g for g in gaps if g.text == "« BIC »"]
    bic.click()
    _until(browser, "enregistrer")
    assert browser.current_url.endswith("/reglages#creditor.bic")
    target = browser.execute_script("var t = document.querySelector(':target'); return t && t.id;")
    assert target == "creditor.bic"


def test_the_ecb_warning_is_said_once_with_what_to_do(page, office):
    client = _previewed(page, office, AS_OF)
    shown = client.get("/apercu").text
    assert shown.count("Taux BCE") <= 1
    if "Taux BCE" in shown:
        assert "À faire" in shown


def test_access_refused_says_what_to_do(page):
    response = httpx.get(f"{page.base}/")
    assert response.status_code == 403
    assert "raccourci « Relances »" in response.text and "relance ui" not in response.text


# -- choosing the workbook, the date, quitting ------------------------------------------------


@needs_chromium
def test_workbooks_are_found_in_the_user_s_folders_and_the_date_is_kept(tmp_path, browser):
    import json

    from relance_xlsx.web import running_page

    home = tmp_path / "maison"
    for folder in (
        "Documents/Compta/2026",
        "Bureau",
        "Téléchargements",
        "Documents/.cache",
        "Autre",
    ):
        (home / folder).mkdir(parents=True)
    mine = write_ledger(home / "Documents" / "Compta" / "2026" / "Factures.xlsx", ROWS, HEADERS)
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", mine.parent / "relance.toml")
    write_ledger(home / "Bureau" / "Export.xlsm", ROWS, HEADERS)
    (home / "Téléchargements" / "relevé.xlsx").write_bytes(b"PK")
    (home / "Documents" / ".cache" / "caché.xlsx").write_bytes(b"PK")
    (home / "Documents" / "Compta" / "~$Factures.xlsx").write_bytes(b"x")
    (home / "Autre" / "ailleurs.xlsx").write_bytes(b"PK")
    (home / "Documents" / "notes.txt").write_text("x")
    # A recent list left by another user in this profile is not shown.
    recents = tmp_path / "recents.json"
    recents.write_text(
        json.dumps({"user": "quelquun-dautre", "files": [str(mine)]}), encoding="utf-8"
    )
    with running_page(None, recent_file=recents) as running:
        running.state.home = home
        browser.get(running.url)
        found = [li.text for li in browser.find_elements(_by("CSS_SELECTOR"), "#trouves li")]
        names = {t.split(" dans ")[0] for t in found}
        assert names == {"Factures.xlsx", "Export.xlsm", "relevé.xlsx"}
        assert not browser.find_elements(_by("ID"), "recents-liste")
        shot(browser, tmp_path, "00-classeurs-trouves")
        browser.find_element(
            _by("XPATH"), "//ul[@id='trouves']//button[text()='Factures.xlsx']"
        ).click()
        _until(browser, "voir-apercu")
        assert (
            browser.find_element(_by("ID"), "date").get_attribute("value")
            == dt.date.today().isoformat()
        )
        date = browser.find_element(_by("ID"), "date")
        browser.execute_script("arguments[0].value = '2026-11-22'", date)
        browser.find_element(_by("ID"), "voir-apercu").click()
        _until(browser, "lettres")
        browser.find_element(_by("LINK_TEXT"), "2. Réglages").click()
        assert browser.find_element(_by("ID"), "date").get_attribute("value") == "2026-11-22"
        # This user's own recent list, kept in their own file, readable by them only.
        assert json.loads(recents.read_text(encoding="utf-8"))["files"] == [str(mine.resolve())]
        assert oct(os.stat(recents).st_mode & 0o777) == "0o600"
        browser.get(running.url)
        assert [
            li.text.split(" ")[0]
            for li in browser.find_elements(_by("CSS_SELECTOR"), "#recents-liste li")
        ] == ["Factures.xlsx"]


def test_open_folder_says_where_it_is_when_it_cannot(page, office, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # no xdg-open: the page says so
    client = _previewed(page, office, AS_OF)
    client.post("/traitement", data={"jeton": page.state.token, "confirme": "oui",
                                     "apercu": _version(client)})  # fmt: skip
    assert _wait(client)["error"] is None
    shown = client.post("/ouvrir", data={"jeton": page.state.token})
    assert "Impossible d'ouvrir le dossier d'ici" in shown.text
    assert page.state.last_run.out_dir in shown.text


@needs_chromium
def test_after_quitter_the_page_says_it_is_closed_and_has_no_live_link(page, browser, tmp_path):
    browser.get(page.url)
    # « Quitter » asks first: dismissed, the page goes on.
    browser.find_element(_by("ID"), "quitter").click()
    assert "la page s'arrête" in browser.switch_to.alert.text
    browser.switch_to.alert.dismiss()
    assert not page.state.closed and browser.find_elements(_by("ID"), "quitter")
    browser.find_element(_by("ID"), "quitter").click()
    browser.switch_to.alert.accept()
    assert "La page Relances est fermée" in _text(browser, "ferme")
    assert browser.find_elements(_by("TAG_NAME"), "a") == []
    assert browser.find_elements(_by("TAG_NAME"), "form") == []
    shot(browser, tmp_path, "13-ferme")
    page.thread.join(timeout=10)
    assert not page.thread.is_alive()
