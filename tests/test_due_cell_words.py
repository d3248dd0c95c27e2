"""« À réception », « Comptant », « Immédiate » typed in one row of an « Échéance » column of
dates make that invoice due on its date (as a whole column of them already did); « — » is
no due date, the default terms then count (review-pubwb6 M6)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        *[pytest.param(w, D(2026, 9, 1), id=w) for w in
          ["À réception", "à réception", "Comptant", "Immédiate", "Immédiat", "Paiement comptant"]],
        pytest.param("—", D(2026, 10, 1), id="dash"),
    ],
)  # fmt: skip
def test_a_word_in_one_due_cell(tmp_path, cell, due):
    rows = [
        ["F-100", "SARL Alpha", D(2026, 9, 1), cell, 1200.0, ADDRESS],
        ["F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0, ADDRESS],
        ["F-102", "Gamma EURL", D(2026, 9, 3), D(2026, 10, 3), 430.0, ADDRESS],
    ]
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, HEADERS), complete_settings(), as_of=AS_OF
    )
    frame = read.frame.set_index("invoice")
    assert frame["valid"].all(), read.problems
    assert frame.loc["F-100", "due_date"].date() == due
    assert frame.loc["F-101", "due_date"].date() == D(2026, 10, 2)
    assert not [p for p in read.problems if p.severity == "error"]
