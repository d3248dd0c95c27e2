"""A litigation file whose every open invoice is time-barred: no new procedure, and a claim
filed before the first day barred interrupted the prescription (Code civil 2241-2242): never
« doit être retirée » (review-lawnew2, 3)."""

from __future__ import annotations

import datetime as dt

from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


def test_a_file_of_barred_invoices_keeps_a_claim_already_filed(tmp_path):
    # Invoice of 20/11/2021: L110-4, last day 20/11/2026, barred from 21/11/2026.
    row = ["Q6", "Lambda SAS", "professionnel", D(2021, 11, 20), D(2021, 12, 20), 2000.0,
           "10 rue Garibaldi\n69006 Lyon", 2, D(2026, 11, 20)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    settings, out = complete_settings(), tmp_path / "o"
    path, *_ = relance_xlsx.dossier(
        ledger, "Lambda SAS", settings, as_of=D(2026, 12, 7), out_dir=out, pdf=False
    )
    docs = [path] if str(path).endswith(".docx") else list((tmp_path / "o").rglob("*.docx"))
    text = " ".join(p.text for d in docs for p in all_paragraphs(Document(d)))
    assert "doit être retirée" not in text
    assert "aucune procédure nouvelle à engager" in text
    assert "formée avant le 21/11/2026, la prescription a été interrompue" in text
    assert "ne la retirez pas, voyez votre conseil" in text
