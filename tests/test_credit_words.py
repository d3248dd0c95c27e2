"""« avoir » in an invoice's description is a credit note only as the document's kind, in its
first words (« Avoir sur facture F12 »); elsewhere it is the verb (« après avoir raté le vol »)
or the cancelled invoice's own note (« facture annulée par l'avoir n°114 »), and with a
positive amount the row stays an invoice, with a warning on its row (the user's review,
finding 1)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import REAL_WORLD, complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Statut", "Objet", "Adresse"]  # fmt: skip
ADDRESS = "3 rue Oberkampf\n75011 Paris"
MENTION = "le libellé parle d'un « avoir » mais le montant est positif"


def _row(number: str, amount: float, status: str, description: str) -> list:
    return [
        number,
        "Chabe limousine",
        D(2026, 9, 1),
        D(2026, 10, 1),
        amount,
        status,
        description,
        ADDRESS,
    ]


@pytest.mark.parametrize(
    ("number", "amount", "status", "description", "credit", "warned"),
    [
        pytest.param("152", 1200.0, "Envoyée", "Attente chauffeur après avoir raté le vol", False, True, id="verb-apres-avoir"),
        pytest.param("150", 4345.42, "Envoyée", "DISPO CLASS S MAROC pour avoir assuré la mission du 15/12", False, True, id="verb-pour-avoir"),
        pytest.param("112", 4500.0, "Facturée", "mission cannes (facture annulée par l'avoir n°114)", False, True, id="cancelled-invoice-names-its-credit"),
        pytest.param("160", 300.0, "Envoyée", "Mission ville de Tours", False, False, id="plain-invoice"),
        pytest.param("161", 200.0, "Envoyée", "Avoir sur facture F12", True, False, id="opens-with-avoir"),
        pytest.param("162", 50.0, "Envoyée", "AVOIR n° 3", True, False, id="opens-with-AVOIR-no"),
        pytest.param("163", 80.0, "Envoyée", "Avoir - geste commercial", True, False, id="avoir-dash"),
        pytest.param("164", 80.0, "Envoyée", "Avoir", True, False, id="just-the-word"),
        pytest.param("165", 80.0, "Envoyée", " « Avoir » remise", True, False, id="after-spaces-and-quotes"),
        pytest.param("166", 90.0, "Envoyée", "Credit note for INV-3", True, False, id="credit-note"),
        pytest.param("167", 90.0, "Envoyée", "Note de crédit 7", True, False, id="note-de-credit"),
        pytest.param("168", -4500.0, "Facturée", "mission (avoir annulant la facture n°112)", True, False, id="negative-amount"),
        pytest.param("169", 70.0, "Avoir", "Remise sur la mission", True, False, id="status-avoir"),
        pytest.param("170", 70.0, "Avoir", "après avoir raté le vol", True, False, id="status-avoir-and-verb"),
        pytest.param("Avoir 12", 70.0, "Envoyée", "Remise", True, False, id="invoice-number-avoir"),
    ],
)  # fmt: skip
def test_avoir_in_a_description_makes_a_credit_note_only_as_its_kind(
    tmp_path, number, amount, status, description, credit, warned
):
    ledger = write_ledger(tmp_path / "l.xlsx", [_row(number, amount, status, description)], HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    (invoice,) = result.invoices
    assert (invoice.outstanding < 0) is credit
    assert invoice.outstanding == (-abs(amount) if credit else amount)
    mentions = [p for p in result.problems if MENTION in p.message]
    assert len(mentions) == warned
    for p in mentions:
        assert (p.row, p.column, p.value, p.severity) == (2, "Objet", description, "warning")
        assert "montant négatif" in p.message and "statut « Avoir »" in p.message


def test_the_letter_never_offers_an_invoice_as_a_credit(tmp_path):
    rows = [_row("144", 500.0, "Envoyée", "Mise à disposition"),
            _row("152", 1200.0, "Envoyée", "Attente chauffeur après avoir raté le vol")]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    (letter,) = result.letters
    assert sorted(letter.invoices) == ["144", "152"]
    assert all(line.outstanding > 0 for line in letter.lines)


@pytest.mark.skipif(
    not (REAL_WORLD / "cdf_audit__factures.xlsx").exists(), reason="no real-world files"
)
def test_cdf_audit_s_cancelled_invoices_are_not_credits(tmp_path):
    ledger = shutil.copy(REAL_WORLD / "cdf_audit__factures.xlsx", tmp_path / "f.xlsx")
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    by_row = {i.row: i for i in result.invoices}
    # Invoices 126, 112 and 111 (« facture annulée par l'avoir n°… ») are invoices, not credit
    # notes; 112 and 111 are settled by the credit notes 114 and 115 that name them
    # (« avoir annulant la facture n°111 »), which are used up.
    assert by_row[27].outstanding == 13200.0
    assert all(by_row[r].outstanding == 0.0 for r in (38, 39, 41, 42))
    assert all(by_row[r].reason.startswith("Soldée par l'avoir du") for r in (41, 42))
    warned = {p.row for p in result.problems if MENTION in p.message}
    assert {27, 41, 42} <= warned
