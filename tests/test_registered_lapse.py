"""A letter that must interrupt a public debt's four-year lapse due soon (« envoyez-la en
recommandé avec avis de réception ») goes to the registered-mail batch: recommandes.docx and
liste_recommandes.xlsx, not a_imprimer.docx (the lawyer's rare cases, L1; loi n° 68-1250,
art. 2: the creditor proves the interruption; legal-fr §8.2)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from conftest import complete_settings
from rare_ledgers import D, row, run_texts

HEADING = "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION"
BRON = "Place de la Liberté\n69500 Bron"


@pytest.mark.parametrize(
    ("invoice", "registered"),
    [
        # Invoiced 01/03/2022: the right born in 2022 lapses on 01/01/2027, 25 days away.
        pytest.param(row("P1", "Commune de Bron", "Commune", D(2022, 3, 1), D(2022, 3, 31), 600.0,
                         address=BRON), True, id="lapse-in-25-days-registered"),
        # A reminder (level 1 of 01/07/2022) then a Relance 2: the lapse of 01/01/2027 still.
        pytest.param(row("P3", "Commune de Bron", "Commune", D(2022, 5, 2), D(2022, 6, 1), 400.0,
                         level=1, sent=D(2022, 7, 1), address=BRON), True, id="relance-2"),
        # Invoiced 01/09/2026: lapses on 01/01/2031, far away: ordinary post.
        pytest.param(row("P9", "Commune de Bron", "Commune", D(2026, 9, 1), D(2026, 10, 1), 300.0,
                         address=BRON), False, id="far-away-ordinary-post"),
    ],
)  # fmt: skip
def test_a_lapse_saving_letter_goes_by_registered_post(
    tmp_path: Path, invoice: list, registered: bool
) -> None:
    result, texts = run_texts(tmp_path, [invoice])
    (letter,) = result.letters
    assert letter.registered is registered
    out = tmp_path / "o"
    listing = out / "liste_recommandes.xlsx"
    assert listing.is_file() is registered
    if registered:
        sheet = openpyxl.load_workbook(listing).worksheets[0]
        cells = [c for r in sheet.iter_rows(values_only=True) for c in r]
        assert invoice[0] in cells and "Commune de Bron" in cells
        assert invoice[0] in texts["recommandes.docx"]
        assert "a_imprimer.docx" not in texts
        # The letter says how it is posted, as a mise en demeure does (its window's heading).
        assert HEADING in texts["recommandes.docx"]
    else:
        assert invoice[0] in texts["a_imprimer.docx"]
        assert HEADING not in texts["a_imprimer.docx"]


@pytest.mark.parametrize(
    ("registered", "heading"),
    [
        pytest.param(("mise_en_demeure", "relance_2"), True, id="relance-2-registered"),
        pytest.param(("mise_en_demeure",), False, id="relance-2-ordinary"),
    ],
)
def test_a_reminder_posted_registered_says_so(
    tmp_path: Path, registered: tuple[str, ...], heading: bool
) -> None:
    """[print] registered naming the Relance 2: its letter carries the RAR heading."""
    base = complete_settings()
    settings = replace(base, print=replace(base.print, registered=registered))
    invoice = row("F1", "Garage Martin", "SARL", D(2026, 9, 1), D(2026, 10, 1), 500.0,
                  level=1, sent=D(2026, 10, 20), address="1 rue Haute\n69001 Lyon")  # fmt: skip
    result, texts = run_texts(tmp_path, [invoice], settings=settings)
    (letter,) = result.letters
    assert (letter.kind, letter.registered) == ("relance_2", heading)
    bundle = texts["recommandes.docx" if heading else "a_imprimer.docx"]
    assert (HEADING in bundle) is heading
