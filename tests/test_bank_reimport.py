"""A statement imported again in another format (review-clerk3 H2, M4): a payment already
applied is « Déjà importé » with the day of its import, never a possible « doublon »; the
preview's « virement reçu pas encore affecté » never lists it, nor a bounced credit and the
debit that takes it back (the money never arrived: no invoice to book them on)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_ledger
from statements import Op, credit_agricole, ofx_sgml, ofx_xml

import relance_xlsx
from relance_xlsx.web.unassigned import unassigned

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse"]  # fmt: skip
ROWS = [
    ["F2026-007", "Hôtel des Célestins", D(2026, 9, 1), D(2026, 10, 1), 410.51, None, None, "Lyon"],
    ["F2026-011", "Imprimerie Fontaine", D(2026, 9, 1), D(2026, 10, 1), 285.13, None, None, "Lyon"],
    ["F2026-013", "Boulangerie Dupont", D(2026, 9, 1), D(2026, 10, 1), 325.36, None, None, "Lyon"],
]  # fmt: skip
OPS = [
    Op(D(2026, 11, 24), 410.51, "VIR HOTEL DES CELESTINS", "FACT F2026-007", "A1"),
    Op(D(2026, 11, 26), 285.13, "VIR IMPRIMERIE FONTAINE", "F2026-011", "A2"),
    Op(D(2026, 11, 28), -285.13, "REJET VIR IMPRIMERIE FONTAINE", "F2026-011 COMPTE CLOS", "A3"),
    Op(D(2026, 11, 30), 325.36, "VIR M DURAND", "", "A4"),
]


@pytest.mark.parametrize(
    "again", [ofx_sgml, ofx_xml, credit_agricole], ids=["ofx-sgml", "ofx-xml", "csv"]
)
def test_a_payment_applied_then_imported_again_is_already_imported(tmp_path, again):
    ledger = write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)
    first = credit_agricole(tmp_path / "novembre.csv", OPS)
    assert relance_xlsx.match(ledger, [first], as_of=AS_OF, apply=True).applied == 1
    suffix = ".csv" if again is credit_agricole else ".ofx"
    second = again(tmp_path / f"novembre2{suffix}", OPS)
    result = relance_xlsx.match(ledger, [second], as_of=AS_OF)
    (done,) = [p for p in result.proposals if p.entry.amount == 410.51]
    assert done.status == "already", done.reason
    assert "Déjà importé" in done.reason and "doublon" not in done.reason
    if again is not credit_agricole:  # another key: the journal's date and amount say it
        assert f"le {AS_OF:%d/%m/%Y}" in done.reason and "F2026-007" in done.reason
    listed = unassigned(result, ledger, [])
    assert [u.amount for u in listed] == [325.36], [u.sentence for u in listed]


def test_a_bounced_credit_and_its_reversal_are_never_to_book(tmp_path):
    ledger = write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)
    path = credit_agricole(tmp_path / "novembre.csv", OPS)
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF)
    listed = unassigned(result, ledger, [])
    assert [u.amount for u in listed] == [325.36], [u.sentence for u in listed]
    (credit,) = [p for p in result.proposals if p.entry.amount == 285.13]
    assert credit.reversed_on == D(2026, 11, 28)
