"""The due date's abbreviated headers (« Éch. », « Ech. », « Éché. », « Date éch. ») are read
as the due date, not left unread with the due date assumed 30 days after the invoice
(review-nextcase L2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "1 rue de la Paix\n75002 Paris"
HEADERS = ["Tiers", "BQ", "Pièce", "Date", "{due}", "TTC", "Adresse"]
ROWS = [
    ["Dupont SARL", "BNP", "F2026-101", D(2026, 8, 1), D(2026, 9, 15), 1200.0, ADDRESS],
    ["Martin SAS", "BNP", "F2026-102", D(2026, 9, 1), D(2026, 11, 20), 2400.0, ADDRESS],
]
DUE = ["Éch.", "Ech.", "Éché.", "Date éch.", "ÉCH", "Date d'éch."]


def _ledger(path, due):
    return write_ledger(path, ROWS, [h.format(due=due) for h in HEADERS])


@pytest.mark.parametrize("due", [pytest.param(d, id=d) for d in DUE])
def test_an_abbreviated_due_date_header_is_the_due_date(tmp_path, due):
    ledger = read_ledger(_ledger(tmp_path / "bq.xlsx", due), Settings(), as_of=AS_OF)
    assert ledger.positions["due_date"] == 4
    dues = [d.date() for d in ledger.frame["due_date"]]
    assert dues == [D(2026, 9, 15), D(2026, 11, 20)]
    assert "client" in ledger.positions and ledger.positions["client"] == 0  # « Tiers », not BQ


def test_the_run_writes_the_due_date_read(tmp_path):
    path = _ledger(tmp_path / "bq.xlsx", "Éch.")
    relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[2]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    assert "échue le 15/09/2026" in rows["F2026-101"]["Statut relance"]
    assert "échue le 20/11/2026" in rows["F2026-102"]["Statut relance"]
