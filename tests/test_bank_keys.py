"""The « already imported » key of a bank entry: the account, the whole label, the payer and
the remittance all count, so two real payments are never merged, in one file, in two
statements given together, or in two imports a day apart. The workbook is reopened."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import write_ledger
from statements import Op, ofx_sgml

import relance_xlsx
from relance_xlsx.bank import BankEntry

D = dt.date
AS_OF = D(2026, 12, 5)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse"]  # fmt: skip
ROWS = [
    ["F2026-006", "R et D Sud Ouest", D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, None, "Lyon"],
    ["F2026-016", "R et D Sud Ouest", D(2026, 9, 2), D(2026, 10, 2), 500.0, 0, None, "Lyon"],
    ["F2026-007", "Hôtel des Célestins", D(2026, 9, 1), D(2026, 10, 1), 410.51, 0, None, "Lyon"],
    ["F2026-012", "Harbour and Sons", D(2026, 9, 1), D(2026, 10, 1), 1264.42, 0, None, "Lyon"],
]  # fmt: skip
LONG = (
    "VIR SEPA RECU /DE R ET D SUD OUEST L ATELIER /MOTIF REGLEMENT PARTIEL SELON ECHEANCIER "
    "MENSUEL CONVENU AVEC VOTRE SERVICE COMPTABLE /REF FACTURE"
)


def _ofx(path, account, op):
    made = ofx_sgml(path, [op])
    made.write_text(made.read_text(encoding="cp1252").replace("00012345678", account), "cp1252")
    return made


def _csv(path, lines):
    path.write_text("Date;Libellé;Référence;Montant\n" + "\n".join(lines) + "\n", "utf-8")
    return path


def _two_accounts(tmp):
    same = "20261202-0001"  # a bank numbers its entries per account
    return [
        _ofx(tmp / "banque-a.ofx", "11111111111", Op(D(2026, 12, 2), 410.51,
             "HOTEL DES CELESTINS", "F2026-007", same)),
        _ofx(tmp / "banque-b.ofx", "22222222222", Op(D(2026, 12, 2), 1264.42,
             "HARBOUR AND SONS", "F2026-012", same)),
    ]  # fmt: skip


def _two_references(tmp):
    return [
        _csv(tmp / "a.csv", ["03/12/2026;VIR SEPA R ET D SUD OUEST;F2026-006;500,00"]),
        _csv(tmp / "b.csv", ["03/12/2026;VIR SEPA R ET D SUD OUEST;F2026-016;500,00"]),
    ]


def _labels_apart_after_120(tmp):
    lines = [f'03/12/2026;"{LONG} F2026-006";;500,00', f'03/12/2026;"{LONG} F2026-016";;500,00']
    return [_csv(tmp / "k.csv", lines)]


CASES = {  # statements, imported one after the other, and the invoices they pay
    "same-bank-id-two-accounts": (_two_accounts, {"F2026-007": 410.51, "F2026-012": 1264.42}),
    "same-label-two-references": (_two_references, {"F2026-006": 500.0, "F2026-016": 500.0}),
    "labels-apart-after-120": (_labels_apart_after_120, {"F2026-006": 500.0, "F2026-016": 500.0}),
}


@pytest.mark.parametrize(("make", "paid"), CASES.values(), ids=CASES.keys())
def test_two_real_payments_are_never_merged(tmp_path, make, paid):
    ledger = write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)
    for statement in make(tmp_path):
        result = relance_xlsx.match(ledger, [statement], as_of=AS_OF, apply=True)
        assert result.count("already") == 0 and result.duplicates == (), result.proposals
    ws = openpyxl.load_workbook(ledger)["Factures"]
    got = {r[0]: r[5] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] in paid}
    assert got == paid


@pytest.mark.parametrize(("make", "paid"), CASES.values(), ids=CASES.keys())
def test_the_same_statements_again_are_already_imported(tmp_path, make, paid):
    ledger = write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)
    statements = make(tmp_path)
    relance_xlsx.match(ledger, statements, as_of=AS_OF, apply=True)
    again = relance_xlsx.match(ledger, statements, as_of=AS_OF, apply=True)
    assert again.count("already") == len(paid) and again.applied == 0


def test_a_journal_of_the_earlier_key_still_recognises_its_entry() -> None:
    entry = BankEntry("r.csv", 2, D(2026, 12, 3), 500.0, LONG + " F2026-016", remittance="X")
    old = f"03/12/2026 500,00 {(LONG + ' F2026-016')[:120]}"
    assert old in entry.legacy_keys and entry.key != old
    assert len(entry.key) < 110 and entry.key.startswith("03/12/2026 500,00 VIR SEPA")
