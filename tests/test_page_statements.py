# ruff: noqa: E501, F811
"""The statement step across imports and workbooks (review-clerk3 H2, M2, M4), in the real
chromium: a bounced transfer and its reversal are never « pas encore affecté » nor offered an
invoice; an overlapping statement imported again shows the applied payment « Déjà importé »,
never a « doublon », and the preview never lists it; another workbook (even of the same name)
never shows this workbook's result nor its « Appliquer »."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import ROOT, write_ledger
from statements import Op, credit_agricole, ofx_sgml
from test_page import CREDITOR, browser, needs_chromium, page  # noqa: F401  (fixtures)

from relance_xlsx.config import write_values

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
ROWS = [
    ["F2026-007", "Hôtel des Célestins", D(2026, 9, 1), D(2026, 10, 1), 410.51, None, None, ADDRESS, None, None],
    ["F2026-011", "Imprimerie Fontaine", D(2026, 9, 1), D(2026, 10, 1), 285.13, None, None, ADDRESS, None, None],
    ["F2026-013", "Boulangerie Dupont", D(2026, 9, 1), D(2026, 10, 1), 325.36, None, None, ADDRESS, None, None],
]  # fmt: skip
OPS = [
    Op(D(2026, 11, 24), 410.51, "VIR HOTEL DES CELESTINS", "FACT F2026-007", "A1"),
    Op(D(2026, 11, 26), 285.13, "VIR IMPRIMERIE FONTAINE", "F2026-011", "A2"),
    Op(D(2026, 11, 28), -285.13, "REJET VIR IMPRIMERIE FONTAINE", "F2026-011 COMPTE CLOS", "A3"),
    Op(D(2026, 11, 30), 325.36, "VIR M DURAND", "", "A4"),
]


def _office(folder):
    folder.mkdir(parents=True)
    ledger = write_ledger(folder / "grand_livre_clients.xlsx", ROWS, HEADERS)
    shutil.copy(ROOT / "relance_xlsx" / "data" / "relance.toml", folder / "relance.toml")
    write_values(
        folder / "relance.toml", {"creditor": {k.split(".")[1]: v for k, v in CREDITOR.items()}}
    )
    return ledger


@pytest.fixture
def two_offices(tmp_path):
    return _office(tmp_path / "Compta"), _office(tmp_path / "Test2")


@needs_chromium
def test_statements_imported_again_bounced_and_another_workbook(
    page, two_offices, browser, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    first, other = two_offices
    wait = WebDriverWait(browser, 60)

    def choose(ledger):
        browser.get(page.url)
        field = browser.find_element(By.ID, "classeur")
        field.clear()
        field.send_keys(str(ledger))
        browser.find_element(By.ID, "choisir").click()
        wait.until(ready.presence_of_element_located((By.ID, "vers-releve")))
        browser.find_element(By.LINK_TEXT, "3. Relevé bancaire").click()

    def upload(statement):
        browser.find_element(By.ID, "fichiers").send_keys(str(statement))
        day = browser.find_element(By.ID, "date-releve")
        browser.execute_script("arguments[0].value = arguments[1]", day, AS_OF.isoformat())
        browser.find_element(By.ID, "rapprocher").click()
        wait.until(ready.presence_of_element_located((By.ID, "propositions")))
        return {
            r.find_elements(By.TAG_NAME, "td")[1].text: r
            for r in browser.find_elements(By.CSS_SELECTOR, "#propositions tbody tr")
        }

    choose(first)
    rows = upload(credit_agricole(tmp_path / "releve_novembre.csv", OPS))
    bounced, reversal = rows["285,13 €"], rows["-285,13 €"]
    assert "Rejeté par la banque" in bounced.text and "reste due : F2026-011" in bounced.text
    assert "Rejet d'un règlement" in reversal.text
    assert "à choisir" not in bounced.text and "à choisir" not in reversal.text
    browser.find_element(By.ID, "confirme-releve").click()
    browser.find_element(By.ID, "appliquer").click()
    wait.until(ready.presence_of_element_located((By.ID, "applique")))

    # The same month again, as OFX: the payment just written is « Déjà importé ».
    rows = upload(ofx_sgml(tmp_path / "releve_novembre2.ofx", OPS))
    done = rows["410,51 €"]
    assert done.get_attribute("data-statut") == "already"
    assert "Déjà importé le 07/12/2026" in done.text and "doublon" not in done.text

    # The preview lists only the transfer still to assign, and says the bounce once.
    browser.find_element(By.ID, "voir-apercu").click()
    wait.until(ready.presence_of_element_located((By.ID, "lettres")))
    box = browser.find_element(By.ID, "virements-a-decider")
    items = box.find_elements(By.CSS_SELECTOR, "li[data-client]")
    assert len(items) == 1 and "325,36 €" in items[0].text, box.text
    assert "285,13" not in box.text and "410,51" not in box.text
    # What to do with it, exactly (review-clerk3 M3).
    how = browser.find_element(By.ID, "comment-affecter").text
    assert "colonne « Montant réglé »" in how and "total réglé à ce jour" in how
    assert "Date règlement" in how and "Ne pas envoyer" in how
    said = " ".join(e.text for e in browser.find_elements(By.CLASS_NAME, "rejet"))
    assert "rejeté par la banque le 28/11/2026 : la facture F2026-011 reste due" in said
    assert "virement de -285,13" not in browser.find_element(By.TAG_NAME, "main").text

    # Another workbook of the same name: none of the first one's statement.
    choose(other)
    assert not browser.find_elements(By.ID, "propositions")
    assert not browser.find_elements(By.ID, "appliquer")
    assert not browser.find_elements(By.ID, "applique")
    # And back: the first workbook's result is still its own.
    choose(first)
    assert browser.find_elements(By.ID, "propositions")
