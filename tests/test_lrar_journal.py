"""The ledger's « N° recommandé » is its notice's: the journal never pins it on an ordinary
letter (the mailroom's review of issue 33: « Courrier (LRAR n° …) » on a relance 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Niveau de relance", "Date de relance", "N° recommandé"]  # fmt: skip
ADDRESS = "1 rue A\n69001 Lyon"


@pytest.mark.parametrize(
    ("level", "sent", "recovered_says_lrar"),
    [
        pytest.param("Relance 1", D(2026, 11, 8), False, id="ordinary-letter-before"),
        pytest.param("Mise en demeure", D(2026, 10, 20), True, id="the-notice-itself"),
    ],
)
def test_an_lrar_number_is_said_only_of_its_notice(tmp_path, level, sent, recovered_says_lrar):
    rows = [["A1", "Alpha SARL", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 1000.0, level, sent,
             "1A 123 456 7890 5"]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 11, 29), out_dir=tmp_path / "out")
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
    recovered = [a for a in actions if "repris du classeur" in a]
    assert recovered, actions
    assert all(("LRAR n°" in a) == recovered_says_lrar for a in recovered), actions
    # the run's own ordinary letter never carries the number; litigation may (its notice's)
    for action in actions:
        if action.startswith("Courrier") and "repris" not in action:
            assert "LRAR" not in action, actions
