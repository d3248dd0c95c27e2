"""A debit that takes a customer's payment back (a rejected direct debit, a returned
transfer, a bounced cheque, a negative credit, CAMT RvslInd) is never ignored: the credit it
cancels is not applied, and the invoice it names is said, in the same statement or a later
one. The workbook is reopened with openpyxl after --apply."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from conftest import write_ledger
from statements import FORMATS, SUFFIX, Op, camt053
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app

D = dt.date
AS_OF = D(2026, 12, 5)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse"]  # fmt: skip
ROWS = [
    ["F2026-011", "Imprimerie Fontaine", D(2026, 9, 1), D(2026, 10, 1), 285.13, 0, None, "Lyon"],
    ["F2026-012", "Harbour and Sons", D(2026, 9, 1), D(2026, 10, 1), 1264.42, 0, None, "Lyon"],
]  # fmt: skip
PAID = Op(D(2026, 12, 2), 285.13, "PRLV SEPA IMPRIMERIE FONTAINE", "F2026-011", "P1")
TAKEN_BACK = {  # the debit that takes PAID back, as banks write it
    "rejet-prlv-naming-the-invoice": Op(
        D(2026, 12, 3), -285.13, "REJET PRLV SEPA IMPRIMERIE FONTAINE", "F2026-011 AM04", "R1"
    ),
    "cheque-impaye-same-payer-and-amount": Op(
        D(2026, 12, 3), -285.13, "CHQ IMPAYE PRLV SEPA IMPRIMERIE FONTAINE", "", "R2"
    ),
    "retour-virement-naming-the-invoice": Op(
        D(2026, 12, 4), -100.0, "RETOUR VIREMENT", "REF F2026-011", "R3"
    ),
}


@pytest.fixture
def ledger(tmp_path):
    return write_ledger(tmp_path / "factures.xlsx", ROWS, HEADERS)


def _paid_cells(ledger):
    ws = openpyxl.load_workbook(ledger)["Factures"]
    return {r[0]: r[5] for r in ws.iter_rows(min_row=2, values_only=True)}


@pytest.mark.parametrize("fmt", list(FORMATS), ids=list(FORMATS))
@pytest.mark.parametrize("back", TAKEN_BACK.values(), ids=TAKEN_BACK.keys())
def test_a_payment_taken_back_in_the_same_statement_is_not_applied(ledger, tmp_path, fmt, back):
    path = FORMATS[fmt](tmp_path / f"releve{SUFFIX.get(fmt, '.csv')}", [PAID, back])
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF, apply=True)
    credit, debit = result.proposals
    assert credit.status == "to_decide" and credit.allocations == ()
    assert "reprend ce règlement : rien n'est appliqué" in credit.reason
    assert debit.entry.amount < 0 and debit.status == "to_decide"
    assert "annule le crédit du 02/12/2026" in debit.reason
    assert result.debits == 0 and result.taken_back == 1 and result.applied == 0
    assert any(f"ligne {debit.entry.line}" in w for w in result.warnings), result.warnings
    assert _paid_cells(ledger)["F2026-011"] in (0, None)


def test_a_payment_taken_back_in_a_later_statement_names_the_invoice(ledger, tmp_path):
    first = FORMATS["csv-cp1252"](tmp_path / "novembre.csv", [PAID])
    assert relance_xlsx.match(ledger, [first], as_of=AS_OF, apply=True).applied == 1
    assert _paid_cells(ledger)["F2026-011"] == 285.13
    later = FORMATS["csv-cp1252"](
        tmp_path / "decembre.csv", [TAKEN_BACK["rejet-prlv-naming-the-invoice"]]
    )
    out = CliRunner().invoke(
        app, ["match", str(ledger), str(later), "--as-of", AS_OF.isoformat(), "--json"]
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    (taken,) = data["proposals"]
    assert taken["status"] == "to_decide" and taken["candidates"] == ["F2026-011"]
    assert "remettez F2026-011 en impayé" in taken["reason"]
    assert data["debits_ignored"] == 0 and data["debits_taking_back"] == 1
    assert any("decembre.csv, ligne" in w for w in data["warnings"])
    table = CliRunner().invoke(app, ["match", str(ledger), str(later), "--as-of", "2026-12-05"])
    assert "1 débit(s) reprenant un règlement de client" in table.output


def test_a_camt_reversal_indicator_is_never_ignored(ledger, tmp_path):
    # No word and no invoice number: the bank's RvslInd alone says the credit is taken back.
    path = camt053(tmp_path / "r.xml", [Op(D(2026, 12, 3), -1264.42, "HARBOUR AND SONS")])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</CdtDbtInd>", "</CdtDbtInd><RvslInd>true</RvslInd>"))
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF)
    (taken,) = result.proposals
    assert taken.status == "to_decide" and result.debits == 0 and result.warnings


NEGATIVE_CREDIT = {  # a cancellation written in the « Crédit » column
    "naming-the-invoice": "ANNULATION VIR RECU IMPRIMERIE FONTAINE F2026-011",
    "naming-nothing": "CONTREPASSATION ECRITURE",
}


@pytest.mark.parametrize("label", NEGATIVE_CREDIT.values(), ids=NEGATIVE_CREDIT.keys())
def test_a_negative_credit_is_never_a_payment(ledger, tmp_path, label):
    path = tmp_path / "n.csv"
    path.write_text(f"Date;Libellé;Débit;Crédit\n03/12/2026;{label};;-285,13\n", encoding="utf-8")
    result = relance_xlsx.match(ledger, [path], as_of=AS_OF, apply=True)
    assert result.statements[0].credits == ()
    (taken,) = result.proposals
    assert taken.entry.amount == -285.13 and taken.status == "to_decide"
    assert result.applied == 0 and result.warnings
    assert _paid_cells(ledger)["F2026-011"] in (0, None)
