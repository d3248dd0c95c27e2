"""A landlord's rent ledger (« Loyer + charges », « Montant encaissé », « Reste dû »): the rent
is the amount, the payment is deducted once, the balance is what is left (review-pubwb7 H6).
`check --suggest-config` never writes a balance as the amount beside a paid column; a row
whose payment a balance read as the amount would deduct twice is a problem the run counts.
Each ledger is built by code and read for real (check, run --dry-run)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import write_ledger
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app

D = dt.date
# Four rents of 850 €: Q-001 paid, Q-002 unpaid, Q-003 400 € paid (450 € owed), Q-004 unpaid.
PAID = [850.0, 0.0, 400.0, 0.0]
TENANTS = ["M. Paul Martin", "M. Paul Martin", "Mme Léa Roux", "Mme Léa Roux"]


def _rent(tmp_path, client, amount):
    headers = ["Quittance n°", client, "Adresse", "Échéance", *([amount] if amount else []),
               "Montant encaissé", "Reste dû"]  # fmt: skip
    rows = [
        [f"Q-{i:03d}", t, f"{TENANTS.index(t) + 1} rue Y\n31000 Toulouse", D(2026, 9 + i // 2, 5),
         *([850.0] if amount else []), p, 850.0 - p]
        for i, (t, p) in enumerate(zip(TENANTS, PAID, strict=True), 1)
    ]  # fmt: skip  # one address per tenant: two would hold its rents (clientsplaces.py)
    return write_ledger(tmp_path / "loyers.xlsx", rows, headers, sheet="Loyers 2026")


def _run(ledger, *extra):
    out = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", "07/12/2026", "--dry-run", "--json", *extra]
    )
    return out


@pytest.mark.parametrize(
    ("amount", "header"),
    [
        pytest.param("Loyer + charges", "Loyer + charges", id="rent-header-known"),
        # A header the synonyms do not know: the column that is balance + paid on every row.
        pytest.param("Loyer", "Loyer", id="rent-found-as-balance-plus-paid"),
    ],
)
def test_the_rent_is_the_amount_and_the_payment_deducted_once(tmp_path, amount, header):
    out = _run(_rent(tmp_path, "Locataire", amount))
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    owed = {i["invoice"]: i["outstanding"] for i in result["invoices"] if not i["paid"]}
    assert owed == {"Q-002": 850.0, "Q-003": 450.0, "Q-004": 850.0}
    assert sum(owed.values()) == 2150.0
    assert not result["problems"]


def test_without_the_rent_the_balance_is_owed_and_the_payment_not_deducted_again(tmp_path):
    out = _run(_rent(tmp_path, "Locataire", None))
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert sum(i["outstanding"] for i in result["invoices"] if not i["paid"]) == 2150.0
    said = relance_xlsx.check(tmp_path / "loyers.xlsx", as_of=D(2026, 12, 7)).choice
    assert "« Montant encaissé » n'en est pas déduit une seconde fois" in said


def test_a_balance_named_as_the_amount_makes_its_paid_rows_problems(tmp_path):
    ledger = _rent(tmp_path, "Locataire", "Loyer + charges")
    (tmp_path / "r.toml").write_text('[columns]\namount = "Reste dû"\n', encoding="utf-8")
    out = _run(ledger, "--config", str(tmp_path / "r.toml"))
    result = json.loads(out.stdout)
    said = sorted((p["row"], p["message"][:40]) for p in result["problems"])
    assert said == [(2, "le montant réglé dépasse le montant de l"),
                    (4, "« Reste dû » est lu comme le montant de ")]  # fmt: skip
    # Never claimed for a sum the payment was deducted from twice (450 € − 400 €).
    (q3,) = [i for i in result["invoices"] if i["invoice"] == "Q-003"]
    assert q3["action"] == "none" and q3["reason"].startswith("À corriger")


@pytest.mark.parametrize(
    "amount", [pytest.param("Loyer", id="with-rent"), pytest.param(None, id="balance-only")]
)
def test_suggest_config_never_writes_a_balance_as_the_amount(tmp_path, amount):
    # « Occupant » is no client header the synonyms know: check guesses the columns.
    ledger = _rent(tmp_path, "Occupant", amount)
    out = CliRunner().invoke(app, ["check", str(ledger), "--suggest-config"])
    assert out.exit_code == 1
    assert "« Reste dû » est un reste dû, pas le montant de la facture" in out.output
    assert not (tmp_path / "relance.toml").exists()
