"""An invoice whose payment is on its way (Odoo's « En paiement », « Virement envoyé ») is
not chased this week, and the run says so under « Non relancées cette semaine » with its
reason, in the terminal and in the JSON (review-nextcase L1)."""

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
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Statut du paiement"]  # fmt: skip
LABEL = "Paiement transmis, en attente de l'encaissement"
WAITING = ["En paiement", "Virement envoyé", "Paiement transmis", "Remis à l'encaissement"]


def _ledger(path, status):
    rows = [
        ["Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 8, 31), 1200.0, ADDRESS, "Non payé"],
        ["Bernard EURL", "F2026-103", D(2026, 9, 15), D(2026, 10, 15), 600.0, ADDRESS, status],
        ["Petit SA", "F2026-104", D(2026, 10, 1), D(2026, 10, 31), 900.0, ADDRESS, "Payé"],
    ]
    return write_ledger(path, rows, HEADERS)


@pytest.mark.parametrize("status", [pytest.param(s, id=s) for s in WAITING])
def test_a_payment_on_its_way_is_listed_as_not_chased(tmp_path, status):
    path = _ledger(tmp_path / "odoo.xlsx", status)
    args = ["run", str(path), "--as-of", "07/12/2026", "--dry-run"]
    doc = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
    [item] = doc["summary"]["not_chased"]
    assert (item["why"], item["label"], item["client"]) == ("payment_sent", LABEL, "Bernard EURL")
    assert item["invoices"] == ["F2026-103"] and item["amount"] == 600.0
    assert f"« {status} »" in item["detail"] and "en attente de l'encaissement" in item["detail"]
    text = " ".join(CliRunner().invoke(app, args).stdout.split())
    assert "Non relancées cette semaine :" in text
    assert f"{LABEL} : 1 facture(s), 600,00 € (Bernard EURL)" in text.replace("\u202f", " ")


def test_the_waiting_invoice_is_not_written_as_chased(tmp_path):
    path = _ledger(tmp_path / "odoo.xlsx", "En paiement")
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert [n.why for n in result.summary.not_chased] == ["payment_sent"]
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    assert rows["F2026-101"]["Niveau de relance"] == "Relance 1"
    assert rows["F2026-103"]["Niveau de relance"] is None
