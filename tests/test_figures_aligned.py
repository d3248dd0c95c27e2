"""The litigation file's tables as a clerk reads them: amounts right-aligned, on their units,
in every column that holds them (the « Réglé » column of the statement of account was left
alone on the left); names and dates left."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

import relance_xlsx

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = ["N° facture", "Client", "Échéance", "Montant TTC", "Montant réglé", "Adresse",
           "Niveau de relance", "Date de relance"]  # fmt: skip


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Document:
    tmp = tmp_path_factory.mktemp("dossier")
    rows = [
        ["G-1", "Garage Bleu", D(2026, 9, 1), 2425.0, 1000.0, ADDRESS, "Mise en demeure", D(2026, 10, 1)],
        ["G-2", "Garage Bleu", D(2026, 9, 1), 12425.5, 0, ADDRESS, "Mise en demeure", D(2026, 10, 1)],
    ]  # fmt: skip
    ledger = write_ledger(tmp / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 11, 2), out_dir=tmp / "out"
    )
    return Document(str(Path(result.dossiers[0])))


def _table(doc: Document, first: str, header: str):
    return next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == first and header in t.rows[0].cells[-1].text
    )


@pytest.mark.parametrize(
    ("first", "last", "right"),
    [
        pytest.param("Pièce", "Solde", {"Montant", "Réglé", "Solde"}, id="statement-of-account"),
        pytest.param("Facture", "Reste dû", {"Montant", "Réglé", "Reste dû"}, id="claim-by-invoice"),
        pytest.param("Facture", "Intérêts", {"Jours", "Base", "Taux", "Intérêts"}, id="interest-periods"),
    ],
)  # fmt: skip
def test_amounts_are_right_aligned_names_and_dates_left(dossier, first, last, right):
    table = _table(dossier, first, last)
    headers = [c.text for c in table.rows[0].cells]
    assert right <= set(headers)
    for row in table.rows:
        for header, cell in zip(headers, row.cells, strict=True):
            aligned = cell.paragraphs[0].alignment
            if header in right:
                assert aligned == WD_ALIGN_PARAGRAPH.RIGHT, (header, cell.text)
            else:
                assert aligned is None, (header, cell.text)
