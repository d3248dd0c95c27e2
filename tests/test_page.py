# ruff: noqa: E501
"""The local page (relance ui): driven in the real chromium, and its locks tried by hand."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import socket
import time
from pathlib import Path

import httpx
import pytest
from conftest import AS_OF as EMAIL_DAY
from conftest import ROOT, needs_libreoffice, write_ledger
from openpyxl import load_workbook
from test_email import serve  # noqa: F401  (fixture)

from relance_xlsx.config import write_values
from relance_xlsx.web import make_shortcut, running_page

D = dt.date
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse", "E-mail", "Niveau de relance", "Date de relance"]  # fmt: skip
AS_OF = D(2026, 11, 22)
ROWS = [
    # A first reminder (late since 1 October), with an e-mail address.
    ["F-1", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, ADDRESS, "compta@alpha.example", None, None],
    # A second reminder is due: the relance 1 was sent on 1 November.
    ["F-2", "Boulangerie <b>Bêta</b>", D(2026, 8, 1), D(2026, 9, 1), 300.0, 0, ADDRESS, None, "Relance 1", D(2026, 11, 1)],
    # Not yet due: no letter.
    ["F-3", "Café Gamma", D(2026, 11, 1), D(2026, 12, 1), 80.0, 0, ADDRESS, None, None, None],
    # A row the tool cannot use: named in the preview, the rest goes on.
    ["F-4", "Droguerie Delta", "pas une date", D(2026, 10, 1), 90.0, 0, ADDRESS, None, None, None],
]  # fmt: skip
CREDITOR = {
    "creditor.name": "Atelier Martin SARL",
    "creditor.address": "12 rue des Tanneurs\n69002 Lyon",
    "creditor.city": "Lyon",
    "creditor.siret": "732 829 320 00074",
    "creditor.legal_form": "SARL",
    "creditor.share_capital": "10 000 €",
    "creditor.rcs_city": "Lyon",
    "creditor.signatory": "Camille Martin",
    "creditor.phone": "04 72 00 00 00",
    "creditor.email": "compta@atelier-martin.example",
    "creditor.iban": "FR76 3000 6000 0112 3456 7890 189",
    "creditor.bic": "AGRIFRPP",
}


@pytest.fixture
def blank_office(tmp_path):
    """A folder with spaces and accents, a generated workbook, the bundled relance.toml."""
    folder = tmp_path / "Mes Données" / "Relances"
    folder.mkdir(parents=True)
    ledger = write_ledger(folder / "Factures 2026.xlsx", ROWS, HEADERS)
    shutil.copy(ROOT / "relance_xlsx" / "data" / "relance.toml", folder / "relance.toml")
    return ledger


@pytest.fixture
def office(blank_office):
    """The same, with the creditor filled in."""
    values = {"creditor": {k.split(".")[1]: v for k, v in CREDITOR.items()}}
    write_values(blank_office.parent / "relance.toml", values)
    return blank_office


@pytest.fixture
def page(tmp_path):
    with running_page(None, recent_file=tmp_path / "recents.json") as running:
        yield running


def _client(page, **kw) -> httpx.Client:
    return httpx.Client(base_url=page.base, **kw)


def _signed_in(page) -> httpx.Client:
    client = _client(page, follow_redirects=True)
    assert client.get(f"/?jeton={page.state.token}").status_code == 200
    return client


def _previewed(page, ledger: Path, day: dt.date = AS_OF) -> httpx.Client:
    """A client signed in, on this workbook, whose preview of the week is ready."""
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(ledger)})
    client.post("/apercu", data={"jeton": token, "date": day.isoformat()})
    assert _wait(client)["error"] is None
    return client


def _version(client: httpx.Client) -> str:
    """The identity of the preview the page shows, which its confirm form carries."""
    found = re.search(r'name="apercu" value="([0-9a-f]+)"', client.get("/apercu").text)
    assert found, "the preview has no confirm form"
    return found.group(1)


def _wait(client: httpx.Client) -> dict:
    for _ in range(300):
        state = client.get("/etat").json()
        if state["finished"]:
            return state
        time.sleep(0.1)
    raise AssertionError("the job never finished")


# -- the locks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "method"),
    [
        pytest.param("/", "GET", id="home"),
        pytest.param("/apercu", "GET", id="preview"),
        pytest.param("/etat", "GET", id="progress"),
        pytest.param("/fichier?chemin=/etc/passwd", "GET", id="file"),
        pytest.param("/static/page.js", "GET", id="static"),
        pytest.param("/quitter", "POST", id="quit"),
    ],
)
def test_a_request_without_the_token_gets_403(page, path, method):
    response = _client(page).request(method, path)
    assert response.status_code == 403
    assert not page.state.quit.is_set()


def test_a_wrong_token_gets_403(page):
    assert _client(page).get("/?jeton=" + "x" * len(page.state.token)).status_code == 403


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "[::1]:{port}"]
)
def test_a_foreign_host_header_gets_403_even_with_the_token(page, host):
    """DNS rebinding: a page of another site resolving its name to 127.0.0.1."""
    headers = {"Host": host.format(port=page.port)}
    response = _client(page).get(f"/?jeton={page.state.token}", headers=headers)
    assert response.status_code == 403


def test_the_server_listens_on_loopback_only(page):
    (sock,) = [s for server in page.server.servers for s in server.sockets]
    assert sock.getsockname()[0] == page.host and page.host.startswith("127.")
    # Any other address of this machine is refused.
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: it only picks the outgoing address
        other = probe.getsockname()[0]
    finally:
        probe.close()
    if other.startswith("127.") or other == "0.0.0.0":
        pytest.skip("this machine has no other address than loopback")
    with pytest.raises(OSError):
        socket.create_connection((other, page.port), timeout=2).close()


def test_a_post_without_the_form_token_or_from_another_site_gets_403(page, office):
    client = _signed_in(page)  # the cookie alone is not enough for a post
    assert client.post("/classeur", data={"classeur": str(office)}).status_code == 403
    response = client.post(
        "/classeur",
        data={"jeton": page.state.token, "classeur": str(office)},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403
    assert page.state.ledger is None


def test_only_the_files_of_an_output_folder_can_be_downloaded(page, office):
    client = _previewed(page, office)
    letter = Path(page.state.preview.letters[0].path)
    assert client.get("/fichier", params={"chemin": str(letter)}).status_code == 200
    outside = [
        "/etc/passwd",
        str(office),  # the workbook itself
        str(office.parent / "relance.toml"),
        str(letter.parent / ".." / ".." / "relance.toml"),
        str(letter.parent / "nothing.docx"),
    ]
    for path in outside:
        response = client.get("/fichier", params={"chemin": path})
        assert response.status_code == 403, path
        assert b"root:" not in response.content


def test_one_run_at_a_time(page, office):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    started = page.state.start("traitement", lambda progress: time.sleep(1.0))
    assert started
    response = client.post("/apercu", data={"jeton": token, "date": AS_OF.isoformat()})
    assert response.status_code == 409 and "déjà en cours" in response.text
    _wait(client)


def test_the_page_stops_on_quitter(tmp_path):
    with running_page(None, recent_file=tmp_path / "r.json") as running:
        client = _signed_in(running)
        response = client.post("/quitter", data={"jeton": running.state.token})
        assert "arrêté" in response.text
        running.thread.join(timeout=10)
        assert not running.thread.is_alive()


def test_the_page_stops_when_it_has_been_closed_for_a_while(tmp_path):
    with running_page(None, recent_file=tmp_path / "r.json", idle_seconds=1.0) as running:
        client = _signed_in(running)
        client.post("/battement", headers={"X-Relance-Jeton": running.state.token})
        assert running.state.seen_once
        running.thread.join(timeout=10)  # no more heartbeats: it stops by itself
        assert not running.thread.is_alive()


# -- the settings form ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        pytest.param("creditor.siret", "732 829 320 00075", "clé de contrôle", id="siret-key"),
        pytest.param("creditor.siret", "1234", "14 chiffres", id="siret-length"),
        pytest.param("creditor.iban", "FR76 3000 6000 0112 3456 7890 188", "clé fausse", id="iban"),
        pytest.param("creditor.name", "", "à remplir", id="name-missing"),
        pytest.param("letters.payment_days", "0", "entre 1 et 90", id="days"),
        pytest.param("creditor.email", "compta.example", "invalide", id="email"),
        # The creditor's legal identity (R123-237): the VAT key is FR44 for SIREN 732 829 320.
        pytest.param("creditor.vat_number", "FR45 732 829 320", "clé fausse", id="vat-key"),
        pytest.param(
            "creditor.vat_number", "FR12 000 000 000", "SIREN du SIRET", id="vat-not-the-siret-s"
        ),
        pytest.param("creditor.share_capital", "dix mille", "montant en euros", id="capital"),
        pytest.param("creditor.rcs_city", "Lyon 732 829 320", "ville du greffe", id="rcs-town"),
    ],
)
def test_a_wrong_field_is_named_and_nothing_is_written(page, office, field, value, said):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    before = (office.parent / "relance.toml").read_bytes()
    response = client.post("/reglages", data={"jeton": token, **CREDITOR, field: value})
    assert said in response.text
    assert (office.parent / "relance.toml").read_bytes() == before


def test_the_form_writes_relance_toml_and_keeps_its_comments(page, office):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    form = {**CREDITOR, "letters.payment_days": "10"}
    response = client.post("/reglages", data={"jeton": token, **form})
    assert "Réglages enregistrés" in response.text
    text = (office.parent / "relance.toml").read_text(encoding="utf-8")
    assert "# Votre identité" in text  # the bundled file's comments are still there
    import relance_xlsx

    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    assert settings.creditor.address == "12 rue des Tanneurs\n69002 Lyon"
    assert settings.letters.payment_days == 10


def test_the_form_writes_the_creditor_s_legal_identity(page, office):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    shown = client.get("/reglages").text
    for label in ("Forme juridique", "Capital social", "Ville du RCS", "N° de TVA intracommunautaire",
                  "Siège social, s&#39;il diffère de l&#39;adresse", "Représentant légal",
                  "Qualité du représentant", "Entrepreneur individuel (mention « EI »)"):  # fmt: skip
        assert label in shown
    identity = {"creditor.legal_form": "SARL", "creditor.share_capital": "10 000 €",
                "creditor.rcs_city": "Lyon", "creditor.vat_number": "FR44 732 829 320",
                "creditor.representative": "Camille Martin", "creditor.representative_title": "gérante",
                "creditor.head_office": "8 quai Saint-Vincent\n69001 Lyon"}  # fmt: skip
    response = client.post("/reglages", data={"jeton": token, **CREDITOR, **identity})
    assert "Réglages enregistrés" in response.text
    import relance_xlsx

    creditor = relance_xlsx.load_settings(office.parent / "relance.toml").creditor
    assert (creditor.legal_form, creditor.vat_number, creditor.rcs_city) == (
        "SARL",
        "FR44 732 829 320",
        "Lyon",
    )
    assert (
        creditor.registered_office == "8 quai Saint-Vincent\n69001 Lyon"
        and not creditor.sole_trader
    )
    # A sole trader has no share capital.
    response = client.post(
        "/reglages", data={"jeton": token, **CREDITOR, **identity, "creditor.sole_trader": "on"}
    )
    assert "un entrepreneur individuel n&#39;a pas de capital" in response.text


def test_a_desktop_shortcut_opens_the_page(tmp_path):
    made = make_shortcut(tmp_path)
    text = made.read_text(encoding="utf-8")
    assert "relance-ui" in text or "relance_xlsx.web" in text
    if made.suffix == ".desktop":
        assert "Exec=" in text and "%f" in text  # a workbook dropped on it is opened
    assert os.access(made, os.X_OK) or made.suffix == ".cmd"


def test_relance_ui_is_a_gui_script():
    """No console window on Windows: relance-ui is declared under gui-scripts."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["gui-scripts"]["relance-ui"] == "relance_xlsx.web:main"


