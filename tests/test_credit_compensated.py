"""A credit note larger than the invoice it names (G1 500 €, AV1 −800 € naming G1): its
300 € left are set against what the client owes (compensation, Code civil 1347) in the
mise en demeure as in the litigation file and the annexed balance, one sum claimed by all
three; the letter lists the 300 € left, never the 800 € (review-lawhand, finding 1)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Facture d'origine"]  # fmt: skip
# G2 at 12,15 %: 05/09–09/09, 5 d × 1 500 = 2,50 €, then AV1's 300 € set off from 10/09:
# 10/09–07/12, 89 d × 1 200 = 35,55 € (review-lawhand 2); 1 500 − 300 + 38,05 + 40 = 1 278,05 €.
GAMMA = [
    ["G1", "Gamma SARL", "professionnel", D(2026, 8, 1), D(2026, 8, 31), 500.0, ADDRESS, 2, D(2026, 11, 20), None],
    ["G2", "Gamma SARL", "professionnel", D(2026, 8, 5), D(2026, 9, 4), 1500.0, ADDRESS, 2, D(2026, 11, 20), None],
    ["AV1", "Gamma SARL", "professionnel", D(2026, 9, 10), D(2026, 9, 10), -800.0, ADDRESS, None, None, "G1"],
]  # fmt: skip


def _text(path) -> str:
    doc = Document(str(path))
    cells = [" | ".join(c.text for c in r.cells) for t in doc.tables for r in t.rows]
    return (
        plain("\n".join([p.text for p in doc.paragraphs] + cells))
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    ("rows", "claimed", "said", "unsaid"),
    [
        pytest.param(GAMMA, 1278.05, [
            "nous vous mettons en demeure de nous régler la somme de 1 278,05 €",
            "Avoirs en votre faveur, déduits du total",
            "AV1 | 10/09/2026 | reste de l'avoir de 800,00 € après imputation de 500,00 € | -300,00 €",
            "Total réclamé : 1 278,05 €",
            "Solde du compte : 1 200,00 €",
        ], ["Avoirs disponibles", "-800,00 € | 0,00 € | -800,00 €"], id="surplus-compensated-in-the-letter"),
    ],
)  # fmt: skip
def test_a_credit_surplus_is_claimed_alike_by_letter_file_and_statement(
    tmp_path, rows, claimed, said, unsaid
):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    as_of, settings = D(2026, 12, 7), complete_settings()
    result = relance_xlsx.run(ledger, settings, as_of=as_of, out_dir=tmp_path / "o", pdf=False)
    [letter] = [x for x in result.letters if x.client == "Gamma SARL"]
    assert letter.total_due == claimed
    text = _text(letter.path)
    for line in said:
        assert line in text, text
    for line in unsaid:
        assert line not in text, text
    path, *_ = relance_xlsx.dossier(
        ledger, "Gamma SARL", settings, as_of=as_of, out_dir=tmp_path / "f", pdf=False
    )
    assert f"Total réclamé : {claimed:,.2f} €".replace(",", " ").replace(".", ",") in _text(path)
    # The README's promised warning, on the credit note's row (row 4: header, G1, G2, AV1).
    [problem] = [p for p in result.problems if "non imputé sur cette facture" in p.message]
    assert problem.row == 4 and "les courriers, le dossier de contentieux" in plain(problem.message)


@pytest.mark.parametrize(
    ("credit", "said"),
    [
        # 500 € − 520 € < 0 while 20 € of interest and 40 € leave a positive sum: refused,
        # compensation never takes the penalties (the litigation file's rule).
        pytest.param(-520.0, "les avoirs du client (-520,00\xa0€) dépassent le principal", id="beyond-principal"),
        pytest.param(-800.0, "demanderait", id="beyond-the-whole-claim"),
    ],
)  # fmt: skip
def test_a_free_credit_never_takes_the_penalties(tmp_path, credit, said):
    rows = [
        ["V1", "Vega SAS", "professionnel", D(2026, 8, 1), D(2026, 8, 31), 500.0, ADDRESS, 2, D(2026, 11, 20), None],
        ["AV-V", "Vega SAS", "professionnel", D(2026, 9, 10), D(2026, 9, 10), credit, ADDRESS, None, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 7), out_dir=tmp_path / "o", pdf=False
    )
    assert not result.letters
    [held] = result.to_complete
    assert any(said in m for m in held.missing), held.missing


def test_a_credit_notes_statement_line_adds_up(tmp_path):
    """« Avoir AV-01 | -800,00 € | Réglé -600,00 € | Solde -200,00 € »: what of a credit note
    was imputed is its « Réglé », so that amount, paid and balance add up (review-lawimg M2;
    it read « 0,00 € », the 600 € it settled shown nowhere)."""
    D = dt.date
    headers = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
               "Montant TTC", "Facture d'origine", "Niveau de relance", "Date de relance"]  # fmt: skip
    a = "10 rue Garibaldi\n69006 Lyon"
    rows = [
        ["V-01", "Vidal SARL", "professionnel", a, D(2026, 8, 1), D(2026, 8, 31), 600.0, None, 1, D(2026, 11, 5)],
        ["V-02", "Vidal SARL", "professionnel", a, D(2026, 9, 1), D(2026, 10, 1), 1000.0, None, 1, D(2026, 11, 5)],
        ["AV-01", "Vidal SARL", "professionnel", a, D(2026, 10, 20), D(2026, 10, 20), -800.0, "V-01", None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 8), out_dir=tmp_path / "o", pdf=False,
        statements=["Vidal SARL"], write_workbook=False,
    )  # fmt: skip
    [statement] = [x for x in result.letters if x.kind == "releve"]
    doc = Document(statement.path)
    lines = [
        [c.text.replace("\xa0", " ").replace("\u2011", "-") for c in r.cells]
        for t in doc.tables
        for r in t.rows
    ]
    [credit] = [line for line in lines if line[0] == "Avoir AV-01"]
    assert credit[3:] == ["-800,00 €", "-600,00 €", "-200,00 €"], credit
