# ruff: noqa: F811
"""The page's « Relevé bancaire » step, driven in the real chromium: a statement uploaded,
its proposals shown, the sure ones applied after confirmation, the preview without them."""

from __future__ import annotations

import datetime as dt
import html

import httpx
import pytest
from openpyxl import load_workbook
from statements import Op, credit_agricole, ofx_sgml
from test_page import (  # noqa: F401  (fixtures)
    AS_OF,
    Shots,
    _signed_in,
    blank_office,
    browser,
    needs_chromium,
    office,
    page,
)

D = dt.date
OPS = [
    Op(D(2026, 11, 18), 1200.0, "VIR SEPA ATELIER ALPHA", "FACT F 1", "B1"),
    Op(D(2026, 11, 19), 300.0, "VIR SEPA M INCONNU PAUL", "", "B2"),  # nobody's: left alone
    Op(D(2026, 11, 19), -42.0, "PRLV ASSURANCE", "", "B3"),  # a debit: ignored
]


def _paid(ledger) -> dict[str, object]:
    ws = load_workbook(ledger).active
    return {r[0]: r[5] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


@needs_chromium
def test_the_statement_step_in_the_browser(page, office, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    statement = credit_agricole(tmp_path / "Relevé novembre.csv", OPS)
    shots = Shots(browser, tmp_path / "captures")
    wait = WebDriverWait(browser, 60)
    browser.get(page.url)
    field = browser.find_element(By.ID, "classeur")
    field.clear()
    field.send_keys(str(office))
    browser.find_element(By.ID, "choisir").click()
    wait.until(ready.presence_of_element_located((By.ID, "vers-releve")))
    browser.find_element(By.LINK_TEXT, "3. Relevé bancaire").click()

    # The statement uploaded: proposals shown, nothing written.
    before = office.read_bytes()
    browser.find_element(By.ID, "fichiers").send_keys(str(statement))
    day = browser.find_element(By.ID, "date-releve")
    browser.execute_script("arguments[0].value = arguments[1]", day, AS_OF.isoformat())
    browser.find_element(By.ID, "rapprocher").click()
    wait.until(ready.presence_of_element_located((By.ID, "propositions")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#propositions tbody tr")
    assert [r.get_attribute("data-statut") for r in rows] == ["sure", "to_decide"]
    assert "F-1" in rows[0].text and "À appliquer" in rows[0].text
    assert "aucun client reconnu" in rows[1].text and "À décider" in rows[1].text
    assert "1 débit(s) ignoré(s)" in browser.find_element(By.CLASS_NAME, "releve-lu").text
    assert office.read_bytes() == before
    shots.take("releve-propositions")

    # Applying needs the box ticked.
    browser.find_element(By.ID, "appliquer").click()
    # Said beside the box, which is marked invalid, outlined and focused.
    assert "Cochez la case" in browser.find_element(By.ID, "a-cocher").text
    box = browser.find_element(By.ID, "confirme-releve")
    assert box.get_attribute("aria-invalid") == "true"
    assert browser.switch_to.active_element == box
    assert "a-cocher" in box.find_element(By.XPATH, "..").get_attribute("class")
    shots.take("releve-a-cocher")
    assert office.read_bytes() == before
    browser.find_element(By.ID, "confirme-releve").click()
    browser.find_element(By.ID, "appliquer").click()
    wait.until(ready.presence_of_element_located((By.ID, "applique")))
    assert "1 virement(s) appliqué(s)" in browser.find_element(By.ID, "applique").text
    shots.take("releve-applique")
    assert _paid(office)["F-1"] == 1200
    assert _paid(office)["F-2"] == 0  # the unknown 300,00 € was not applied

    # The preview that follows no longer chases the invoice just paid.
    browser.find_element(By.ID, "voir-apercu").click()
    wait.until(ready.presence_of_element_located((By.ID, "lettres")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#lettres tbody tr[data-client]")
    assert {r.get_attribute("data-client") for r in rows} == {"Boulangerie <b>Bêta</b>"}


def test_a_path_typed_and_a_post_without_token(page, office, tmp_path):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    statement = ofx_sgml(tmp_path / "releve.ofx", OPS)
    forged = httpx.post(
        f"{page.base}/releve",
        data={"chemins": str(statement)},
        cookies={page.cookie: token},
    )
    assert forged.status_code == 403
    shown = client.post(
        "/releve", data={"jeton": token, "chemins": str(statement), "date": "2026-11-22"}
    )
    assert shown.status_code == 200 and 'data-statut="sure"' in shown.text
    # Applying without the box ticked writes nothing; a folder named is one sentence.
    before = office.read_bytes()
    refused = client.post("/releve/appliquer", data={"jeton": token})
    assert "Cochez la case" in refused.text and office.read_bytes() == before
    wrong = client.post("/releve", data={"jeton": token, "chemins": str(tmp_path)})
    assert "n'est pas un fichier ordinaire" in html.unescape(wrong.text)


@pytest.mark.parametrize("name", ["../../evil.csv", "a<b>.csv"], ids=["traversal", "markup"])
def test_an_uploaded_name_stays_in_the_page_folder(page, office, tmp_path, name):
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    content = credit_agricole(tmp_path / "x.csv", OPS).read_bytes()
    shown = client.post(
        "/releve",
        data={"jeton": token, "date": "2026-11-22"},
        files={"fichiers": (name, content, "text/csv")},
    )
    assert shown.status_code == 200 and 'data-statut="sure"' in shown.text
    assert not (tmp_path.parent / "evil.csv").exists()
    saved = list((page.state.preview_root / "releves" / "fichiers").rglob("*.csv"))
    assert saved and all(p.resolve().is_relative_to(page.state.preview_root) for p in saved)
    assert "<b>" not in shown.text.split("<main>")[1].replace("<b>Bêta</b>", "")


@needs_chromium
def test_two_overlapping_statements_uploaded_together(page, office, browser, tmp_path):
    """The clerk's case: the same transfer in two statements chosen together is one credit;
    a card remittance is counted apart; an undecided credit shows no amount paid."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    first = credit_agricole(tmp_path / "releve 1-15.csv", OPS)
    second = credit_agricole(tmp_path / "releve 10-20.csv", [
        OPS[0], Op(D(2026, 11, 20), 126.9, "REMISE CB 19/11 TPE 0456789", "", "B4"),
    ])  # fmt: skip
    wait = WebDriverWait(browser, 60)
    browser.get(page.url)
    field = browser.find_element(By.ID, "classeur")
    field.clear()
    field.send_keys(str(office))
    browser.find_element(By.ID, "choisir").click()
    wait.until(ready.presence_of_element_located((By.ID, "vers-releve")))
    browser.find_element(By.LINK_TEXT, "3. Relevé bancaire").click()
    browser.find_element(By.ID, "fichiers").send_keys(f"{first}\n{second}")
    day = browser.find_element(By.ID, "date-releve")
    browser.execute_script("arguments[0].value = arguments[1]", day, AS_OF.isoformat())
    browser.find_element(By.ID, "rapprocher").click()
    wait.until(ready.presence_of_element_located((By.ID, "propositions")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#propositions tbody tr")
    assert [r.get_attribute("data-statut") for r in rows] == ["sure", "to_decide", "other"]
    assert "1 crédit(s) en double écarté(s)" in browser.find_element(By.ID, "doublons").text
    heading = browser.find_element(By.ID, "credits-recus").text
    assert heading.startswith("2 crédit(s) reçu(s)") and "1 hors clients" in heading
    cells = [r.find_elements(By.TAG_NAME, "td") for r in rows]
    assert "Hors clients" in cells[2][3].text and "€" not in cells[2][4].text
    assert "€" not in cells[1][4].text  # undecided: what to choose among, no amount
    browser.find_element(By.ID, "confirme-releve").click()
    browser.find_element(By.ID, "appliquer").click()
    wait.until(ready.presence_of_element_located((By.ID, "applique")))
    assert _paid(office)["F-1"] == 1200  # once, not twice
    journal = load_workbook(office)["Journal des relances"]
    assert sum(1 for r in journal.iter_rows(values_only=True) if r[4] == "Règlement bancaire") == 1


def test_two_statements_uploaded_with_the_same_name_are_both_read(page, office, tmp_path):
    # Two banks' exports are both « export.csv »: neither replaces the other.
    client = _signed_in(page)
    token = page.state.token
    client.post("/classeur", data={"jeton": token, "classeur": str(office)})
    bank_a = credit_agricole(tmp_path / "a.csv", [OPS[0]]).read_bytes()
    bank_b = credit_agricole(
        tmp_path / "b.csv", [Op(D(2026, 11, 19), 300.0, "VIR BOULANGERIE BETA", "FACT F 2", "C1")]
    ).read_bytes()
    shown = client.post(
        "/releve",
        data={"jeton": token, "date": "2026-11-22"},
        files=[
            ("fichiers", ("export.csv", bank_a, "text/csv")),
            ("fichiers", ("export.csv", bank_b, "text/csv")),
        ],
    )
    assert shown.status_code == 200
    text = html.unescape(shown.text)
    assert text.count('data-statut="sure"') == 2 and 'id="doublons"' not in text
    assert "F-1 : 1 200,00" in text.replace("\u202f", " ").replace("\u00a0", " ")
    saved = sorted((page.state.preview_root / "releves" / "fichiers").rglob("export.csv"))
    assert [p.read_bytes() for p in saved] == [bank_a, bank_b]
