"""A sales receipts book (a shop's « livre de recettes »: « Moyen de paiement » card, PayPal,
Stripe, cash) lists sales paid when they were made (review-pubwb8 H6): each such row is held
with a warning naming its row, column and value, never chased; a transfer or a cheque says
nothing of a payment and leaves the invoice chased."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 8)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]

METHODS = [
    *[pytest.param(h, v, "hold", id=f"{h}-{v}") for h, v in (
        ("Moyen de paiement", "card"), ("Moyen de paiement", "paypal"), ("Moyen de paiement", "Stripe"),
        ("Mode de paiement", "CB"), ("Mode de règlement", "Carte bancaire"), ("Payment method", "Cash"),
        ("Mode de paiement", "Espèces"),
    )],
    *[pytest.param(h, v, "letter", id=f"{h}-{v}") for h, v in (
        ("Mode de règlement", "Virement"), ("Mode de paiement", "Chèque"), ("Moyen de paiement", "Prélèvement"),
    )],
]  # fmt: skip


@pytest.mark.parametrize(("header", "method", "action"), METHODS)
def test_a_sale_paid_at_once_is_held_never_chased(tmp_path, header, method, action):
    """A receipts book: no due date, no payment terms."""
    rows = [
        ["F-1", "Beta SAS", D(2026, 9, 1), 120.0, ADDRESS, None],
        ["F-2", "Beta SAS", D(2026, 9, 5), 58.9, ADDRESS, method],
    ]
    headers = [h for h in HEADERS if h != "Échéance"]
    path = write_ledger(tmp_path / "ledger.xlsx", rows, [*headers, header])
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    by = {i.invoice: i for i in result.invoices}
    assert by["F-1"].action == "letter"
    assert by["F-2"].action == action, by["F-2"]
    if action == "hold":
        assert not by["F-2"].paid
        [said] = [p for p in result.problems if p.row == by["F-2"].row and p.column == header]
        assert said.value == method and "payée à la vente" in said.message


# On an invoice ledger (a due date, payment terms), « Mode de règlement » = CB is the agreed
# way to pay, not a payment: the invoice is chased, more so beside « En retard » (review-pubre H5).
AGREED = [
    pytest.param(h, v, status, extra, id=f"{h}-{v}-{status}-{extra}")
    for h, v in (("Mode de règlement", "CB"), ("Mode de règlement", "Carte"), ("Mode de règlement", "Espèces"),
                 ("Mode de paiement", "TPE"), ("Mode de règlement", "Virement ou CB"),
                 ("Moyen de paiement", "Carte bancaire à réception"))
    for status, extra in ((None, "Échéance"), ("En retard", "Échéance"), ("Non payée", "Échéance"),
                          ("En retard", "Conditions de paiement"))
]  # fmt: skip


@pytest.mark.parametrize(("header", "method", "status", "extra"), AGREED)
def test_an_invoices_agreed_way_to_pay_is_no_payment(tmp_path, header, method, status, extra):
    later = D(2026, 10, 5) if extra == "Échéance" else "30 jours"
    rows = [
        ["F-1", "Beta SAS", D(2026, 9, 1), later, 120.0, ADDRESS, None, status],
        ["F-2", "Beta SAS", D(2026, 9, 5), later, 58.9, ADDRESS, method, status],
    ]
    heads = [
        "N° facture",
        "Client",
        "Date facture",
        extra,
        "Montant TTC",
        "Adresse",
        header,
        "Statut",
    ]
    path = write_ledger(tmp_path / "ledger.xlsx", rows, heads)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    by = {i.invoice: i for i in result.invoices}
    assert by["F-2"].action == "letter" and by["F-2"].outstanding == 58.9, by["F-2"]
    assert not any("payée à la vente" in p.message for p in result.problems), result.problems


def test_a_shops_receipts_book_gets_no_letter(tmp_path):
    """The « livre-recettes » export of a shop: every sale paid by card or PayPal, none chased."""
    headers = ["Date de vente", "Numéro de facture", "Client", "Email", "Montant HT (€)", "Réduction (€)", "TVA (€)",
               "Frais de port (€)", "Montant TTC (€)", "Moyen de paiement", "Statut", "Adresse"]  # fmt: skip
    rows = [
        [
            D(2026, 9, 14),
            "SYN-2026-0041",
            "Claire Petit",
            "c@example.org",
            50,
            5,
            9,
            4.9,
            58.9,
            "card",
            "Finalisée",
            ADDRESS,
        ],
        [
            D(2026, 9, 30),
            "SYN-2026-0042",
            "Marc Durand",
            "m@example.org",
            120,
            0,
            24,
            0,
            144,
            "card",
            "Finalisée",
            ADDRESS,
        ],
        [
            D(2026, 10, 8),
            "SYN-2026-0043",
            "Julie Bernard",
            "j@example.org",
            80,
            8,
            14.4,
            4.9,
            91.3,
            "paypal",
            "Finalisée",
            ADDRESS,
        ],
        [
            D(2026, 10, 20),
            "SYN-2026-0044",
            "Paul Martin",
            "p@example.org",
            35,
            0,
            7,
            4.9,
            46.9,
            "card",
            "En attente",
            ADDRESS,
        ],
    ]
    path = write_ledger(tmp_path / "recettes.xlsx", rows, headers, sheet="livre-recettes-2026")
    settings = replace(complete_settings(), columns={"invoice_date": "Date de vente"})
    result = relance_xlsx.run(path, settings, as_of=AS_OF, dry_run=True)
    assert result.letters == [] and result.to_complete == []
    assert {i.action for i in result.invoices} == {"hold"}
    assert not any(i.paid for i in result.invoices)


_BOOK = ["Numéro de facture", "Client", "Montant TTC (€)", "Moyen de paiement", "Statut"]
_SALES = [[D(2026, 9, 14), "SYN-2026-0041", "Claire Petit", 58.9, "card", "Finalisée"],
          [D(2026, 9, 30), "SYN-2026-0042", "Marc Durand", 144, "paypal", "Finalisée"]]  # fmt: skip


def test_a_receipts_book_with_no_date_read_is_refused_in_one_sentence(tmp_path):
    """Before any [columns] line, the sheet named « livre-recettes » with a payment method and
    no date read is refused as payments received, not invoices to chase."""
    headers = ["Jour de la vente", *_BOOK]
    path = write_ledger(tmp_path / "recettes.xlsx", _SALES, headers, sheet="livre-recettes-2026")
    with pytest.raises(LedgerError) as refused:
        read_ledger(path, Settings(), as_of=AS_OF)
    assert "feuille « livre-recettes-2026 », colonne « Moyen de paiement »" in str(refused.value)


def test_a_receipts_book_whose_sale_date_is_read_holds_every_sale(tmp_path):
    """« Date de vente » is read as the invoice's date (review-pubwb8 M2): the book is read, and
    every sale paid at once is held, none chased."""
    headers = ["Date de vente", *_BOOK]
    path = write_ledger(tmp_path / "recettes.xlsx", _SALES, headers, sheet="livre-recettes-2026")
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    assert result.letters == [] and result.to_complete == []
    assert [i.action for i in result.invoices] == ["hold", "hold"]
