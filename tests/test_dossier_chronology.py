"""The litigation file's chronology names each letter once, with its invoices: one mise en
demeure for D1, D2 and D3 was listed three times, as if three notices had been sent
(review-lawre M1); an invoice in instalments once (review-lawimg L7)."""

from __future__ import annotations

import datetime as dt

from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
           "Montant TTC", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "10 rue Garibaldi\n69006 Lyon"


def _row(number, due):
    return [number, "Delta SAS", "professionnel", A, D(2026, 7, 1), due, 500.0, "Relance 2",
            D(2026, 11, 20)]  # fmt: skip


def test_one_letter_for_three_invoices_is_one_line(tmp_path):
    rows = [_row("D1", D(2026, 8, 1)), _row("D2", D(2026, 8, 15)), _row("D3", D(2026, 9, 1))]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    settings = complete_settings()
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 12, 8), out_dir=tmp_path / "o")
    assert [x.kind for x in result.letters] == ["mise_en_demeure"]
    paths = relance_xlsx.dossier(
        ledger, "Delta SAS", settings, as_of=D(2026, 12, 28), out_dir=tmp_path / "f", pdf=False
    )
    (path,) = [p for p in paths if p.endswith("dossier.docx")]
    lines = [p.text.replace("\xa0", " ").replace("\u2011", "-") for p in Document(path).paragraphs]
    chronology = lines[lines.index("Chronologie") + 1 : lines.index("Pièces à joindre")]
    notices = [t for t in chronology if "Mise en demeure" in t]
    assert len(notices) == 1 and "factures D1, D2 et D3" in notices[0], chronology
    reminders = [t for t in chronology if "Relance 2" in t]
    assert len(reminders) == 1 and "factures D1, D2 et D3" in reminders[0], chronology
