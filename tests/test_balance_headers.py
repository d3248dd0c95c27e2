"""What is left to pay, as French software and trackers name it: « Reste à régler » (EBP,
Sage), « Reste à encaisser » (Dolibarr), « Solde ouvert » (QuickBooks), Odoo's « Montant dû
signé », a known balance header followed by « TTC », « signé » or « (EUR) » (review-pubwb5
H1, H5). A paid invoice is never chased, a part-paid one only for what is left."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.columns import match_headers

D = dt.date
BALANCES = [
    "Reste à régler", "Reste à encaisser", "Reste à percevoir", "Restant à payer",
    "Solde à régler", "Reste dû TTC", "Non réglé", "Solde ouvert", "Montant dû signé",
    "Solde dû (EUR)", "Reste à payer TTC", "Montant restant à payer", "Solde dû signé",
    "Reste à régler (EUR)", "Restant dû TTC", "Reste à solder",
]  # fmt: skip


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in BALANCES])
def test_a_balance_header_is_what_is_left_to_pay(tmp_path, header):
    wb = Workbook()
    ws = wb.active
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Montant", header])
    for number, amount, left in (("F-100", 1200, 0), ("F-101", 850, 550), ("F-102", 430, 430)):
        ws.append([number, "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), amount, left])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert frame["outstanding"].to_dict() == {"F-100": 0.0, "F-101": 550.0, "F-102": 430.0}
    assert frame["amount"].to_dict() == {"F-100": 1200.0, "F-101": 850.0, "F-102": 430.0}


# A qualifier never makes a balance of what is not one; the invoice's own amount keeps its name.
@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param(["Numéro", "Client", "Taxes non incluses signé", "Total signé", "Montant dû signé"],
                     {"invoice": 0, "client": 1, "amount": 3, "balance": 4}, id="odoo-signed"),
        pytest.param(["N° facture", "Client", "Montant", "Solde ouvert"],
                     {"invoice": 0, "client": 1, "amount": 2, "balance": 3}, id="quickbooks-open-balance"),
        pytest.param(["N° facture", "Client", "Montant TTC", "Déjà réglé", "Reste à encaisser"],
                     {"invoice": 0, "client": 1, "amount": 2, "paid": 3, "balance": 4}, id="dolibarr"),
        pytest.param(["N° facture", "Client", "Montant réglé TTC", "Total TTC"],
                     {"invoice": 0, "client": 1, "paid": 2, "amount": 3}, id="paid-ttc"),
    ],
)  # fmt: skip
def test_a_qualified_header_keeps_its_meaning(headers, expected):
    found = match_headers(headers)
    assert {k: v for k, v in found.items() if k in expected} == expected


# Odoo 17's invoice list (French UI): « Statut » is the posting state, « Statut du paiement »
# the payment state, « Montant dû signé » what is left (review-pubwb5 H5). (Its « Référence »,
# blank on invoices, is left out: the invoice number's guess is another matter.)
ODOO = [
    # (number, total, due, payment state, outstanding, waiting)
    ("FAC/2026/00101", 1200, 1200, "Non payées", 1200.0, False),
    ("FAC/2026/00102", 850, 0, "En paiement", 0.0, True),
    ("FAC/2026/00104", 600, 250, "Partiellement payé", 250.0, False),
    ("FAC/2026/00106", 300, 0, "Payé", 0.0, False),
    ("FAC/2026/00107", 700, 700, "Non payé", 700.0, False),
]


def test_an_odoo_invoice_list_claims_what_is_due(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Numéro", "Client", "Date de facturation", "Date d'échéance",
               "Taxes non incluses signé", "Total signé", "Montant dû signé",
               "Statut du paiement", "Statut"])  # fmt: skip
    for number, total, due, state, _, _ in ODOO:
        ws.append([number, "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), total / 1.2,
                   total, due, state, "Comptabilisé"])  # fmt: skip
    wb.save(tmp_path / "odoo.xlsx")
    ledger = read_ledger(tmp_path / "odoo.xlsx", Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert frame["outstanding"].to_dict() == {n: o for n, *_, o, _ in ODOO}
    assert frame["wait_reason"].notna().to_dict() == {n: w for n, *_, w in ODOO}
    assert frame["amount"]["FAC/2026/00104"] == 600.0
    said = " ".join(d.what for d in ledger.decisions)
    assert "statut non reconnu" not in said


# A header the synonyms do not know, over a column shaped like a balance (0 on some rows, the
# whole amount on others, never above it): a warning names it and the [columns] line; a count
# of days, fees or a VAT never get it.
@pytest.mark.parametrize(
    ("header", "values", "warned"),
    [
        # (« Encours » is now read as the balance: tests/test_open_amounts.py.)
        pytest.param("Reliquat", [0, 550, 430], True, id="reliquat"),
        pytest.param("Dû client", [0, 850, 430], True, id="du-client"),
        pytest.param("Jours de retard", [35, 0, 12], False, id="days"),
        pytest.param("Frais", [0, 0, 10], False, id="fees"),
        pytest.param("Remise", [0, 0, 0], False, id="all-zero"),
        pytest.param("Code", [0, 850, 2000], False, id="above-the-amount"),
    ],
)
def test_an_unread_column_shaped_like_a_balance_is_warned(tmp_path, header, values, warned):
    wb = Workbook()
    ws = wb.active
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Montant", header])
    for number, amount, left in zip(
        ("F-100", "F-101", "F-102"), (1200, 850, 430), values, strict=True
    ):
        ws.append([number, "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), amount, left])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    said = [w for w in ledger.warnings if f'balance = "{header}"' in w]
    assert bool(said) == warned
    assert ledger.frame["outstanding"].tolist() == [1200.0, 850.0, 430.0]  # a warning, no more
