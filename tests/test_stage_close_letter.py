"""A ledger's level 2 dated sooner after the due date than the tool's interval between two
reminders: the earlier letter was most likely sent before the due date (Code civil 1344).
`check` warns, naming the invoice, so the user corrects the level (review-lawnew2, 6); a level 2
dated well after the due date, or paid, is not warned."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


@pytest.mark.parametrize(
    ("due", "level", "warned"),
    [
        pytest.param(D(2026, 11, 18), 2, True, id="two-days-after-due"),
        pytest.param(D(2026, 11, 11), 2, True, id="nine-days-after-due"),
        pytest.param(D(2026, 10, 1), 2, False, id="fifty-days-after-due"),
        pytest.param(D(2026, 11, 18), 1, False, id="level-one"),
    ],
)
def test_check_warns_a_level_two_close_to_the_due_date(tmp_path, due, level, warned):
    row = ["L33", "Epsilon SARL", "professionnel", due - dt.timedelta(days=30), due, 133.0,
           "10 rue Garibaldi\n69006 Lyon", level, D(2026, 11, 20)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.check(ledger, complete_settings(), as_of=D(2026, 12, 7))
    said = [w for w in result.warnings if "niveau 2 ou plus" in w]
    assert bool(said) is warned
    if warned:
        assert "(L33)" in said[0] and "Code civil 1344" in said[0]
    # The run says it too, among its warnings (the user of `relance run` may never run check).
    run = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7), dry_run=True)
    assert bool([w for w in run.warnings if "niveau 2 ou plus" in w]) is warned
