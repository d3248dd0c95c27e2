"""A claim born after the opening judgment: if declared, its deadline runs 2 months from its
own due date (Code de commerce R622-24, 2nd paragraph), extended by CPC 642; never « délai
expiré » from the BODACC notice of a judgment older than the invoice (review-lawnew2, 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
A = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
CASES = [
    # invoice, due: 30/11/2026 + 2 months = Saturday 30/01/2027 -> Monday 01/02/2027
    ("open", D(2026, 11, 1), D(2026, 11, 30), "30/01/2027", "01/02/2027", "30 janvier 2027"),
    # due 30/06/2026 -> Sunday 30/08/2026 -> Monday 31/08/2026: past on 07/12/2026
    ("past", D(2026, 6, 1), D(2026, 6, 30), "30/08/2026", "31/08/2026", "30 août 2026"),
]


@pytest.mark.parametrize(("name", "issued", "due", "aimed", "last", "long"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_later_claim_runs_from_its_due_date(tmp_path, name, issued, due, aimed, last, long):
    row = ["W1", "Post SAS", issued, due, 1000.0, A, "Redressement judiciaire", D(2026, 2, 25),
           D(2026, 3, 8)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7),
                              out_dir=tmp_path / "o", pdf=False)  # fmt: skip
    [w1] = result.invoices
    assert f"au plus tard le {aimed}" in w1.reason and last in w1.reason
    assert "R622-24, al. 2" in w1.reason
    warned = " ".join(result.warnings)
    assert "BODACC du 08/03/2026" not in warned and "11/05/2026" not in warned
    assert (f"dernier jour : {last}" in warned) == (name == "past")
    [declaration] = (tmp_path / "o").rglob("declaration_creance.docx")
    text = " ".join(p.text for p in all_paragraphs(Document(declaration)))
    assert "8 mai 2026" not in text and "11 mai 2026" not in text
    assert f"au plus tard le {long}" in text
