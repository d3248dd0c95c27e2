"""The statement annexed to a formal notice leaves a time-barred invoice out: its heading says
« non soldés et non prescrits », not « ensemble des factures … non soldés » (review-lawnew2, 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "10 rue Garibaldi\n69006 Lyon"
Q5 = ["Q5", "Kappa SARL", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 4800.0, A, 2,
      D(2026, 11, 20)]  # fmt: skip
# 02/11/2021: barred since 03/11/2026.
Q1 = ["Q1", "Kappa SARL", "professionnel", D(2021, 11, 2), D(2021, 12, 2), 1000.0, A, 2,
      D(2026, 11, 20)]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "heading"),
    [
        pytest.param([Q1, Q5], "non soldés et non prescrits de Kappa SARL", id="one-barred"),
        pytest.param([Q5], "non soldés de Kappa SARL à cette date", id="none-barred"),
    ],
)
def test_the_statement_heading_says_what_it_leaves_out(tmp_path, rows, heading):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False
    )
    letters = list((tmp_path / "o").rglob("*.docx"))
    text = " ".join(p.text for d in letters for p in all_paragraphs(Document(d)))
    assert "Annexe à la mise en demeure" in text
    assert heading in text.replace("\xa0", " ")


# Not yet due on 07/12/2026: no letter of its own, so the statement asked is the only one.
Q7 = ["Q7", "Kappa SARL", "professionnel", D(2026, 11, 20), D(2026, 12, 20), 700.0, A, 0, None]


@pytest.mark.parametrize(
    ("rows", "listed", "said"),
    [
        pytest.param([Q1, Q7], ["Q7"], "non soldés et non prescrits, les règlements",
                     id="one-barred"),
        pytest.param([Q1], [], "", id="only-barred-no-statement"),
        pytest.param([Q7], ["Q7"], "avoirs non soldés, les règlements", id="none-barred"),
    ],
)  # fmt: skip
def test_a_statement_asked_alone_leaves_a_barred_invoice_out(tmp_path, rows, listed, said):
    """`run --releve Kappa` (statement_plans) as the notice's annex: Q1, time-barred, is no
    part of the balance; a client with only barred invoices gets no statement, and a word."""
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False,
        statements=["kappa sarl"],
    )  # fmt: skip
    statements = [x for x in result.letters if x.kind == "releve"]
    assert len(statements) == (1 if listed else 0)
    if listed:
        text = " ".join(p.text for p in all_paragraphs(Document(statements[0].path)))
        assert all(n in text for n in listed) and "Q1" not in text
        assert said in text.replace("\xa0", " ")
    else:
        assert any("Pas de relevé de compte pour « Kappa SARL »" in w for w in result.warnings)
