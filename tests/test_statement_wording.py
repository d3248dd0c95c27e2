"""The statement of account (relevé de compte) asked for a client (the lawyer's review of the
ordinary letters, finding 6): a credit note falls due on no day (« – », never its date plus
the terms), and the statement, which asks for nothing, closes without « ne pas tenir compte
de ce courrier »."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Facture d'origine"]  # fmt: skip
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


def _statement(tmp_path, lang: str) -> tuple[list[list[str]], str]:
    rows = [
        ["S1", "Boulangerie Martin SARL", lang, ADDRESS, D(2026, 11, 1), D(2026, 12, 1), 300.0, 120.0, D(2026, 11, 28), None],
        ["S2", "Boulangerie Martin SARL", lang, ADDRESS, D(2026, 11, 20), D(2026, 12, 20), 150.0, None, None, None],
        ["AV9", "Boulangerie Martin SARL", lang, ADDRESS, D(2026, 11, 25), None, -30.0, None, None, "S2"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    out = tmp_path / "out"
    relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=out, pdf=False,
        statements=["Boulangerie Martin SARL"], write_workbook=False,
    )  # fmt: skip
    (path,) = [p for p in out.rglob("*.docx") if "elev" in p.name or "tatement" in p.name]
    doc = Document(str(path))
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    text = "\n".join(p.text for p in all_paragraphs(doc))
    return cells, text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("lang", "credit", "closing", "never"),
    [
        pytest.param("fr", "Avoir AV9", "Pour toute question sur ce relevé", "ne pas tenir compte", id="fr"),
        pytest.param("en", "Credit note AV9", "If you have any question about this statement", "disregard", id="en"),
    ],
)  # fmt: skip
def test_a_statement_gives_a_credit_note_no_due_date_and_asks_nothing(
    tmp_path, lang, credit, closing, never
):
    cells, text = _statement(tmp_path, lang)
    (line,) = [row for row in cells if row[0] == credit]
    assert line[1] in ("25/11/2026", "25\u00a0Nov\u00a02026") and line[2] == "–", line
    # The invoices keep their due dates.
    (s2,) = [row for row in cells if row[0].endswith(" S2")]
    assert s2[2] != "–", s2
    assert closing in text and never not in text, text
