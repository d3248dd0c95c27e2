# ruff: noqa: E501, F811
"""What each invoice's line claims, the same on the preview, in the letter's summary and in
the journal: a relance 1 part inside a mise en demeure's envelope claims no penalties."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import ROOT, write_ledger
from openpyxl import load_workbook
from test_page import page  # noqa: F401  (fixture)
from test_page_week import (  # noqa: F401  (fixtures)
    ADDRESS,
    AS_OF,
    HEADERS,
    ROWS,
    _by,
    _letters,
    _open_preview,
    _text,
    browser,
    needs_chromium,
    relance_xlsx_money,
    shot,
)

import relance_xlsx

D = dt.date
# Garage Bernard's third invoice was never reminded: a relance 1 part in the envelope of
# its mise en demeure, which claims penalties only for G-1 and G-2.
EXTRA = [
    ["G-3", "Garage Bernard", D(2026, 9, 10), D(2026, 10, 10), 500.0, 0, None, ADDRESS, "compta@bernard.example", None, None, None, None, None],
]  # fmt: skip


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "Compta"
    folder.mkdir()
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    return write_ledger(folder / "Factures.xlsx", ROWS + EXTRA, HEADERS)


def _courrier(ledger):
    ws = load_workbook(ledger)["Journal des relances"]
    return {
        r[1]: r
        for r in ws.iter_rows(min_row=2, values_only=True)
        if str(r[4]).startswith("Courrier")
    }


def test_the_journal_records_what_each_letter_claims(office):
    settings = relance_xlsx.load_settings(office.parent / "relance.toml")
    result = relance_xlsx.run(office, settings, as_of=AS_OF)
    (bernard,) = [x for x in result.letters if x.client == "Garage Bernard"]
    assert {p["kind"] for p in bernard.parts} == {"mise_en_demeure", "relance_1"}
    lines = {line.invoice: line for x in result.letters for line in x.lines}
    journal = _courrier(office)
    assert set(journal) == set(lines)
    for invoice, line in lines.items():
        # Journal columns G (Intérêts) and H (Indemnité): the letter's own claims.
        assert (journal[invoice][6], journal[invoice][7]) == pytest.approx(
            (line.interest, line.indemnity)
        ), invoice
    assert journal["G-3"][6] == 0 and journal["G-3"][7] == 0
    assert journal["G-1"][6] > 0 and journal["G-1"][7] == 40
    assert journal["A-1"][6] == 0 and journal["A-1"][7] == 0


@needs_chromium
def test_each_preview_line_splits_penalties_and_indemnity_like_the_summary(
    page, office, browser, tmp_path
):
    _open_preview(browser, page, office)
    rows = _letters(browser)
    interest = indemnity = 0.0
    for line in page.state.preview.letters:
        for item in line.lines:
            shown = (
                rows[line.client]
                .find_element(_by("CSS_SELECTOR"), f"li[data-invoice='{item.invoice}']")
                .text
            )
            shown = shown.replace("\u202f", " ").replace("\xa0", " ")
            said_interest = f"+ {relance_xlsx_money(item.interest)} de pénalités"
            said_indemnity = f"+ {relance_xlsx_money(item.indemnity)} d'indemnité"
            assert (said_interest in shown) is (item.interest > 0), shown
            assert (said_indemnity in shown) is (item.indemnity > 0), shown
            interest += item.interest
            indemnity += item.indemnity
    # The lines add up to the summary's two figures.
    assert _text(browser, "penalites") == relance_xlsx_money(interest)
    assert _text(browser, "indemnites") == relance_xlsx_money(indemnity) == "80,00 €"
    g3 = rows["Garage Bernard"].find_element(_by("CSS_SELECTOR"), "li[data-invoice='G-3']").text
    assert "pénalités" not in g3 and "indemnité" not in g3
    shot(browser, tmp_path, "17-lignes-penalites-indemnite")
