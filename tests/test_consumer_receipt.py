"""A consumer's legal interest runs from the mise en demeure, which takes effect when the
debtor receives it (Code civil 1231-6 and 1344, legal-fr §7.3, §8.5): from the day after its
avis de réception when dated, else after its presumed receipt two days after it was sent, and
the letter says from when it is counted. The lawyer's review, finding 7 (case c3b, Mme Roy)."""

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
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance", "Date AR"]  # fmt: skip


@pytest.mark.parametrize(
    ("ar", "interest", "start", "said", "sent"),
    [
        # No AR: notice of 20/10 presumed received on 22/10, interest 23/10–25/11: 9 + 25 =
        # 34 days at the legal rate 2,62 % (legal-fr §3, 2026 H1, still applied):
        # 500 × 2,62 % × 34 / 365 = 1,2203 → 1,22 € (the review's 1,29 € counted 36 days from 21/10).
        pytest.param(None, 1.22, "23/10/2026", "Intérêts au taux légal comptés à partir du lendemain de la réception de notre mise en demeure du 20 octobre 2026 (articles 1231-6 et 1344 du Code civil), présumée reçue le 22 octobre 2026, deux jours après son envoi, faute d'avis de réception daté.", D(2026, 10, 20), id="c3b-presumed-receipt"),
        # Notice of Friday 23/10/2026, no AR: 25/10 is a Sunday (no delivery), presumed received
        # on Monday 26/10; interest 27/10–25/11: 5 + 25 = 30 days: 500 × 2,62 % × 30 / 365 =
        # 1,0767 → 1,08 € (the third review's finding 5: 1,11 € counted 31 days from 26/10).
        pytest.param(None, 1.08, "27/10/2026", "Intérêts au taux légal comptés à partir du lendemain de la réception de notre mise en demeure du 23 octobre 2026 (articles 1231-6 et 1344 du Code civil), présumée reçue le 26 octobre 2026, le deuxième jour après son envoi étant un dimanche, faute d'avis de réception daté.", D(2026, 10, 23), id="presumed-receipt-on-a-sunday-moves-to-monday"),
        # AR dated 21/10: interest 22/10–25/11, 10 + 25 = 35 days: 500 × 2,62 % × 35 / 365 = 1,2562 → 1,26 €.
        pytest.param(D(2026, 10, 21), 1.26, "22/10/2026", "Intérêts au taux légal comptés à partir du lendemain de la réception de notre mise en demeure du 20 octobre 2026 (articles 1231-6 et 1344 du Code civil), reçue le 21 octobre 2026.", D(2026, 10, 20), id="avis-de-reception"),
    ],
)  # fmt: skip
def test_consumer_interest_runs_from_the_notice_receipt(tmp_path, ar, interest, start, said, sent):
    rows = [["R1", "Mme Anne Roy", "particulier", D(2026, 6, 1), D(2026, 7, 1), 500.0, 500.0, D(2026, 11, 25), ADDRESS, "Mise en demeure", sent, ar]]  # fmt: skip
    settings = complete_settings()
    policy = replace(settings.policy, claim_after_payment="letter", interest_for_consumers=True)
    settings = replace(settings, policy=replace(policy, claim_minimum=0.0))
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    [r1] = result.invoices
    assert (r1.interest, r1.indemnity) == (interest, 0.0)
    [letter] = result.letters
    assert letter.total_due == interest
    doc = Document(letter.path)
    text = plain(" ".join(p.text for p in doc.paragraphs)).replace("\u2011", "-")
    assert said in " ".join(text.split()), text
    cells = plain(" ".join(c.text for t in doc.tables for row in t.rows for c in row.cells))
    assert start in cells, cells
