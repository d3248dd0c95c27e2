"""The states of accounting exports read for what they mean (review-pubwb8 H4, H7, M6): Xero's
« SUBMITTED » (awaiting approval) and a « Sent » column saying « Not Sent » are never chased,
« AUTHORISED » is the normal open state (no warning); a « Customer Payment » / « Overpayment »
row is money received, never an invoice to chase, signed or not; Odoo's « Historique de
facturation de l'application » is held with a question."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 8)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
UNKNOWN = "statut non reconnu"


def _run(tmp_path, headers, second):
    """A ledger of F-1 (open, late) and a second row F-2 with the columns given."""
    base = ["Beta SAS", D(2026, 9, 1), D(2026, 10, 1), ADDRESS]
    rows = [["F-1", *base, 600.0, *[None] * (len(headers) - 6)], ["F-2", *base, *second]]
    heads = ["N° facture", "Client", "Date facture", "Échéance", "Adresse", *headers]
    path = write_ledger(tmp_path / "ledger.xlsx", rows, heads)
    return relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)


def _action(result, number):
    found = [i for i in result.invoices if i.invoice == number]
    return found[0] if found else None


STATES = [
    # Xero's Status: SUBMITTED is awaiting approval, not issued
    pytest.param(["Montant TTC", "Status"], [600.0, "SUBMITTED"], "skipped", id="xero-submitted"),
    pytest.param(["Montant TTC", "Status"], [600.0, "Awaiting approval"], "skipped", id="awaiting-approval"),
    pytest.param(["Montant TTC", "Statut"], [600.0, "À valider"], "skipped", id="a-valider"),
    pytest.param(["Montant TTC", "Status"], [600.0, "AUTHORISED"], "letter", id="xero-authorised"),
    pytest.param(["Montant TTC", "Status"], [600.0, "Awaiting payment"], "letter", id="awaiting-payment"),
    pytest.param(["Montant TTC", "Statut"], [600.0, "En attente de validation"], "skipped", id="en-attente-de-validation"),
    # a « Sent » column alone: held with a warning naming the cell, never dropped as a draft
    pytest.param(["Montant TTC", "Sent"], [600.0, "Not Sent"], "held-sent", id="not-sent"),
    pytest.param(["Montant TTC", "Envoyée"], [600.0, "Non envoyée"], "held-sent", id="non-envoyee"),
    pytest.param(["Montant TTC", "Envoyée"], [600.0, "Non"], "held-sent", id="envoyee-non"),
    pytest.param(["Montant TTC", "Sent"], [600.0, "Sent"], "letter", id="sent"),
    # Xero marks « Sent » only what Xero sent: AUTHORISED says issued, chased (review-pubre H4)
    pytest.param(["Montant TTC", "Status", "Sent"], [600.0, "AUTHORISED", "Not Sent"], "letter", id="authorised-not-sent"),
    pytest.param(["Montant TTC", "Status", "Sent"], [600.0, "Awaiting payment", "Not Sent"], "letter", id="awaiting-payment-not-sent"),
    pytest.param(["Montant TTC", "Status", "Sent"], [600.0, "DRAFT", "Not Sent"], "skipped", id="draft-not-sent"),
    pytest.param(["Montant TTC", "Status", "Sent"], [600.0, "PAID", "Not Sent"], "skipped", id="paid-not-sent"),
    # a payment received in the Type column: a credit, signed or not
    pytest.param(["Montant TTC", "Type"], [300.0, "Customer Payment"], "credit", id="customer-payment"),
    pytest.param(["Montant TTC", "Type"], [-300.0, "Customer Payment"], "credit", id="customer-payment-signed"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Payment"], "credit", id="payment"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Paiement"], "credit", id="paiement"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Unapplied payment"], "credit", id="unapplied"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Overpayment"], "credit", id="overpayment"),
    # money received under other names (review-pubre H6)
    *[pytest.param(["Montant TTC", "Type"], [300.0, kind], "credit", id=kind) for kind in (
        "Avance client", "Receipt", "Unapplied cash", "Virement reçu", "Chèque reçu", "Customer deposit",
        "Cash receipt",
    )],
    # Odoo's legacy payment state: held with a question
    pytest.param(
        ["Montant TTC", "État du paiement"],
        [600.0, "Historique de facturation de l'application"],
        "held",
        id="odoo-legacy",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("headers", "second", "outcome"), STATES)
def test_an_export_state_is_read_for_what_it_means(tmp_path, headers, second, outcome):
    result = _run(tmp_path, headers, second)
    first, row = _action(result, "F-1"), _action(result, "F-2")
    if outcome == "credit":
        # the money received is deducted from F-1, never chased as an invoice
        assert row is None or row.action not in ("letter", "notice"), row
        assert first is not None and first.outstanding == 300.0, first
        return
    assert first is not None and first.action == "letter"
    if outcome == "skipped":
        assert row is None or row.action not in ("letter", "notice"), row
        assert row is None or row.outstanding == 0 or not row.paid
    elif outcome == "held-sent":
        assert row is not None and row.action == "hold" and not row.paid, row
        said = [p for p in result.problems if p.row == row.row]
        assert any(
            p.column == headers[-1] and p.value == second[-1] and "non envoyée" in p.message
            for p in said
        ), said
    elif outcome == "held":
        assert row is not None and row.action != "letter" and not row.paid, row
        said = [p.message for p in result.problems if p.row == row.row]
        assert any("est-elle encore due ?" in m for m in said), said
    else:
        assert row is not None and row.action == "letter", row
    assert not any(UNKNOWN in w for w in result.warnings), result.warnings


# Statuses about a reminder, a payment, a schedule or a platform awaiting validation: the
# invoice was issued, and stays chased as before (review-pubre H1); only the whole status
# « À valider », « Submitted » is a draft (STATES above).
STILL_CHASED = [
    "Relance à valider",
    "Relance 1 à valider",
    "Échéancier à valider",
    "Paiement à valider",
    "En attente de validation du paiement",
    "Submitted to Chorus Pro",
]


@pytest.mark.parametrize("status", STILL_CHASED, ids=STILL_CHASED)
def test_a_status_awaiting_validation_of_something_else_is_still_chased(tmp_path, status):
    result = _run(tmp_path, ["Montant TTC", "Statut"], [600.0, status])
    row = _action(result, "F-2")
    assert row is not None and row.action == "letter" and row.outstanding == 600.0, row


# Invoice types that begin with a payment word are invoices: claimed in full, nothing
# deducted from the client's other invoices (review-pubre H7).
INVOICE_TYPES = [
    "Payment plan",
    "Payment on delivery",
    "Payment terms",
    "Paiement en 3 fois",
    "Paiement à 30 jours",
]


@pytest.mark.parametrize("kind", INVOICE_TYPES, ids=INVOICE_TYPES)
def test_an_invoice_type_beginning_with_payment_is_an_invoice(tmp_path, kind):
    result = _run(tmp_path, ["Montant TTC", "Type"], [400.0, kind])
    first, row = _action(result, "F-1"), _action(result, "F-2")
    assert first is not None and first.outstanding == 600.0, first
    assert row is not None and row.action == "letter" and row.outstanding == 400.0, row
