"""An « Avoir » column holding a credit note's number (« AV2026-01 ») holds the invoice: a
credit note exists against it, its amount is unknown (review-nextcase M6). Said in `check`,
in the run's « Non relancées » and in its JSON; a clear no or an empty cell is chased."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "1 rue de la Paix\n75002 Paris"
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse", "Avoir"]

# (« Avoir » cell, whether the invoice is held)
CASES = [
    ("AV2026-01", True),
    ("A-12", True),
    ("Avoir n° 7", True),
    ("AV 2026 003", True),
    ("Non", False),
    ("N/A", False),
    ("0", False),
    ("", False),
    ("-", False),
]


def _ledger(path, avoir):
    rows = [
        ["Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 8, 31), 1200.0, ADDRESS, avoir],
        ["Martin SAS", "F2026-102", D(2026, 9, 1), D(2026, 10, 1), 2400.0, ADDRESS, None],
    ]
    return write_ledger(path, rows, HEADERS)


@pytest.mark.parametrize(("avoir", "held"), [pytest.param(*c, id=c[0] or "vide") for c in CASES])
def test_a_credit_note_number_holds_the_invoice(tmp_path, avoir, held):
    path = _ledger(tmp_path / "avoir.xlsx", avoir)
    done = CliRunner().invoke(
        app, ["run", str(path), "--as-of", "07/12/2026", "--dry-run", "--json"]
    )
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    reasons = {i["invoice"]: i.get("reason") or "" for i in doc["invoices"]}
    chased = {i["invoice"] for i in doc["invoices"] if i["action"] != "hold"}
    if not held:
        assert chased == {"F2026-101", "F2026-102"}
        return
    said = f"avoir {' '.join(avoir.split())} à imputer, montant inconnu"
    assert chased == {"F2026-102"}
    assert said in reasons["F2026-101"]
    assert [n["label"] for n in doc["summary"]["not_chased"]] == ["En litige / en attente"]
    check = CliRunner().invoke(app, ["check", str(path)])
    assert said in " ".join(check.stdout.split())


def test_the_held_invoice_is_not_written_as_chased(tmp_path):
    path = _ledger(tmp_path / "avoir.xlsx", "AV2026-01")
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert {x.client for x in result.letters} == {"Martin SAS"}
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    assert rows["F2026-102"]["Niveau de relance"] == "Relance 1"
    assert rows["F2026-101"]["Niveau de relance"] is None
    assert rows["F2026-101"]["Avoir"] == "AV2026-01"