# -- the whole week in the real browser -------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromium-driver are not installed"
)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    options.add_argument("--lang=fr-FR")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


class Shots:
    """A screenshot of each step, kept under the test's folder (and for the guide on demand)."""

    def __init__(self, driver, folder: Path) -> None:
        self.driver, self.folder, self.count = driver, folder, 0
        folder.mkdir(parents=True, exist_ok=True)
        # RELANCE_SCREENSHOTS=docs/images: the guide's pictures, made by this very test.
        self.guide = (
            Path(os.environ["RELANCE_SCREENSHOTS"])
            if os.environ.get("RELANCE_SCREENSHOTS")
            else None
        )

    def take(self, name: str) -> None:
        self.count += 1
        path = self.folder / f"{self.count:02}-{name}.png"
        self.driver.save_screenshot(str(path))
        assert path.stat().st_size > 1000
        if self.guide:
            self.guide.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, self.guide / f"{self.count:02}-{name}.png")


def _levels(ledger: Path) -> dict[str, object]:
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    at = header.index("Niveau de relance")
    return {r[0]: r[at] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


@needs_chromium
def test_the_week_in_the_browser_from_the_workbook_to_the_bundle(
    page, blank_office, browser, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    shots = Shots(browser, tmp_path / "captures")
    wait = WebDriverWait(browser, 60)
    browser.get(page.url)
    assert "Quel classeur" in browser.page_source
    shots.take("classeur")

    # 1. The workbook: a path with spaces and accents, typed in the field.
    field = browser.find_element(By.ID, "classeur")
    field.clear()
    field.send_keys(str(blank_office))
    browser.find_element(By.ID, "choisir").click()

    # 2. The creditor: a wrong SIRET is named, then corrected.
    wait.until(ready.presence_of_element_located((By.ID, "enregistrer")))
    for name, value in {**CREDITOR, "creditor.siret": "732 829 320 00075"}.items():
        box = browser.find_element(By.ID, name)
        box.clear()
        box.send_keys(value)
    browser.find_element(By.ID, "enregistrer").click()
    assert "clé de contrôle" in browser.find_element(By.CSS_SELECTOR, ".field.wrong").text
    # The field at fault has the focus: the fix is typed at once.
    assert browser.switch_to.active_element.get_attribute("id") == "creditor.siret"
    shots.take("reglages-erreur")
    box = browser.find_element(By.ID, "creditor.siret")
    box.clear()
    box.send_keys(CREDITOR["creditor.siret"])
    browser.find_element(By.ID, "enregistrer").click()
    assert browser.find_element(By.ID, "enregistre").text == "Réglages enregistrés."
    shots.take("reglages")

    # 3. The preview of the week: the right clients and letters, nothing written yet.
    before = blank_office.read_bytes()
    date = browser.find_element(By.ID, "date")
    browser.execute_script("arguments[0].value = arguments[1]", date, AS_OF.isoformat())
    browser.find_element(By.ID, "voir-apercu").click()
    wait.until(ready.presence_of_element_located((By.ID, "lettres")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#lettres tbody tr[data-client]")
    letters = {r.get_attribute("data-client"): r.get_attribute("data-kind") for r in rows}
    assert letters == {"Atelier Alpha": "relance_1", "Boulangerie <b>Bêta</b>": "relance_2"}
    # A client's name is text, never markup: the page shows the brackets.
    assert "Boulangerie <b>Bêta</b>" in browser.find_element(By.ID, "lettres").text
    assert "date illisible" in browser.find_element(By.ID, "problemes").text
    assert "Boulangerie <b>Bêta</b>" in browser.find_element(By.ID, "sans-email").text
    assert blank_office.read_bytes() == before
    shots.take("apercu")

    # 4. Confirm: the run writes into the workbook itself, then shows its files.
    browser.find_element(By.ID, "confirmer").click()
    wait.until(
        ready.any_of(
            ready.presence_of_element_located((By.ID, "lot")),
            ready.presence_of_element_located((By.ID, "erreur")),
        )
    )
    shots.take("resultats")
    assert not browser.find_elements(By.ID, "erreur"), browser.find_element(By.ID, "erreur").text
    levels = _levels(blank_office)
    assert (levels["F-1"], levels["F-2"], levels["F-3"]) == ("Relance 1", "Relance 2", None)

    # 5. The print bundle can be downloaded, with the page's cookie.
    href = browser.find_element(By.ID, "lot").get_attribute("href")
    cookie = browser.get_cookie(page.cookie)["value"]
    bundle = httpx.get(href, cookies={page.cookie: cookie})
    assert bundle.status_code == 200 and bundle.content[:2] == b"PK"  # a .docx
    assert "attachment" in bundle.headers["content-disposition"]

    # 6. Quitter stops the server.
    browser.find_element(By.ID, "quitter").click()
    browser.switch_to.alert.accept()  # « Quitter » asks first
    page.thread.join(timeout=10)
    assert not page.thread.is_alive()
    assert len(list((tmp_path / "captures").glob("*.png"))) == 5


# -- e-mails after a second confirmation, to a real SMTP server; a letter's PDF ---------------


def _run_from_page(page, ledger: Path, **form: str) -> httpx.Client:
    client = _previewed(page, ledger, EMAIL_DAY)
    token = page.state.token
    data = {"jeton": token, "date": EMAIL_DAY.isoformat(), "confirme": "oui", **form}
    data["apercu"] = _version(client)
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    return client


def test_the_e_mails_go_only_after_the_second_confirmation(page, tmp_path, serve):  # noqa: F811
    from test_email import Sink, _build, _point_at

    ledger = _build(tmp_path / "bureau")
    server = serve(Sink())
    _point_at(tmp_path / "bureau", server.port, per_minute=10000)
    client = _run_from_page(page, ledger, email="on")
    drafted = page.state.last_run.emails
    assert drafted
    shown = client.get("/envoi")
    assert f"Envoyer {len(drafted)} e-mail(s)" in shown.text
    token = page.state.token
    refused = client.post("/envoi", data={"jeton": token})  # the box left unticked
    assert "Cochez la case" in refused.text and server.sink.received == []
    assert 'aria-invalid="true"' in refused.text and 'class="a-cocher"' in refused.text
    client.post("/envoi", data={"jeton": token, "confirme": "oui"})
    assert _wait(client)["error"] is None
    assert len(server.sink.received) == len(drafted)
    assert page.state.sent.count("sent") == len(drafted)
    # The page after sending: who got what, and the way back; no « Envoyer 0 e-mail(s) ».
    after = client.get("/envoi").text
    assert "E-mails envoyés par" in after and "Envoyer 0 e-mail" not in after
    assert after.count('data-statut="sent"') == len(drafted)
    for delivery in page.state.sent.deliveries:
        assert html.escape(delivery.client) in after and delivery.to[0] in after
    assert 'href="/resultats" id="retour-resultats"' in after


@pytest.mark.parametrize("other", ["another-workbook", "same-workbook-next-run"])
def test_the_e_mails_page_forgets_a_send_of_another_run(page, tmp_path, serve, other):  # noqa: F811
    from test_email import Sink, _build, _point_at

    server = serve(Sink())
    first = _build(tmp_path / "bureau")
    _point_at(tmp_path / "bureau", server.port, per_minute=10000)
    client = _run_from_page(page, first, email="on")
    client.post("/envoi", data={"jeton": page.state.token, "confirme": "oui"})
    assert _wait(client)["error"] is None and page.state.sent is not None
    ledger, day = first, EMAIL_DAY + dt.timedelta(days=21)
    if other == "another-workbook":
        ledger, day = _build(tmp_path / "autre"), EMAIL_DAY
        _point_at(tmp_path / "autre", server.port, per_minute=10000)
    client = _previewed(page, ledger, day)
    data = {"jeton": page.state.token, "confirme": "oui", "email": "on", "futur": "oui"}
    client.post("/traitement", data={**data, "apercu": _version(client)})
    assert _wait(client)["error"] is None and page.state.last_run.emails
    shown = client.get("/envoi").text
    assert 'id="envoyes"' not in shown and "E-mails envoyés par" not in shown
    assert f"Envoyer {len(page.state.last_run.emails)} e-mail(s)" in shown


@needs_libreoffice
def test_a_letter_of_the_preview_opens_as_pdf(page, office):
    client = _previewed(page, office)
    letter = page.state.preview.letters[0].path
    # LibreOffice converts it on first asking: seconds on a busy machine (a browser waits).
    response = client.get("/lettre", params={"chemin": letter}, timeout=120)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "inline" in response.headers["content-disposition"]


@pytest.mark.skipif(shutil.which("relance-ui") is None, reason="relance-ui is not installed")
def test_the_relance_ui_launcher_opens_the_page_on_the_workbook_dropped_on_it(office):
    import subprocess

    launcher = subprocess.Popen(
        [str(shutil.which("relance-ui")), str(office), "--sans-navigateur"],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert launcher.stdout is not None
        line = launcher.stdout.readline()
        url = line.split(" : ", 1)[1].strip()
        assert url.startswith("http://127.") and "jeton=" in url
        client = httpx.Client(follow_redirects=True)
        home = client.get(url)
        assert home.status_code == 200 and "Factures 2026.xlsx" in home.text
        token = url.split("jeton=")[1]
        client.post(url.split("/?")[0] + "/quitter", data={"jeton": token})
        assert launcher.wait(timeout=15) == 0
    finally:
        launcher.kill()


@pytest.mark.parametrize(
    ("broken", "date", "said"),
    [
        pytest.param(
            '[creditor]\naddress = "1 rue\nParis"\n', AS_OF.isoformat(), "ligne 2", id="toml"
        ),
        pytest.param(None, "31/02/2026", "existe pas au calendrier", id="date"),
        pytest.param(None, "demain", "illisible : attendu JJ/MM/AAAA", id="not-a-date"),
    ],
)
def test_what_stops_a_preview_is_said_in_one_french_sentence(page, office, broken, date, said):
    if broken:
        (office.parent / "relance.toml").write_text(broken, encoding="utf-8")
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    response = client.post("/apercu", data={"jeton": token, "date": date})
    assert response.status_code == 400
    assert said in response.text and "Traceback" not in response.text


def test_a_broken_relance_toml_is_shown_and_never_rewritten_by_the_form(page, office):
    config = office.parent / "relance.toml"
    config.write_text('[creditor]\naddress = "1 rue\nParis"\n', encoding="utf-8")
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    shown = client.get("/reglages")
    assert shown.status_code == 200 and "ligne 2" in shown.text  # the form still opens
    saved = client.post("/reglages", data={"jeton": token, **CREDITOR})
    assert "ligne 2" in saved.text and "Réglages enregistrés" not in saved.text
    assert config.read_text(encoding="utf-8") == '[creditor]\naddress = "1 rue\nParis"\n'


def test_a_workbook_open_in_excel_is_refused_in_french_and_left_as_it_was(page, office):
    """Excel on Windows leaves « ~$Factures 2026.xlsx » beside the file it has open."""
    client = _previewed(page, office)
    token = page.state.token
    (office.parent / f"~${office.name}").write_bytes(b"\x05Anne ")
    before = office.read_bytes()
    data = {
        "jeton": token,
        "date": AS_OF.isoformat(),
        "confirme": "oui",
        "apercu": _version(client),
    }
    client.post("/traitement", data=data)
    state = _wait(client)
    assert state["error"] and "ouvert par Anne dans Excel" in state["error"]
    shown = client.get("/suivi")
    assert "ouvert par Anne dans Excel" in shown.text and "fermez-le" in shown.text
    assert office.read_bytes() == before


def test_every_page_is_local_no_asset_from_the_internet(page, office):
    """No script, style, image or font from elsewhere; the CSP forbids them anyway."""
    import re

    client = _previewed(page, office)
    for path in ("/", "/reglages", "/apercu", "/static/page.js", "/static/style.css"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", response.text), path
        assert "@import" not in response.text and "url(http" not in response.text
        if path.startswith("/static"):
            continue
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert response.headers["x-content-type-options"] == "nosniff"


def test_relance_ui_on_a_missing_workbook_says_so_in_one_french_sentence(tmp_path):
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    result = CliRunner().invoke(app, ["ui", str(tmp_path / "absent.xlsx"), "--sans-navigateur"])
    assert result.exit_code == 1
    assert "introuvable" in result.stderr and "Traceback" not in result.output


def test_a_letter_of_the_preview_reads_as_a_page_without_libreoffice(page, office):
    client = _previewed(page, office)
    letter = next(x for x in page.state.preview.letters if x.client.startswith("Boulangerie"))
    shown = client.get("/lettre-texte", params={"chemin": letter.path})
    assert shown.status_code == 200
    text = shown.text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2011", "-")
    assert "Boulangerie &lt;b&gt;Bêta&lt;/b&gt;" in text and "<b>Bêta" not in text
    assert "F-2" in text and "Atelier Martin SARL" in text and "2e relance" in text
    assert '<a href="/apercu" id="retour-apercu">' in text  # the way back to the preview
    assert client.get("/lettre-texte", params={"chemin": str(office)}).status_code == 403
