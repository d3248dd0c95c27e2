"""Headers matched by meaning: every synonym, CamelCase, snake_case, words in any order."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from relance_xlsx.ledger.columns import ALIASES, match_headers

# Fields that stand for another when it is missing (a client number for the client name,
# what is still owed for the amount).
_STANDS_FOR = {"client_number": "client", "balance": "amount", "payment_status": "status"}
# Aliases that name a field only beside another column: « Ref. facture » alone is the invoice's
# number, beside a « N° facture » the credit note's invoice (test_a_credit_notes_invoice_column).
_BESIDE = {
    ("origin_invoice", "ref facture"): "invoice",
    ("origin_invoice", "reference facture"): "invoice",
    # « Pièce » alone is the invoice number; beside a « N° facture », the document's kind.
    ("doc_type", "piece"): "invoice",
}
# Xero's « ContactName » alone is the customer; beside a « Client » column, the contact person.
_CONTACT_OR_CLIENT = {("contact", "contact name")}


@pytest.mark.parametrize(
    ("field", "alias"),
    [
        pytest.param(field, alias, id=f"{field}:{alias}")
        for field, aliases in ALIASES.items()
        for alias in aliases
    ],
)
def test_every_synonym_names_its_field(field, alias):
    found = match_headers([alias])
    expected = _STANDS_FOR.get(field, field)
    if (field, alias) in _CONTACT_OR_CLIENT:
        assert found == {"client": 0}
        assert match_headers(["Client", alias]) == {"client": 0, field: 1}
        return
    if (field, alias) in _BESIDE:
        assert found == {_BESIDE[field, alias]: 0}
        assert match_headers(["N° facture", alias]).get(field) == 1
        return
    assert found.get(field, found.get(expected)) == 0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param(["CustomerID", "InvoiceID", "InvoiceDate", "DueDate", "AmountDue"],
                     {"client": 0, "client_number": 0, "invoice": 1, "invoice_date": 2, "due_date": 3, "amount": 4}, id="camel-case"),
        pytest.param(["customer_name", "invoice_no", "invoice_date", "due_date", "amount", "amount_paid"],
                     {"client": 0, "invoice": 1, "invoice_date": 2, "due_date": 3, "amount": 4, "paid": 5}, id="snake-case"),
        pytest.param(["Transaction Date", "Invoice #", "Company", "Invoice Total", "Balance"],
                     {"invoice_date": 0, "invoice": 1, "client": 2, "amount": 3, "balance": 4}, id="transaction-date-invoice-hash"),
        pytest.param(["Doc Date", "Account", "Net à payer", "Nº de pièce"],
                     {"invoice_date": 0, "client": 1, "amount": 2, "invoice": 3}, id="doc-date-account-net-a-payer"),
        pytest.param(["Date of Transaction", "Montant de la facture (TTC)", "Nom du client", "Échéance le"],
                     {"invoice_date": 0, "amount": 1, "client": 2, "due_date": 3}, id="words-in-any-order"),
        pytest.param(["N°Facture", "RAISON SOCIALE", "Total TTC", "Reste dû", "Remarques"],
                     {"invoice": 0, "client": 1, "amount": 2, "balance": 3, "remarks": 4}, id="french-upper-case"),
        pytest.param(["N° fact.", "Client", " H.T ", " T.V.A ", " T.T.C ", "Date d'Emission"],
                     {"invoice": 0, "client": 1, "amount_ht": 2, "vat": 3, "amount": 4, "invoice_date": 5}, id="dotted-abbreviations"),
        pytest.param(["Invoice No", "Vendor", "Subtotal (RM)", "Tax (6%)", "Total (RM)"],
                     {"invoice": 0, "supplier": 1, "amount_ht": 2, "vat": 3, "amount": 4}, id="currency-and-rate"),
        # An exact alias beats a match by words: « Invoice Date » is the date, not the number.
        pytest.param(["Invoice Date", "Invoice Number", "Invoice Amount", "Invoice Status"],
                     {"invoice_date": 0, "invoice": 1, "amount": 2, "status": 3}, id="invoice-words-everywhere"),
        pytest.param(["Qty", "Unit Price", "Colour"], {}, id="nothing-known"),
        # A credit note's invoice beside the invoice's own number; a delivery date is the
        # performance (prescription), not the avis de réception of a registered letter.
        pytest.param(["N° facture", "Client", "Montant", "Ref. facture", "Delivery date", "Date AR"],
                     {"invoice": 0, "client": 1, "amount": 2, "origin_invoice": 3, "performance_date": 4, "ar_date": 5}, id="credit-origin-and-delivery"),
        pytest.param(["Procédure collective", "Date du jugement", "Date BODACC", "Mandataire judiciaire"],
                     {"insolvency": 0, "judgment_date": 1, "bodacc_date": 2, "mandataire": 3}, id="proceedings"),
    ],
)  # fmt: skip
def test_headers_by_meaning(headers, expected):
    assert match_headers(headers) == expected


def test_an_override_names_the_header_in_any_spelling():
    assert match_headers(
        ["Réf", "Qui", "Combien"], {"invoice": "réf", "client": "QUI", "amount": "combien"}
    ) == {"invoice": 0, "client": 1, "amount": 2}


# review-pubwb4 M5 — a header naming a rate is never an amount field.
_AMOUNT_FIELDS = {
    "amount",
    "amount_ht",
    "vat",
    "paid",
    "balance",
    "deduction",
    "credit_applied",
    "retention",
    "promise_amount",
}


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(h, id=h)
        for h in [
            "Taux retenue de garantie",
            "Retenue de garantie (%)",
            "Acompte (%)",
            "Acompte versé (%)",
            "Montant réglé (%)",
            "Pourcentage acompte",
            "Taux",
            "%",
        ]
    ],
)
def test_a_rate_header_is_never_an_amount(header):
    mapping = match_headers(["N° facture", "Client", "Échéance", "Montant TTC", header])
    assert mapping["amount"] == 3
    assert not {f for f, pos in mapping.items() if pos == 4} & _AMOUNT_FIELDS


@pytest.mark.parametrize(
    ("header", "field"),
    [
        pytest.param("TVA 20 %", "vat", id="TVA 20 %"),
        pytest.param("Tax (6%)", "vat", id="Tax (6%)"),
        pytest.param("Retenue de garantie", "retention", id="Retenue de garantie"),
        pytest.param("Acompte versé", "deduction", id="Acompte versé"),
    ],
)
def test_a_rate_inside_an_amount_header_keeps_it_an_amount(header, field):
    assert match_headers(["N° facture", "Client", "Montant TTC", header])[field] == 3
