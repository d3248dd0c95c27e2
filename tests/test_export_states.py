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
    # a « Sent » column: the client never received it
    pytest.param(["Montant TTC", "Sent"], [600.0, "Not Sent"], "skipped", id="not-sent"),
    pytest.param(["Montant TTC", "Envoyée"], [600.0, "Non envoyée"], "skipped", id="non-envoyee"),
    pytest.param(["Montant TTC", "Envoyée"], [600.0, "Non"], "skipped", id="envoyee-non"),
    pytest.param(["Montant TTC", "Sent"], [600.0, "Sent"], "letter", id="sent"),
    # a payment received in the Type column: a credit, signed or not
    pytest.param(["Montant TTC", "Type"], [300.0, "Customer Payment"], "credit", id="customer-payment"),
    pytest.param(["Montant TTC", "Type"], [-300.0, "Customer Payment"], "credit", id="customer-payment-signed"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Payment"], "credit", id="payment"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Paiement"], "credit", id="paiement"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Unapplied payment"], "credit", id="unapplied"),
    pytest.param(["Montant TTC", "Type"], [300.0, "Overpayment"], "credit", id="overpayment"),
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
    elif outcome == "held":
        assert row is not None and row.action != "letter" and not row.paid, row
        said = [p.message for p in result.problems if p.row == row.row]
        assert any("est-elle encore due ?" in m for m in said), said
    else:
        assert row is not None and row.action == "letter", row
    assert not any(UNKNOWN in w for w in result.warnings), result.warnings
