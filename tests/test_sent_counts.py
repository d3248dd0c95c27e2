"""« Nombre de relances » holding a note, not a plain small number, sends nothing further
(review-attack-6 §8): « 2 (à faire) », « 3 prévues », « 3 ? », 99, 46000 (a date's serial)
or a date are a warning on the row and no stage; a plain count never goes beyond Relance 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ROW = ["F1", "Zeta SARL", D(2026, 7, 1), D(2026, 8, 1), 800.0, "10 rue Garibaldi\n69006 Lyon"]
SEP15 = D(2026, 9, 15)

# (id, count cell, with « Dernière relance » 15/09/2026, letter kind, warned)
CASES = [
    ("2 à faire dated", "2 (à faire)", True, "Relance 2", True),
    ("3 prévues dated", "3 prévues", True, "Relance 2", True),
    ("99 dated", 99, True, "Relance 2", True),
    ("2 à faire", "2 (à faire)", False, "Relance 1", True),
    ("3 ?", "3 ?", False, "Relance 1", True),
    ("3 prévues", "3 prévues", False, "Relance 1", True),
    ("2/3", "2/3", False, "Relance 1", True),
    ("2e", "2e", False, "Relance 1", True),
    ("99", 99, False, "Relance 1", True),
    ("1000", 1000, False, "Relance 1", True),
    ("46000 a date serial", 46000, False, "Relance 1", True),
    ("a date", D(2026, 9, 15), False, "Relance 1", True),
    ("2.5", 2.5, False, "Relance 1", True),
    # plain whole numbers still count, never beyond Relance 2
    ("1", 1, False, "Relance 2", False),
    ("2 text", "2", False, "Mise en demeure", False),
    ("3 capped", 3, False, "Mise en demeure", True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("count", "dated", "kind", "warned"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_a_reminder_count_is_a_plain_small_number(tmp_path, count, dated, kind, warned):
    headers, cells = ["Nombre de relances"], [count]
    if dated:
        headers, cells = [*headers, "Dernière relance"], [*cells, SEP15]
    path = write_ledger(tmp_path / "l.xlsx", [[*ROW, *cells]], [*BASE, *headers])
    result = relance_xlsx.run(
        path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert invoice.action == "letter", invoice.reason
    assert invoice.letter and kind in Path(invoice.letter).name, invoice.letter
    messages = [p.message for p in result.problems if p.column == "Nombre de relances"]
    assert bool(messages) is warned, messages
    written = [c.value for c in load_workbook(path).active[2]]
    assert kind in " ".join(str(v) for v in written if v), written
