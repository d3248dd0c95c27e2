"""A credit note larger than what is left of the invoice it names: its surplus stays an open
credit of the client, which the court file and the declaration deduct from the principal of
the client's other invoices. Both say so, credit note by credit note, and the run's warning
says the same, never advising a refund of a sum already deducted (the fourth legal review,
finding 5: « Avoirs à déduire : -500,00 € » unexplained, while the run said the surplus was
deducted from nothing and should be refunded)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
COURT = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
         "Adresse", "Niveau de relance", "Date de relance", "Facture d'origine"]  # fmt: skip
# N1: 3 000 €, due 01/06/2026, handed over on 20/11; N2: 1 500 €; AV-N2: 2 000 € naming N2,
# which it settles (cancelled from the first day: no penalty, no indemnity), 500 € left.
# N1 at 12,15 %: 02/06–30/06, 29 d × 3 000 = 28,96; 01/07–31/08, 62 d × 3 000 = 61,92; the
# 500 € left set off on 01/09 (Code civil 1347 al. 2, review-lawhand 2): 01/09–07/12, 98 d ×
# 2 500 = 81,55; = 172,43 €. Claimed: 3 000 − 500 + 172,43 + 40 = 2 712,43 €.
COURT_ROWS = [
    ["N1", "Nu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, ADDRESS, "Contentieux", D(2026, 11, 20), None],
    ["N2", "Nu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 1500.0, ADDRESS, "Contentieux", D(2026, 11, 20), None],
    ["AV-N2", "Nu SAS", "professionnel", D(2026, 9, 1), None, -2000.0, ADDRESS, None, None, "N2"],
]  # fmt: skip
DECLARED = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
            "Procédure collective", "Date du jugement", "Date BODACC", "Forme juridique",
            "Facture d'origine"]  # fmt: skip
# 1 000 € due 15/05/2024, judgment 15/07/2024 (2024 H1 14,50 %, H2 14,25 %):
# 500 €, settled by AV-2 (800 €), 300 € left, set off against R-1 on 01/06 (Code civil
# 1347 al. 2): 16/05–31/05, 16 d × 1 000 = 6,36; 01/06–30/06, 30 d × 700 = 8,34; 01/07–14/07,
# 14 d × 700 = 3,83 = 18,53 €. 1 000 − 300 + 18,53 + 40 = 758,53 €.
DECLARED_ROWS = [
    ["R-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS, "Redressement judiciaire", D(2024, 7, 15), D(2024, 7, 30), "SAS", None],
    ["R-2", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 500.0, ADDRESS, None, None, None, None, None],
    ["AV-2", "Rouge SAS", D(2024, 6, 1), None, -800.0, ADDRESS, None, None, None, None, "R-2"],
]  # fmt: skip
CASES = [
    pytest.param(COURT, COURT_ROWS, D(2026, 12, 7), "dossiers", [
        "Avoirs à déduire : 500,00 €",
        "Détail des avoirs : avoir AV-N2 du 01/09/2026 (2 000,00 €) : 1 500,00 € imputés sur la facture n° N2, qu'il solde ; reste 500,00 €. 500,00 € en sont déduits du principal réclamé, par compensation avec ce que le client doit (Code civil 1347), jamais des pénalités ni des indemnités.",
        "Total réclamé : 2 712,43 €",
    ], "avoir AV-N2 de 2 000,00 € sur la facture N2 : il dépasse ce qui en restait dû (1 500,00 €) ; reste de l'avoir, non imputé sur cette facture : 500,00 €. Il reste un avoir ouvert du client : les courriers, le dossier de contentieux et la déclaration de créance le déduisent du principal de ses autres factures réclamées", id="court-file"),
    pytest.param(DECLARED, DECLARED_ROWS, D(2024, 8, 20), "declarations", [
        "Avoirs à déduire : 300,00 €",
        "Détail des avoirs : avoir AV-2 du 01/06/2024 (800,00 €) : 500,00 € imputés sur la facture n° R-2, qu'il solde ; reste 300,00 €. 300,00 € en sont déduits du principal déclaré, par compensation",
        "Total échu au jour du jugement : 758,53 €",
    ], "avoir AV-2 de 800,00 € sur la facture R-2 : il dépasse ce qui en restait dû (500,00 €) ; reste de l'avoir, non imputé sur cette facture : 300,00 €.", id="declaration"),
]  # fmt: skip


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize(("headers", "rows", "as_of", "kind", "said", "warning"), CASES)
def test_a_credit_note_s_surplus_is_deducted_and_said_so(
    tmp_path, headers, rows, as_of, kind, said, warning
):
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=as_of, out_dir=tmp_path / "out", pdf=False
    )
    if kind == "dossiers":  # handed over before: the file the user asks for
        path, *_ = relance_xlsx.dossier(
            ledger, "Nu SAS", complete_settings(), as_of=as_of, out_dir=tmp_path / "file", pdf=False
        )
    else:
        [path] = result.declarations
    text = _plain("\n".join(p.text for p in Document(str(path)).paragraphs))
    for line in said:
        assert line in text, text
    problems = [_plain(p.describe()) for p in result.problems]
    [problem] = [p for p in problems if "non imputé sur cette facture" in p]
    assert warning in problem, problem
    assert "remboursez l'avoir au client" not in problem, problem
    assert "ne remboursez au client que ce qui n'est déduit d'aucune demande" in problem, problem
