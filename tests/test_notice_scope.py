"""« La présente vaut mise en demeure » covers only the invoices the notice gives notice of:
in a consumer's registered envelope that also asks, within the same delay, for an invoice
recorded at a reminder stage, the sentence names the noticed invoices, so that the record
(P2 at « Relance 2 ») and the letter agree. The lawyer's review, finding 9 (case c3b)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
# P1: Relance 2 of 20/11 (10 days passed): the notice. P2: Relance 1 of 15/11 (15 days
# passed): its second reminder, in the same envelope.
P1 = [
    "P1",
    "M. Paul Martin",
    "particulier",
    D(2026, 7, 1),
    D(2026, 7, 31),
    800.0,
    ADDRESS,
    "Relance 2",
    D(2026, 11, 20),
]
P2 = [
    "P2",
    "M. Paul Martin",
    "particulier",
    D(2026, 10, 1),
    D(2026, 10, 31),
    300.0,
    ADDRESS,
    "Relance 1",
    D(2026, 11, 15),
]


@pytest.mark.parametrize(
    ("rows", "language", "said", "levels"),
    [
        pytest.param([P1, P2], "fr", "La présente vaut mise en demeure au sens de l'article 1344 du Code civil pour la facture n° P1.", {"P1": 3, "P2": 2}, id="c3b-envelope-fr"),
        pytest.param([P1, P2], "en", "This letter is a formal notice within the meaning of article 1344 of the French Civil Code in respect of invoice P1.", {"P1": 3, "P2": 2}, id="c3b-envelope-en"),
        # A notice alone: « La présente » is the notice, nothing to limit.
        pytest.param([P1], "fr", "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.", {"P1": 3}, id="notice-alone"),
    ],
)  # fmt: skip
def test_the_notice_sentence_names_what_it_covers(tmp_path, rows, language, said, levels):
    settings = complete_settings()
    settings = replace(
        settings,
        policy=replace(settings.policy, interest_for_consumers=True),
        letters=replace(settings.letters, language=language),
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    assert {i.invoice: i.level for i in result.invoices} == levels
    [letter] = result.letters
    assert letter.kind == "mise_en_demeure"
    text = plain(" ".join(p.text for p in Document(letter.path).paragraphs)).replace("\u2011", "-")
    assert said in " ".join(text.split()), text
