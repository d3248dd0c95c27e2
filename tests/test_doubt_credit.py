"""A doubtful payment word on a credit note (review-late M2): a credit note is not paid by the
client, so « Payé en double » there is a refund to check, said as a warning; the credit note
is deducted as usual and the client is chased."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings
from openpyxl import Workbook

from relance_xlsx import Settings, run
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 1)
ADDRESS = "1 rue X\n69002 Lyon"


def _ledger(tmp_path, said):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Statut"])  # fmt: skip
    ws.append(["AV-1", "Eta SARL", D(2026, 7, 1), None, -200.0, ADDRESS, said])
    ws.append(["S2", "Eta SARL", D(2026, 8, 1), D(2026, 9, 1), 1500.0, ADDRESS, None])
    path = tmp_path / "gl.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("said", ["Payé en double", "Payé selon client", "Réglé ?"],
                         ids=["en-double", "selon-client", "regle-question"])  # fmt: skip
def test_a_doubtful_word_on_a_credit_note_does_not_hold_the_client(tmp_path, said):
    path = _ledger(tmp_path, said)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert not frame.loc["AV-1", "hold"] and not frame.loc["S2", "hold"]
    assert any("avoir remboursé deux fois ? à vérifier" in p.message for p in ledger.problems)
    result = run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)
    s2 = next(d for d in result.invoices if d.invoice == "S2")
    assert s2.action == "letter"
    assert sum(d.outstanding for d in result.invoices if d.client == "Eta SARL") == 1300.0
