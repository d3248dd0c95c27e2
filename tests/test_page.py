# ruff: noqa: E501
"""The local page (relance ui): driven in the real chromium, and its locks tried by hand."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, write_ledger
from openpyxl import load_workbook

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
    return httpx.Client(base_url=f"http://127.0.0.1:{page.port}", **kw)


def _signed_in(page) -> httpx.Client:
    client = _client(page, follow_redirects=True)
    assert client.get(f"/?jeton={page.state.token}").status_code == 200
    return client


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


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "[::1]:{port}"])
def test_a_foreign_host_header_gets_403_even_with_the_token(page, host):
    """DNS rebinding: a page of another site resolving its name to 127.0.0.1."""
    headers = {"Host": host.format(port=page.port)}
    response = _client(page).get(f"/?jeton={page.state.token}", headers=headers)
    assert response.status_code == 403


def test_the_server_listens_on_127_0_0_1_only(page):
    (sock,) = [s for server in page.server.servers for s in server.sockets]
    assert sock.getsockname()[0] == "127.0.0.1"
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
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    client.post("/apercu", data={"jeton": token, "date": AS_OF.isoformat()})
    assert _wait(client)["error"] is None
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
