# ruff: noqa: F811
"""The run's date on the page: today's on opening and on each workbook chosen, a date to come
said on the preview and confirmed by its own tick, a date before the journal's last run said
by the preview and refused at « Confirmer »."""

from __future__ import annotations

import datetime as dt

from conftest import write_ledger
from openpyxl import load_workbook
from test_page import _previewed, _signed_in, _version, _wait, page  # noqa: F401
from test_page_week import (  # noqa: F401
    HEADERS,
    ROWS,
    _by,
    _open_preview,
    _text,
    _until,
    browser,
    needs_chromium,
    office,
    shot,
)

import relance_xlsx

TODAY = dt.date.today()
NEXT_WEEK = TODAY + dt.timedelta(days=7)


def _journal(path):
    return list(load_workbook(path)["Journal des relances"].iter_rows(values_only=True))


@needs_chromium
def test_each_workbook_chosen_starts_on_today_s_date(page, office, browser, tmp_path):
    other = write_ledger(office.parent / "Autre classeur.xlsx", ROWS, HEADERS)
    _open_preview(browser, page, office, NEXT_WEEK)
    browser.get(page.url)  # « Changer de classeur »: the page opens again
    field = browser.find_element(_by("ID"), "classeur")
    field.clear()
    field.send_keys(str(other))
    browser.find_element(_by("ID"), "choisir").click()
    _until(browser, "voir-apercu")
    assert browser.find_element(_by("ID"), "date").get_attribute("value") == TODAY.isoformat()
    # Chosen again by a post (a recent workbook) while the date field says next week.
    page.state.day = NEXT_WEEK
    client = _signed_in(page)
    client.post("/classeur", data={"jeton": page.state.token, "classeur": str(office)})
    assert f'name="date" value="{TODAY.isoformat()}"' in client.get("/reglages").text


@needs_chromium
def test_a_date_to_come_is_said_and_needs_its_own_tick(page, office, browser, tmp_path):
    _open_preview(browser, page, office, NEXT_WEEK)
    said = _text(browser, "date-future")
    assert said.startswith("Cette date est dans le futur : les lettres seront datées du ")
    tick = browser.find_element(_by("ID"), "futur")
    assert tick.get_attribute("required") is not None and not tick.is_selected()
    shot(browser, tmp_path, "date-future")
    browser.find_element(_by("ID"), "confirmer").click()  # the browser asks for the tick
    assert page.state.last_run is None and browser.find_elements(_by("ID"), "futur")
    tick.click()
    browser.find_element(_by("ID"), "confirmer").click()
    _until(browser, "lot")
    assert dt.datetime.combine(NEXT_WEEK, dt.time()) in {r[0] for r in _journal(office)[1:]}


def test_a_date_to_come_posted_without_its_tick_runs_nothing(page, office):
    client = _previewed(page, office, NEXT_WEEK)
    form = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    shown = client.post("/traitement", data=form)
    assert "Cochez la case de la date future" in shown.text
    assert page.state.last_run is None and "Journal des relances" not in load_workbook(office)
    # Today needs no tick.
    client = _previewed(page, office, TODAY)
    assert 'id="futur"' not in client.get("/apercu").text


def test_a_date_before_the_journal_s_last_run_is_said_then_refused(page, office):
    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    relance_xlsx.run(office, settings, as_of=dt.date(2026, 11, 22))
    lines = _journal(office)
    client = _previewed(page, office, dt.date(2026, 11, 20))
    said = (
        "Cette date (20/11/2026) est antérieure au dernier traitement enregistré dans le "
        "journal (22/11/2026) : "
    )
    assert said in client.get("/apercu").text.replace("&#39;", "'")
    form = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=form)
    error = _wait(client)["error"]
    assert error.startswith(said) and "rien n'a été écrit" in error
    assert _journal(office) == lines
