"""A public buyer reminded before its legal due date: the run's warning cites the Code de la
commande publique (L2192-13), not the Code de commerce's L441-10 (review-lawnew2, 9)."""

from __future__ import annotations

import datetime as dt

from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Date de réception"]  # fmt: skip


def test_a_public_buyers_early_reminder_cites_the_public_procurement_code(tmp_path):
    rows = [
        # Received 10/09/2026: a hospital's 50 days end on 30/10/2026; reminded on 15/10.
        ["F3", "Centre hospitalier de Vienne", "Centre hospitalier", D(2026, 9, 1), None,
         1000.0, "Montée du Dr Chapuis\n38200 Vienne", 1, D(2026, 10, 15), D(2026, 9, 10)],
        ["F1", "Alpha SARL", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 1000.0,
         "10 rue Garibaldi\n69006 Lyon", 1, D(2026, 9, 25), None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False
    )
    [public] = [w for w in result.warnings if "facture F3" in w]
    assert "L2192-13" in public and "L441-10" not in public
    [business] = [w for w in result.warnings if "facture F1" in w]
    assert "L441-10 II" in business
