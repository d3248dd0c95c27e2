"""`report`'s « Pénalités de retard dues » and « Indemnités forfaitaires dues » count the
penalties of invoices paid late that their status says « restent dues », and « À appeler »
gives a client's total net of its credit notes, as the aged balance does (review-lawhand,
findings 7 and 8)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance", "Facture d'origine"]  # fmt: skip
# X1: 2 000 € due 15/05, 800 € paid 10/06: 17,31 + 7,99 + 63,91 = 89,21 € + 40 €.
# B1: 1 000 € due 31/03, paid 600 € on 31/05 and 400 € on 31/08: 20,31 + 12,25 = 32,56 € + 40 €.
# G2: AV1 −800 € settles G1 (500 €), its 300 € left set off against G2 on 10/09 (Code civil
# 1347 al. 2, review-lawhand 2): 1 500 € × 5 d (05/09–09/09) = 2,50 € + 1 200 € × 89 d = 35,55 €
# = 38,05 € + 40 €. Due: 89,21 + 32,56 + 38,05 = 159,82 € of penalties and 3 × 40 = 120 €.
ROWS = [
    ["B1", "Bi SAS", "professionnel", D(2026, 3, 1), D(2026, 3, 31), 1000.0, 1000.0, D(2026, 8, 31), ADDRESS, None, None, None],
    ["X1", "Cross SARL", "professionnel", D(2026, 4, 15), D(2026, 5, 15), 2000.0, 800.0, D(2026, 6, 10), ADDRESS, 2, D(2026, 11, 20), None],
    ["G1", "Gamma SARL", "professionnel", D(2026, 8, 1), D(2026, 8, 31), 500.0, None, None, ADDRESS, 2, D(2026, 11, 20), None],
    ["G2", "Gamma SARL", "professionnel", D(2026, 8, 5), D(2026, 9, 4), 1500.0, None, None, ADDRESS, 2, D(2026, 11, 20), None],
    ["AV1", "Gamma SARL", "professionnel", D(2026, 9, 10), D(2026, 9, 10), -800.0, None, None, ADDRESS, None, None, "G1"],
]  # fmt: skip


def _payments(wb):
    ws = wb.create_sheet("Règlements")
    ws.append(["N° facture", "Date règlement", "Montant réglé", "Référence bancaire"])
    ws.append(["B1", D(2026, 5, 31), 600.0, "VIR 1"])
    ws.append(["B1", D(2026, 8, 31), 400.0, "VIR 2"])


def test_the_report_counts_what_the_statuses_say_is_due(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", ROWS, HEADERS, extra=_payments)
    figures = relance_xlsx.report(
        ledger, complete_settings(), as_of=D(2026, 12, 7), write=False
    ).figures
    assert (figures.indicators.interest_due, figures.indicators.indemnities_due) == (159.82, 120.0)
    aged = {r.client: r.total for r in figures.aging}
    calls = {c.client: c.total_due for c in figures.calls}
    assert calls["Gamma SARL"] == aged["Gamma SARL"] == 1200.0
    assert calls["Cross SARL"] == aged["Cross SARL"] == 1200.0
