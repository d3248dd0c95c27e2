"""A ledger's level 2 dated within the tool's interval after the due date counts one letter
after the due date only: the earlier one was almost surely sent before it (Code civil 1344).
The next letter is a Relance 2, never a formal notice « Malgré nos relances » (review-lawnew2,
6); a level 2 dated well after the due date still leads to the formal notice."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


@pytest.mark.parametrize(
    ("due", "level", "warned"),
    [
        pytest.param(D(2026, 11, 18), 2, True, id="two-days-after-due"),
        pytest.param(D(2026, 11, 11), 2, True, id="nine-days-after-due"),
        pytest.param(D(2026, 10, 1), 3, False, id="fifty-days-after-due"),
    ],
)
def test_a_level_two_close_to_the_due_date_counts_one_letter(tmp_path, due, level, warned):
    row = ["L33", "Epsilon SARL", "professionnel", due - dt.timedelta(days=30), due, 133.0,
           "10 rue Garibaldi\n69006 Lyon", 2, D(2026, 11, 20)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False
    )
    [inv] = result.invoices
    assert (inv.action, inv.level) == ("letter", level)
    assert any("seule cette relance est comptée" in w for w in result.warnings) is warned
    letters = list((tmp_path / "o").rglob("*.docx"))
    text = " ".join(p.text for d in letters for p in all_paragraphs(Document(d)))
    assert ("Malgré nos relances" in text) is not warned
