"""A sheet of forecast receipts beside the invoices is not read as payments, and the run says
so once; its dates in the future, under a plain « Date » header too, never hold an invoice
(review-nextcase M4)."""

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
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ROWS = [
    ["Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 8, 31), 1200.0, ADDRESS],
    ["Martin SAS", "F2026-102", D(2026, 9, 1), D(2026, 10, 1), 2400.0, ADDRESS],
    ["Bernard EURL", "F2026-103", D(2026, 9, 15), D(2026, 10, 15), 600.0, ADDRESS],
]
PLANNED = [["Dupont SARL", "F2026-101", D(2027, 1, 15), 1200.0, "Virement"],
           ["Martin SAS", "F2026-102", D(2027, 1, 31), 2400.0, "Chèque"]]  # fmt: skip

# (sheet name, its header, whether it is a forecast said once)
CASES = [
    ("Encaissements prévus", ["Client", "Facture", "Date", "Montant", "Mode"], True),
    ("Encaissements prévus", ["Client", "N° facture", "Date prévue", "Montant", "Mode"], True),
    ("Prévisionnel", ["Client", "N° facture", "Date", "Montant", "Mode"], True),
    ("Règlements", ["Client", "N° facture", "Date prévue", "Montant", "Mode"], True),
    ("Trésorerie prévue", ["Poste", "Libellé", "Mois", "Budget", "Note"], False),
]


def _ledger(path, sheet, header):
    def add(wb):
        ws = wb.create_sheet(sheet)
        ws.append(header)
        for row in PLANNED:
            ws.append(row)

    return write_ledger(path, ROWS, HEADERS, extra=add)


@pytest.mark.parametrize(
    ("sheet", "header", "said"), [pytest.param(*c, id=f"{c[0]}-{c[1][2]}") for c in CASES]
)
def test_a_forecast_sheet_is_said_once_and_holds_nothing(tmp_path, sheet, header, said):
    path = _ledger(tmp_path / "prev.xlsx", sheet, header)
    args = ["run", str(path), "--as-of", "07/12/2026", "--dry-run", "--json"]
    doc = json.loads(CliRunner().invoke(app, args).stdout)
    sentence = f"La feuille « {sheet} » (encaissements prévus) n'est pas lue comme des règlements."
    assert doc["warnings"].count(sentence) == (1 if said else 0)
    actions = {i["invoice"]: i["action"] for i in doc["invoices"]}
    assert set(actions) == {"F2026-101", "F2026-102", "F2026-103"}
    assert set(actions.values()) == {"incomplete"}  # a letter each, no creditor configured
    assert not doc["summary"]["not_chased"]


def test_the_planned_invoices_are_chased_and_never_written_paid(tmp_path):
    path = _ledger(tmp_path / "prev.xlsx", "Encaissements prévus", CASES[0][1])
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert {x.client for x in result.letters} == {"Dupont SARL", "Martin SAS", "Bernard EURL"}
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    for number in ("F2026-101", "F2026-102"):
        assert rows[number]["Niveau de relance"] == "Relance 1"
        assert "Réglée" not in str(rows[number].get("Statut relance"))
