# ruff: noqa: E501, F811
"""Credits the bank step left « À décider par vous », flagged on the preview beside the
client's letter and in its summary, in the real chromium."""

from __future__ import annotations

import datetime as dt

import pytest
from statements import Op, credit_agricole
from test_page import page  # noqa: F401  (fixture)
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

D = dt.date


def _statement_step(browser, page, statement):
    browser.get(page.url.split("/?")[0] + "/releve")
    browser.find_element(_by("ID"), "chemins").send_keys(str(statement))
    day = browser.find_element(_by("ID"), "date-releve")
    browser.execute_script("arguments[0].value = arguments[1]", day, AS_OF.isoformat())
    browser.find_element(_by("ID"), "rapprocher").click()
    _until(browser, "propositions")


@needs_chromium
@pytest.mark.parametrize(
    ("ops", "flagged", "summary"),
    [
        # Garage Bernard recognised by name, 300 € matching none of its invoices: left to
        # decide; its mise en demeure would claim the full amount.
        pytest.param(
            [Op(D(2026, 11, 20), 300.0, "VIR SEPA GARAGE BERNARD", "", "B1")],
            {
                "Garage Bernard": "un virement de 300,00 € reçu le 20/11/2026 n'est pas encore affecté"
            },
            "1 virement(s) reçu(s) pas encore affecté(s) (300,00 €)",
            id="client-recognised",
        ),
        # Nobody's credit: said in the summary, beside no letter.
        pytest.param(
            [Op(D(2026, 11, 19), 55.0, "VIR SEPA M INCONNU PAUL", "", "B2")],
            {},
            "1 virement(s) reçu(s) pas encore affecté(s) (55,00 €)",
            id="payer-unknown",
        ),
    ],
)
def test_an_undecided_credit_is_flagged_on_the_preview(
    page, office, browser, tmp_path, ops, flagged, summary
):
    _open_preview(browser, page, office)
    assert not browser.find_elements(_by("ID"), "virements-a-decider")  # no statement yet
    _statement_step(browser, page, credit_agricole(tmp_path / "releve.csv", ops))
    browser.get(page.url.split("/?")[0] + "/apercu")
    _until(browser, "lettres")
    said = _text(browser, "virements-a-decider")
    assert summary in said and "À décider par vous" in said
    for client, row in _letters(browser).items():
        flags = [
            f.text.replace("\u202f", " ").replace("\xa0", " ")
            for f in row.find_elements(_by("CSS_SELECTOR"), ".virement")
        ]
        if client in flagged:
            assert len(flags) == 1 and flagged[client] in flags[0], flags
        else:
            assert flags == [], client
    if not flagged:
        assert "Payeur non reconnu : un virement de 55,00 €" in said
    shot(browser, tmp_path, f"16-virement-a-decider-{len(flagged)}")
