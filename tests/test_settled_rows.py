"""A settled invoice without its client's name is no problem for this week's batch: nothing is
written to that client (BennejiNadim/SprintJava `Factures.xlsx`: 42 « payed » rows, 42
« client manquant »). An invoice still owed, or one whose client a letter may still need (a
thanks after a reminder, a claim of penalties), names the row and column (the user's review).
A table without any invoice to read (drafts only) is left as it is."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook
from typer.testing import CliRunner

from relance_xlsx import run
from relance_xlsx.cli import app

D = dt.date
runner = CliRunner()
HEADERS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Statut",
    "Niveau de relance",
    "Date de relance",
    "Adresse",
]
ADDRESS = "3 rue Oberkampf\n75011 Paris"
OWED = ["F-0", "Durand SA", D(2026, 9, 1), D(2026, 10, 1), 900.0, "Envoyée", None, None, ADDRESS]


def _row(status: str, level: str | None = None, client: str | None = None) -> list:
    return [
        "F-9",
        client,
        D(2026, 9, 2),
        D(2026, 10, 2),
        500.0,
        status,
        level,
        D(2026, 10, 20) if level else None,
        ADDRESS,
    ]


@pytest.mark.parametrize(
    ("row", "claims", "problem"),
    [
        pytest.param(_row("Payée"), "no", False, id="paid"),
        pytest.param(_row("payed"), "no", False, id="paid-english"),
        # Still owed: the letter needs its client.
        pytest.param(_row("Envoyée"), "no", True, id="owed"),
        # Reminded, then paid: this week's thanks is addressed to its client.
        pytest.param(_row("Payée", "Relance 1"), "no", True, id="paid-after-a-reminder"),
        # Penalties of a late payment claimed by letter: the claim names its client.
        pytest.param(_row("Payée"), "letter", True, id="paid-penalties-claimed"),
    ],
)  # fmt: skip
def test_a_settled_row_without_client_is_no_problem(tmp_path, row, claims, problem):
    ledger = write_ledger(tmp_path / "l.xlsx", [OWED, row], HEADERS)
    settings = complete_settings()
    settings = dataclasses.replace(
        settings, policy=dataclasses.replace(settings.policy, claim_after_payment=claims)
    )
    result = run(ledger, settings, as_of=D(2026, 12, 7))
    said = [(p.row, p.column, p.message) for p in result.problems]
    assert ((3, "Client", "client manquant") in said) is problem, said
    assert all(p.row != 2 for p in result.problems)  # the named client's row is fine
    status = load_workbook(ledger).active.cell(3, len(HEADERS) + 1).value
    assert status.startswith("À corriger : client manquant") is problem, status


def test_check_lists_no_problem_on_paid_rows_without_client(tmp_path):
    rows = [
        [f"F-{i}", None, D(2026, 9, i), D(2026, 10, i), 100.0 * i, "payed", None, None, None]
        for i in (1, 2, 3)
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", [*rows, _row("Envoyée")], HEADERS)
    result = runner.invoke(app, ["check", str(ledger), "--json"])
    problems = json.loads(result.stdout)["problems"]
    # Only the row still owed, named by its row and column.
    assert [(p["row"], p["column"], p["message"]) for p in problems] == [
        (5, "Client", "client manquant")
    ]


@pytest.mark.parametrize(
    ("statuses", "untouched"),
    [
        # AnthonyNadjari/scrapping_artisans: two drafts, no invoice; the run added three
        # empty status columns (the user's review, finding 8).
        pytest.param(["brouillon", "brouillon"], True, id="drafts-only"),
        pytest.param(["brouillon", "Payée"], False, id="an-invoice-paid"),
    ],
)
def test_a_table_without_any_invoice_is_left_as_it_is(tmp_path, statuses, untouched):
    rows = [[*_row(s)[:6], None, None, ADDRESS] for s in statuses]
    rows[1][0] = "F-10"
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    before = ledger.read_bytes()
    result = runner.invoke(app, ["run", str(ledger), "--as-of", "2026-12-07"])
    assert result.exit_code == 0, result.output
    assert (ledger.read_bytes() == before) is untouched
    assert (tmp_path / ".relance-sauvegardes").exists() is not untouched


# A per-client statement with nothing owed (review-pubwb2 L13, phenix TRF « Feuil1 »):
# « CREANCE PRINCIPALE » 0, « RECOUVRE ET FACTURE » > 0, no dates, no invoice numbers.
STATEMENT = ["CLIENT", "V/REF", "CREANCE PRINCIPALE", "RECOUVRE ET FACTURE", "Adresse"]
WITH_PAID = [*HEADERS[:5], "Montant réglé", "Adresse"]
OWED_PAID = [*OWED[:5], None, ADDRESS]


def _paid_row(amount: float) -> list:
    return ["F-9", "Martin", D(2026, 9, 2), D(2026, 10, 2), amount, 50.0, ADDRESS]


SETTLED = [
    pytest.param(
        STATEMENT,
        [["COM 2000", None, 0.0, 5540.0, ADDRESS], ["AVIGROS", None, 0.0, 3662.94, ADDRESS]],
        [False, False],
        id="statement-nothing-owed",
    ),
    pytest.param(
        WITH_PAID,
        [OWED_PAID, _paid_row(0.0)],
        [False, False],
        id="paid-on-a-zero-row",
    ),
    # An invoice overpaid stays a row to correct: the amount or the payment is mistyped.
    pytest.param(
        WITH_PAID,
        [OWED_PAID, _paid_row(10.0)],
        [False, True],
        id="overpaid-invoice",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("headers", "rows", "corrected"), SETTLED)
def test_a_row_that_owes_nothing_is_never_to_correct(tmp_path, headers, rows, corrected):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    run(ledger, complete_settings(), as_of=D(2026, 12, 7))
    ws = load_workbook(ledger).active
    column = next(c.column for c in ws[1] if c.value == "Statut relance")
    statuses = [str(ws.cell(r, column).value or "") for r in (2, 3)]
    assert [s.startswith("À corriger") for s in statuses] == corrected, statuses
