"""The new user's review, finding 8: sentences that named the wrong thing. A dispute in the
status column is no « remarque »; the creditor's missing settings are filled in relance.toml
on the command line (not only in the page's « réglages »); a client column of codes is refused
for the reason the reader gives it elsewhere (« des codes plutôt que des noms »)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import write_ledger
from typer.testing import CliRunner

from relance_xlsx.cli import app

D = dt.date
runner = CliRunner()
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ADDRESS = "3 rue Oberkampf\n75011 Paris"


def _rows(n: int = 3) -> list[list]:
    return [
        [f"F-{i}", f"Client {i}", D(2026, 9, i), D(2026, 10, i), 100.0 * i, ADDRESS]
        for i in range(1, n + 1)
    ]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        pytest.param(
            "Statut", "litige écrit dans le statut : facture mise en attente", id="status"
        ),
        pytest.param(
            "Remarques", "litige écrit en remarque : facture mise en attente", id="remark"
        ),
    ],
)
def test_a_dispute_is_said_where_it_was_written(tmp_path, header, said):
    rows = [[*r, "payée" if header == "Statut" else ""] for r in _rows()]
    rows[1][-1] = "En litige"
    ledger = write_ledger(tmp_path / "l.xlsx", rows, [*HEADERS, header])
    problems = json.loads(runner.invoke(app, ["check", str(ledger), "--json"]).stdout)["problems"]
    assert [(p["row"], p["column"], p["message"]) for p in problems] == [(3, header, said)]


def test_the_creditor_s_settings_are_said_where_the_command_line_fills_them(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", _rows(), HEADERS)
    args = ["run", str(ledger), "--as-of", "2026-12-07", "--dry-run", "--json"]
    warnings = json.loads(runner.invoke(app, args).stdout)["warnings"]
    said = next(w for w in warnings if w.startswith("Vos coordonnées sont incomplètes"))
    assert "à remplir dans la section [creditor] de relance.toml, que « relance init » crée" in said
    assert "ou dans les réglages de « relance ui »" in said


def test_a_column_of_codes_is_refused_as_codes_not_as_no_names(tmp_path):
    # cmaabhijith21-lang/receivables collections.xlsx: payments, the client as codes.
    headers = ["CustomerID", "InvoiceId", "PaymentDate", "Collection"]
    rows = [[f"CUST{i:02}", f"INV{i:04}", f"2024-11-{i:02}", 1000 * i] for i in range(1, 9)]
    ledger = write_ledger(tmp_path / "collections.xlsx", rows, headers)
    result = runner.invoke(app, ["check", str(ledger)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert (
        "« CustomerID » n'est pas retenue pour le client : elle contient des codes plutôt que "
        "des noms, jamais devinés pour le client" in " ".join(result.output.split())
    )
