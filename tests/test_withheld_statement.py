"""The statement of account annexed to a formal notice says, on the invoice's own line, the
retention its amount holds: « 1 200,00 €, dont retenue de garantie 60,00 € | 0,00 € |
1 140,00 € » adds up (the lawyer's
review lawnew L1). Read in the written letter's table."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Retenue de garantie 5%", "Montant réglé", "Niveau de relance", "Date de relance"]  # fmt: skip
ADDRESS = "1 rue de la Paix\n75002 Paris"


def _row_of(path: str, number: str) -> list[str]:
    for table in Document(path).tables:
        for row in table.rows:
            cells = [
                c.text.replace("\xa0", " ").replace("\u202f", " ").replace("\u2011", "-")
                for c in row.cells
            ]
            if number in cells[0] and table.rows[0].cells[0].text in ("Pièce", "Document"):
                return cells
    raise AssertionError(f"no statement line for {number}")


CASES = [
    pytest.param("fr", 60.0, None, ["Facture F-100", "1 200,00 €, dont retenue de garantie 60,00 €", "0,00 €", "1 140,00 €"], id="fr-retention"),
    pytest.param("en", 60.0, None, ["Invoice F-100", "€1,200.00, including €60.00 of retention money", "€0.00", "€1,140.00"], id="en-retention"),
    pytest.param("fr", 60.0, 500.0, ["Facture F-100", "1 200,00 €, dont retenue de garantie 60,00 €", "500,00 €", "640,00 €"], id="fr-retention-part-paid"),
    pytest.param("fr", None, None, ["Facture F-100", "1 200,00 €", "0,00 €", "1 200,00 €"], id="fr-no-retention-unchanged"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "kept", "paid", "line"), CASES)
def test_the_statement_line_says_its_retention(tmp_path, lang, kept, paid, line):
    row = [
        "F-100",
        "SARL Alpha",
        lang,
        ADDRESS,
        D(2026, 9, 1),
        D(2026, 10, 1),
        1200.0,
        kept,
        paid,
        "Relance 2",
        D(2026, 10, 20),
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert invoice.letter and "Mise en demeure" in Path(invoice.letter).name, invoice.reason
    cells = _row_of(invoice.letter, "F-100")
    label, _, _, amount, settled, balance = cells
    assert [label, amount, settled, balance] == line, cells
