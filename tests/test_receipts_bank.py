"""A bank named under a receipts sheet's « Client » (review-nextcase2 M7): not another client;
the exact invoice number and amount settle the invoice, said in a warning naming the bank; a
bank's payment of another amount settles nothing, its invoice held."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 1)


def _ledger(tmp_path, payer, paid):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"])
    ws.append(["F1", "Dupont SARL", D(2026, 8, 1), D(2026, 8, 31), 1200.0, "1 rue X\n69002 Lyon"])
    ws.append(["F2", "Martin SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, "2 rue Y\n69003 Lyon"])
    receipts = wb.create_sheet("Règlements")
    receipts.append(["N° facture", "Client", "Date règlement", "Montant réglé"])
    receipts.append(["F1", payer, D(2026, 9, 10), paid])
    path = tmp_path / "gl.xlsx"
    wb.save(path)
    return read_ledger(path, Settings(), as_of=AS_OF)


BANKS = [
    "BNP Paribas",
    "Crédit Agricole",
    "Société Générale",
    "LCL",
    "CIC",
    "La Banque Postale",
    "Caisse d'Épargne",
    "Banque Populaire",
    "Crédit Mutuel",
    "Boursorama",
    "Qonto",
    "Shine",
]


@pytest.mark.parametrize("bank", BANKS, ids=BANKS)
def test_a_bank_named_settles_the_exact_amount(tmp_path, bank):
    ledger = _ledger(tmp_path, bank, 1200.0)
    f1 = ledger.frame.set_index("invoice").loc["F1"]
    assert f1["is_paid"] and f1["valid"]
    assert any(bank in w and "banque" in w for w in ledger.warnings)


@pytest.mark.parametrize("bank", ["BNP Paribas", "Qonto"], ids=["bnp", "qonto"])
def test_a_bank_named_never_settles_another_amount(tmp_path, bank):
    f1 = _ledger(tmp_path, bank, 1100.0).frame.set_index("invoice").loc["F1"]
    assert not f1["is_paid"] and not f1["valid"]


@pytest.mark.parametrize(
    "client",
    ["Shine Nettoyage", "Banque Alimentaire du Rhône", "Cicero SARL"],
    ids=["shine-cleaning", "food-bank", "cicero"],
)
def test_a_client_with_a_bank_word_in_its_name_is_no_bank(tmp_path, client):
    """review-attack-6 §10: « Shine Nettoyage » paying F1 (Dupont's) by a typo settled it, the
    warning saying « ce n'est pas un autre client »: it is another client, the invoice held."""
    ledger = _ledger(tmp_path, client, 1200.0)
    f1 = ledger.frame.set_index("invoice").loc["F1"]
    assert not f1["is_paid"] and not f1["valid"]
    assert not any("par la banque" in w for w in ledger.warnings)
