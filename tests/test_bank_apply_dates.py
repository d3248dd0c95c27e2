"""`relance match --apply` on a ledger whose cells keep no payment date (« Amount Paid » and a typed
« Amount Due », no « Date Paid »): every applied credit's date is written where the reader
finds it, so a full payment keeps its late-payment rights (L441-10 interest and the 40 €
indemnity) as a partial one does; the typed balance is brought up to date, a formula never
touched. Each workbook is built by code, applied for real, reopened with openpyxl, then run."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from conftest import ROOT, write_ledger
from statements import Op, credit_mutuel
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app

D = dt.date
HEADERS = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Amount Paid",
           "Amount Due", "Address"]  # fmt: skip


def _ledger(tmp_path, paid_before, balance):
    config = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(config, encoding="utf-8")
    rows = [["INV-001", "Smith Ltd", D(2026, 8, 1), D(2026, 8, 31), 1200.0, paid_before,
             balance, "1 rue A\n69002 Lyon"]]  # fmt: skip
    return write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS, sheet="Sales Ledger")


def _apply(tmp_path, ledger, amount):
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 12, 2), amount, "VIR SEPA SMITH LTD", "INVOICE INV-001", ""),
    ])  # fmt: skip
    result = relance_xlsx.match(ledger, [statement], as_of=D(2026, 12, 7), apply=True)
    assert result.applied == 1
    return result


def _late(ledger):
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "07/12/2026", "--dry-run",
                                   "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    (invoice,) = result["invoices"]
    return invoice, result["paid_late"]


@pytest.mark.parametrize(
    ("paid_before", "credit"),
    [
        pytest.param(0.0, 1200.0, id="paid-in-full-at-once"),
        pytest.param(300.0, 900.0, id="completing-an-undated-part-payment"),
    ],
)
def test_every_applied_credit_keeps_its_date(tmp_path, paid_before, credit):
    ledger = _ledger(tmp_path, paid_before, round(1200.0 - paid_before, 2))
    result = _apply(tmp_path, ledger, credit)
    sheet = [list(r[:3]) for r in openpyxl.load_workbook(ledger)["Règlements"].iter_rows(
        min_row=2, values_only=True)]  # fmt: skip
    assert ["INV-001", dt.datetime(2026, 12, 2), credit] in sheet
    # The apply sentence says what was written where: amounts in the column, dates in the sheet.
    assert result.target.startswith("colonne(s) « Amount Paid »")
    assert "(montants, sans date)" in result.target
    assert "feuille « Règlements » (" in result.target
    invoice, late = _late(ledger)
    assert invoice["outstanding"] == 0.0
    # Paid 93 days late: the same rights whether the invoice was part paid before or not
    # (an undated earlier payment lowers the base from the start).
    assert invoice["interest_periods"][-1]["end"] == "2026-12-02"
    assert invoice["interest"] > 0
    assert [(c["client"], c["indemnity"]) for c in late] == [("Smith Ltd", 40.0)]


@pytest.mark.parametrize(
    ("balance", "credit", "written", "said"),
    [
        pytest.param(1200.0, 1200.0, 0.0, None, id="typed-full"),
        pytest.param(1200.0, 500.0, 700.0, None, id="typed-partial"),
        pytest.param("=E2-F2", 500.0, "=E2-F2", None, id="formula-never-touched"),
        pytest.param(None, 500.0, None,
                     "Colonne « Amount Due » non mise à jour : ligne(s) 2 sans montant lisible ; "
                     "corrigez-la à la main (le montant réglé est écrit).", id="blank-said"),
    ],
)  # fmt: skip
def test_the_typed_balance_column_follows_the_payment(tmp_path, balance, credit, written, said):
    ledger = _ledger(tmp_path, 0.0, balance)
    result = _apply(tmp_path, ledger, credit)
    row = [c.value for c in openpyxl.load_workbook(ledger)["Sales Ledger"][2]]
    assert row[5:7] == [credit, written]
    assert [w for w in result.warnings if "non mise à jour" in w] == ([said] if said else [])
    assert ("« Amount Due »" in result.target) == isinstance(written, float)


def _totals_ledger(tmp_path, formulas):
    """INV-001, INV-002, a « Subtotal » row, INV-003, a « TOTAL » row: typed or formulas."""
    config = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(config, encoding="utf-8")

    def total(label, first, last, typed):
        cells = [f"=SUM({c}{first}:{c}{last})" for c in "EFG"] if formulas else typed
        return [label, None, None, None, *cells, None]

    due, lyon = D(2026, 8, 31), "\n69002 Lyon"
    rows = [
        ["INV-001", "Smith Ltd", D(2026, 8, 1), due, 1200.0, 0.0, 1200.0, "1 rue A" + lyon],
        ["INV-002", "Jones SARL", D(2026, 8, 1), due, 800.0, 0.0, 800.0, "2 rue B" + lyon],
        total("Subtotal Q3", 2, 3, [2000.0, 0.0, 2000.0]),
        ["INV-003", "Martin SARL", D(2026, 8, 1), due, 500.0, 0.0, 500.0, "3 rue C" + lyon],
        total("TOTAL", 2, 5, [2500.0, 0.0, 2500.0]),
    ]  # fmt: skip
    return write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS, sheet="Sales Ledger")


@pytest.mark.parametrize(
    ("formulas", "paid", "cells"),
    [
        pytest.param(False, ("INV-001", "SMITH LTD", 1200.0), "F4, G4, F6, G6", id="typed-both"),
        pytest.param(False, ("INV-003", "MARTIN SARL", 500.0), "F6, G6", id="typed-total-only"),
        pytest.param(True, ("INV-001", "SMITH LTD", 1200.0), None, id="formulas-said-nothing"),
    ],
)  # fmt: skip
def test_typed_totals_rows_left_stale_are_named(tmp_path, formulas, paid, cells):
    """review-pubwb7 M2: the typed « Subtotal » / « TOTAL » rows under a payment written still
    add up the old figures; the apply names their cells (a formula is recomputed by Excel)."""
    ledger = _totals_ledger(tmp_path, formulas)
    invoice, payer, amount = paid
    statement = credit_mutuel(tmp_path / "r.csv", [
        Op(D(2026, 12, 2), amount, f"VIR SEPA {payer}", f"INVOICE {invoice}", ""),
    ])  # fmt: skip
    result = relance_xlsx.match(ledger, [statement], as_of=D(2026, 12, 7), apply=True)
    assert result.applied == 1
    said = [w for w in result.warnings if w.startswith("Lignes de total")]
    assert said == (
        [
            f"Lignes de total non mises à jour : {cells} sont des montants tapés (pas des "
            "formules) et comptent encore les montants d'avant ces règlements ; corrigez-les à "
            "la main ou remplacez-les par une formule (=SOMME(…))."
        ]
        if cells
        else []
    )
