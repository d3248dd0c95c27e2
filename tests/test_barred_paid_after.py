"""A part payment made after the claim was barred does not start the prescription again
(Code civil 2240 interrupts a running term): the invoice stays barred, no formal notice, and
the status and the litigation file say it is at most a renunciation, if unequivocal (2250-2251)
(review-lawnew2, 5). One made before the bar restarts the five years."""

from __future__ import annotations

import datetime as dt

from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance",
           "Date de relance"]  # fmt: skip
A = "10 rue Garibaldi\n69006 Lyon"
WARNING = (
    "le règlement du 10/01/2026, postérieur à la prescription, ne l'a pas interrompue ; il ne "
    "vaut renonciation que s'il est sans équivoque (Code civil 2250-2251) : à vérifier avant "
    "toute action"
)


def test_a_payment_after_the_bar_restarts_nothing(tmp_path):
    rows = [
        # 01/06/2020: barred from 02/06/2025; 100 € paid on 10/01/2026, after.
        ["P2", "Sigma SARL", "professionnel", D(2020, 6, 1), D(2020, 7, 1), 1000.0, 100.0,
         D(2026, 1, 10), A, 2, D(2026, 11, 20)],
        # 01/06/2021, 300 € paid on 01/03/2022, within the term: five years again.
        ["P1", "Rho SARL", "professionnel", D(2021, 6, 1), D(2021, 7, 1), 1000.0, 300.0,
         D(2022, 3, 1), A, 2, D(2026, 11, 20)],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    settings, out = complete_settings(), tmp_path / "o"
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 12, 7), out_dir=out, pdf=False)
    by = {i.invoice: i for i in result.invoices}
    assert by["P2"].action == "prescribed"
    assert "Prescrite depuis le 02/06/2025" in by["P2"].reason and WARNING in by["P2"].reason
    assert by["P1"].action == "letter" and "postérieur" not in by["P1"].reason
    relance_xlsx.dossier(
        ledger, "Sigma SARL", settings, as_of=D(2026, 12, 7), out_dir=out, pdf=False
    )
    [dossier] = [p for p in out.rglob("*.docx") if "Sigma" in str(p)]
    text = " ".join(p.text for p in all_paragraphs(Document(dossier))).replace("\u202f", " ")
    assert (
        "prescrite depuis le 02/06/2025" in text
        and WARNING.replace(" à la prescription", "") in text
    )
