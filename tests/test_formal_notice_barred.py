"""The statement of account annexed to a mise en demeure lists what is claimable only: a
time-barred invoice is neither on it nor in its balance (the lawyer's rare cases, M1; Code de
commerce L110-4, Code de la consommation L218-2; a consumer's prescribed debt presented as
owed is a misleading practice, Code de la consommation L121-2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rare_ledgers import run_texts
from test_litigation_barred import GAMMA, KAPPA


@pytest.mark.parametrize(
    ("rows", "client", "balance", "barred"),
    [
        pytest.param(KAPPA, "Kappa SARL", "Solde du compte : 500,00 €", "Q1", id="business"),
        pytest.param(GAMMA, "M. Paul Gamma", "Solde du compte : 200,00 €", "C1", id="consumer"),
    ],
)
def test_the_annexed_statement_leaves_a_barred_invoice_out(
    tmp_path: Path, rows: list, client: str, balance: str, barred: str
) -> None:
    _, texts = run_texts(tmp_path, rows)
    letter = texts[f"2026-12-07 Mise en demeure - {client}.docx"]
    annex = letter.split("Relevé de compte")[1]
    assert balance in annex
    assert f"Facture {barred}" not in annex
    assert barred not in letter.split()
