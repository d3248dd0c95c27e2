"""Statuses that say paid beside a remainder, a share, a day to come, a zero or negative
figure, a cross or a negation are never « Réglée » (review-attack-6 §1 and §13)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings
from openpyxl import Workbook, load_workbook

from relance_xlsx import run

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Date facture", "Client", "Adresse", "Montant TTC", "Échéance", "Statut"]

# (status of a 1 000 € invoice, what is owed: a figure, or "held")
STATUSES = [
    ("payé 300 € - reste 700 €", 700.0),
    ("reste 700 € (payé 300 €)", 700.0),
    ("payé 300€ ; reste 700 €", 700.0),
    ("Payé 300 € / 1000 €", 700.0),
    ("Réglé 1/2", 500.0),
    ("Payé la moitié", 500.0),
    ("Non payé 300 €", 1000.0),
    ("Payé — rejeté", 1000.0),
    ("Payé 3 x 100 €", "held"),
    ("Presque payé", "held"),
    ("Payé 0 €", "held"),
    ("Payé -300 €", "held"),
    ("Payé demain", "held"),
    ("Payé (promis)", "held"),
    ("PAYÉ ✗", "held"),
    ("Payé ❌", "held"),
    ("Payé puis remboursé", "held"),
    ("Réglé par chèque volé", "held"),
    ("Soldé (erreur)", "held"),
    ("Payé sur autre facture", "held"),
    ("Payé (LCR non échue)", "held"),
    ("Payé par chèque post-daté", "held"),
    # a paid word followed by words the reader does not understand
    ("Payé - voir avec Paul", "held"),
    ("Réglé hors délai contractuel convenu", "held"),
    ("Payé sous réserve d'encaissement", "held"),
    # still paid in full
    ("Payée", 0.0),
    ("Réglé 1000 €", 0.0),
    ("Réglé par LC ATTIJARI le 15/10/2026", 0.0),
    ("Réglée en totalité par chèque n° 1234", 0.0),
    ("Payé par virement le 12/10", 0.0),
    ("Payé, TVA 20%", 0.0),
    ("Payé en double – remboursé le 15/04/2026", 0.0),
    # the tool's own words, copied into « Statut »
    ("Réglée : le règlement sera accusé dans le prochain courrier", 0.0),
    ("Réglée après l'échéance : pénalités à réclamer dans le prochain courrier de relance", 0.0),
]


def _ledger(tmp_path, status):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    ws.append(["F1", D(2026, 6, 1), "Alpha SARL", "1 rue X\n69002 Lyon", 1000.0, D(2026, 9, 1),
               status])  # fmt: skip
    ws.append(["F2", D(2026, 6, 1), "Beta SARL", "2 rue Y\n69002 Lyon", 800.0, D(2026, 9, 1),
               None])  # fmt: skip
    path = tmp_path / "l.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(("status", "owed"), STATUSES, ids=[s for s, _ in STATUSES])
def test_a_status_not_fully_paid_is_never_settled(tmp_path, status, owed):
    path = _ledger(tmp_path, status)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    invoice = next(d for d in result.invoices if d.invoice == "F1")
    rows = {r[0]: r for r in load_workbook(path)["Factures"].iter_rows(values_only=True)}
    written = " ".join(str(v) for v in rows["F1"][len(HEADERS) :] if v)
    assert ("Réglée" in written) is (owed == 0.0), written
    if owed == "held":
        assert invoice.action != "letter"
        assert any("statut de règlement incomplet" in p.message for p in result.problems)
    else:
        assert invoice.outstanding == owed


# An overpayment (review-attack-6 §16): no payment of the figure it names, held, said so.
OVERPAID = [
    "Payé 300 € en trop",
    "300 € en trop",
    "Trop-perçu 300 €",
    "Réglé 1 300 € (300 € de trop)",
]


@pytest.mark.parametrize("status", OVERPAID, ids=OVERPAID)
def test_an_overpayment_status_is_held_and_said(tmp_path, status):
    path = _ledger(tmp_path, status)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    invoice = next(d for d in result.invoices if d.invoice == "F1")
    assert invoice.action != "letter"
    assert invoice.outstanding == 1000.0  # never 700 € « paid 300 € »
    [said] = [p for p in result.problems if p.column == "Statut"]
    assert said.message.startswith("règlement en trop (trop-perçu) d'après le statut"), said
    assert (said.column, said.value) == ("Statut", status)
