"""One sheet per client (review-pubwb7 H7): the client in a « Client : X » title cell above the
header is read (said in the reading's decisions); with no title, sheets that share one header
are each a client, and the office is told, in one sentence, to bring the invoices together.
Each workbook is built by code and read for real (check, run --dry-run)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.errors import RelanceError

D = dt.date
CLIENTS = {"Boulangerie Durand": [("F-101", 1000.0, 0.0), ("F-102", 500.0, 0.0)],
           "Garage Petit": [("F-201", 700.0, 0.0), ("F-202", 300.0, 300.0)]}  # fmt: skip


def _book(path, title, only=None):
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "Synthèse"
    summary.append(["Client", "Solde client"])
    for name, rows in CLIENTS.items():
        if only and name != only:
            continue
        ws = wb.create_sheet(name)
        ws["A1"] = title.format(name) if title else None
        ws.append([])
        ws.append(["N° facture", "Date", "Date d'échéance", "Montant TTC", "Montant réglé"])
        for number, amount, paid in rows:
            ws.append([number, D(2026, 9, 1), D(2026, 9, 30), amount, paid])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("title", "only"),
    [
        pytest.param("Client : {}", "Garage Petit", id="one-sheet-titled"),
        pytest.param("Client :   {}", None, id="sheets-titled"),
        pytest.param("Locataire : {}", "Garage Petit", id="tenant-titled"),
    ],
)
def test_the_title_cell_gives_the_client(tmp_path, title, only):
    ledger = _book(tmp_path / "pc.xlsx", title, only)
    result = relance_xlsx.check(ledger, as_of=D(2026, 12, 7))
    client = "Garage Petit" if only else "Boulangerie Durand"
    assert f"Client : « {client} », lu dans le titre au-dessus des en-têtes" in result.choice
    out = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", "07/12/2026", "--dry-run", "--json"]
    )
    assert out.exit_code == 0, out.output
    invoices = json.loads(out.stdout)["invoices"]
    assert {i["client"] for i in invoices} == {client}
    assert not [p for p in json.loads(out.stdout)["problems"] if p["severity"] == "error"]


def test_sheets_sharing_a_header_without_client_are_said_to_be_clients(tmp_path):
    ledger = _book(tmp_path / "pc.xlsx", None)
    with pytest.raises(RelanceError) as caught:
        relance_xlsx.check(ledger, as_of=D(2026, 12, 7))
    said = str(caught.value)
    assert (
        "chaque feuille semble être un client (Boulangerie Durand, Garage Petit) : réunissez "
        "les factures sur une feuille avec une colonne Client." in said
    )
    assert "[columns]" not in said
