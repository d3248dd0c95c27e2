"""The 40 € recovery indemnity is due once per invoice (D441-5), never once per instalment: an
invoice of 1 200 € in three instalments of 400 €, all late, claims 40 €, not 120 €
(review-lawimg H1: « 40,00 € par facture » above 120,00 €, the dossier « pour 3 factures »)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
           "Montant TTC", "Montant échéance", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "10 rue Garibaldi\n69006 Lyon"
B = "2 place Bellecour\n69002 Lyon"


def _instalments(number, client, address, dues, each, total):
    return [[number, client, "professionnel", address, D(2026, 8, 1), due, total, each,
             "Relance 2", D(2026, 11, 20)] for due in dues]  # fmt: skip


THREE = [D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1)]


@pytest.mark.parametrize(
    ("rows", "indemnities"),
    [
        # 400 × 12,15 % × (98 + 68 + 37) / 365, each rounded: 13,05 + 9,05 + 4,93 = 27,03 €.
        pytest.param(_instalments("E-01", "Dupont SARL", A, THREE, 400.0, 1200.0),
                     {"Dupont SARL": (40.0, 1267.03)}, id="three-instalments-one-indemnity"),
        pytest.param(_instalments("E-01", "Dupont SARL", A, THREE[:1], 400.0, 400.0)
                     + _instalments("E-02", "Dupont SARL", A, THREE[1:2], 400.0, 400.0),
                     {"Dupont SARL": (80.0, 800 + 13.05 + 9.05 + 80)}, id="two-invoices-two"),
    ],
)  # fmt: skip
def test_the_indemnity_is_claimed_once_per_invoice(tmp_path, rows, indemnities):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o",
        dry_run=True, invoices_as_json=False,
    )  # fmt: skip
    by_client: dict[str, float] = {}
    for inv in result.invoices:
        by_client[inv.client] = by_client.get(inv.client, 0.0) + inv.indemnity
    got = {x.client: (round(by_client[x.client], 2), round(x.total_due, 2)) for x in result.letters}
    assert got == {c: (i, round(t, 2)) for c, (i, t) in indemnities.items()}


def test_an_invoice_in_instalments_is_one_invoice_in_the_sentence(tmp_path):
    """« la facture n° E-01 ci-dessous demeure impayée », never « impayées » (review-lawimg L1)."""
    rows = _instalments("E-01", "Dupont SARL", A, THREE, 400.0, 1200.0)
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o", pdf=False
    )
    (letter,) = result.letters
    text = " ".join(p.text for p in Document(letter.path).paragraphs).replace("\xa0", " ")
    assert "ci-dessous demeure impayée." in text
