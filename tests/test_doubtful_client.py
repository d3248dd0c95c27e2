"""A payment said but not sure (« Payé en double », « Réglé selon client », « Virement à
vérifier ») holds every letter of that client: the money may already pay its other invoices
(Code civil 1342-10); a statement never calls such a piece « contestée » nor counts it in the
balance (review-lawnew2, 1)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
A = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Statut"]  # fmt: skip


def _rows(status):
    return [
        ["S2", "Eta SARL", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 1000.0, A, 2,
         D(2026, 11, 20), status],
        ["S3", "Eta SARL", "professionnel", D(2026, 8, 1), D(2026, 9, 1), 500.0, A, 2,
         D(2026, 11, 20), None],
    ]  # fmt: skip


def _text(path):
    doc = Document(path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return (
        " ".join([p.text for p in all_paragraphs(doc)] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    "status",
    ["Payé en double", "Réglé selon client", "Virement à vérifier", "Payée par erreur", "Réglé ?"],
    ids=["double", "selon-client", "virement", "erreur", "question"],
)
def test_a_doubtful_payment_holds_every_letter_of_its_client(tmp_path, status):
    ledger = write_ledger(tmp_path / "l.xlsx", _rows(status), HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o",
                              pdf=False)  # fmt: skip
    by = {i.invoice: i for i in result.invoices}
    assert by["S3"].action == "hold"
    assert "règlement annoncé mais incertain sur la facture S2" in by["S3"].reason
    assert "vérifiez le relevé avant toute relance" in by["S3"].reason
    assert not list((tmp_path / "o").rglob("*.docx"))


def test_the_statement_never_calls_it_disputed_nor_counts_it(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", _rows("Payé en double"), HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o",
                              pdf=False, statements=["Eta SARL"])  # fmt: skip
    letters = list((tmp_path / "o").rglob("*.docx"))
    assert letters, result.warnings
    text = " ".join(_text(p) for p in letters)
    assert "contestée" not in text
    assert "règlement annoncé, en vérification" in text
    assert "500,00 €" in text.split("Solde du compte")[1][:40]
