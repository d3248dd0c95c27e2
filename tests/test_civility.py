"""A letter greets a person the ledger names with a civility as such (the third legal review,
8e): « Monsieur, » to « M. Paul Durand », « Dear Mr Smith, » … « Yours sincerely, » to « Mr
John Smith »; a company or a couple gets « Madame, Monsieur, » / « Dear Sir or Madam, »."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.letters.civility import civility
from relance_xlsx.wording import plain

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Langue"]  # fmt: skip
LYON = "10 rue Garibaldi\n69006 Lyon"
LONDON = "1 High Street\nLondon EC1A 1AA\nUnited Kingdom"


@pytest.mark.parametrize(
    ("name", "lang", "salutation", "closing"),
    [
        pytest.param("M. Paul Durand", "fr", "Monsieur,", "Nous vous prions d'agréer, Monsieur, l'expression", id="m-point"),
        pytest.param("Monsieur Paul Durand", "fr", "Monsieur,", "agréer, Monsieur, l'expression", id="monsieur"),
        pytest.param("Mme Anne Roy", "fr", "Madame,", "agréer, Madame, l'expression", id="mme"),
        pytest.param("Madame Anne Roy", "fr", "Madame,", "agréer, Madame, l'expression", id="madame"),
        pytest.param("M. et Mme Roy", "fr", "Madame, Monsieur,", "agréer, Madame, Monsieur, l'expression", id="a-couple"),
        pytest.param("Mixte SAS", "fr", "Madame, Monsieur,", "agréer, Madame, Monsieur, l'expression", id="a-company"),
        pytest.param("MBA Conseil", "fr", "Madame, Monsieur,", "agréer, Madame, Monsieur, l'expression", id="m-is-no-civility-without-its-point"),
        pytest.param("Mr John Smith", "en", "Dear Mr Smith,", "Yours sincerely,", id="mr-en"),
        pytest.param("Nordic Ltd", "en", "Dear Sir or Madam,", "Yours faithfully,", id="company-en"),
    ],
)  # fmt: skip
def test_the_letter_greets_the_person_it_names(tmp_path: Path, name, lang, salutation, closing):
    address = LYON if lang == "fr" else LONDON
    rows = [["N1", name, "particulier" if name[0] == "M" and " " in name else "professionnel",
             D(2026, 9, 1), D(2026, 10, 1), 500.0, address, None, None, lang]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7),
                              out_dir=tmp_path / "out", write_workbook=False)  # fmt: skip
    [letter] = result.letters
    texts = [plain(p.text).replace("\u2019", "'") for p in all_paragraphs(Document(letter.path))]
    assert salutation in texts, texts
    assert any(closing in t for t in texts), texts
    said = civility(name, lang)
    assert said["salutation"] == salutation
