"""The lawyer's review of issue 28, D8 and D9: English tense and words (« after the due date »,
« will bear interest »), « régulariser sans délai » only past a week, and a status that says
« pénalités réclamées » where no thank-you was sent."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Niveau de relance", "Date de relance"]  # fmt: skip
FR, UK = "1 rue A\n69001 Lyon", "7 Pier Road\nEdinburgh EH6 6QW\nRoyaume-Uni"


def _run(tmp_path, rows, as_of):
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    settings = complete_settings()
    settings = replace(
        settings,
        policy=replace(settings.policy, claim_after_payment="letter", interest_for_consumers=True),
    )
    result = relance_xlsx.run(ledger, settings, as_of=as_of, out_dir=tmp_path / "out")
    texts = {
        x.client: " ".join(" ".join(p.text for p in Document(x.path).paragraphs).split())
        for x in result.letters
    }
    return ledger, texts


@pytest.mark.parametrize(
    ("rows", "as_of", "client", "says", "never"),
    [
        # Her w2 Northwind: an English claim alone for an invoice paid late.
        pytest.param([["N1", "Northwind Ltd", "professionnel", "en", UK, D(2026, 9, 1), D(2026, 10, 1), 1000.0, 1000.0, D(2026, 10, 21), None, None]],
                     D(2026, 11, 2), "Northwind Ltd", "It reached us, however, after the due date.", "after the date.", id="en-after-the-due-date"),
        # Her w7: an English consumer at relance 1 (10/10) gets relance 2 on 02/11.
        pytest.param([["EC1", "Mr John Smith", "particulier", "en", "3 rue B\n06400 Cannes", D(2026, 8, 1), D(2026, 8, 31), 400.0, None, None, "Relance 1", D(2026, 10, 10)]],
                     D(2026, 11, 2), "Mr John Smith", "from which the amount due will bear interest", "amount due bears interest", id="en-consumer-will-bear"),
        # Her w1 commune on 16/11: a new invoice 2 days late, with another under notice recalled.
        pytest.param([["C1", "Commune de Saint-Genis", "Commune", "fr", FR, D(2026, 8, 20), D(2026, 9, 19), 2000.0, None, None, "Mise en demeure", D(2026, 11, 9)],
                      ["C2", "Commune de Saint-Genis", "Commune", "fr", FR, D(2026, 10, 15), D(2026, 11, 14), 450.0, None, None, None, None]],
                     D(2026, 11, 16), "Commune de Saint-Genis", "Pour mémoire", "Ce retard atteint", id="two-days-late-no-sans-delai"),
        # The same 20 days late: the firm sentence is due.
        pytest.param([["C1", "Commune de Saint-Genis", "Commune", "fr", FR, D(2026, 8, 20), D(2026, 9, 19), 2000.0, None, None, "Mise en demeure", D(2026, 11, 9)],
                      ["C2", "Commune de Saint-Genis", "Commune", "fr", FR, D(2026, 9, 27), D(2026, 10, 27), 450.0, None, None, None, None]],
                     D(2026, 11, 16), "Commune de Saint-Genis", "Ce retard atteint 20 jours : nous vous demandons de régulariser cette situation.", "simple oubli", id="twenty-days-late-sans-delai"),
        # The public-workbook review (L11): two invoices 204 and 162 days late in one part; only the oldest
        # delay reaches 204 days (16/11/2026 − 26/04/2026 = 204; − 07/06/2026 = 162).
        pytest.param([["M1", "Menuiserie Roux SARL", "professionnel", "fr", FR, D(2026, 3, 27), D(2026, 4, 26), 800.0, None, None, None, None],
                      ["M2", "Menuiserie Roux SARL", "professionnel", "fr", FR, D(2026, 5, 8), D(2026, 6, 7), 300.0, None, None, None, None]],
                     D(2026, 11, 16), "Menuiserie Roux SARL", "Le plus ancien de ces retards atteint 204 jours : nous vous demandons", "Ce retard atteint", id="two-invoices-the-oldest-delay"),
        pytest.param([["E1", "Northwind Ltd", "professionnel", "en", UK, D(2026, 3, 27), D(2026, 4, 26), 800.0, None, None, None, None],
                      ["E2", "Northwind Ltd", "professionnel", "en", UK, D(2026, 5, 8), D(2026, 6, 7), 300.0, None, None, None, None]],
                     D(2026, 11, 16), "Northwind Ltd", "The oldest of these delays has reached 204 days", "This delay has reached", id="en-two-invoices-the-oldest-delay"),
    ],
)  # fmt: skip
def test_the_words_of_a_letter(tmp_path, rows, as_of, client, says, never):
    _, texts = _run(tmp_path, rows, as_of)
    assert says in texts[client], texts[client]
    assert never not in texts[client]


@pytest.mark.parametrize(
    ("level", "status"),
    [
        # Her w1 P3: paid late, its interest claimed (the claim letter is recorded so).
        pytest.param("Réglée – pénalités réclamées", "Réglée – pénalités réclamées", id="claimed-not-thanked"),
        pytest.param("Réglée – remerciée", "Réglée (remerciement déjà envoyé)", id="thanked"),
    ],
)  # fmt: skip
def test_a_paid_invoice_s_status_says_which_letter_went(tmp_path, level, status):
    rows = [
        [
            "P3",
            "Mme Julie Petit",
            "particulier",
            "fr",
            FR,
            D(2026, 8, 26),
            D(2026, 9, 25),
            260.0,
            260.0,
            D(2026, 11, 20),
            level,
            D(2026, 11, 23),
        ]
    ]
    ledger, _ = _run(tmp_path, rows, D(2026, 11, 30))
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    row = next(ws.iter_rows(min_row=2, values_only=True))
    assert row[header.index("Statut relance")] == status


@pytest.mark.parametrize(
    ("language", "address", "subject"),
    [
        pytest.param("fr", FR, "Objet : relance – 8 factures impayées", id="fr-eight-invoices"),
        pytest.param("en", UK, "Subject: payment reminder – 8 invoices", id="en-eight-invoices"),
    ],
)
def test_a_subject_of_many_invoices_reads_as_a_sentence(tmp_path, language, address, subject):
    """The new user's review of issue 30 (D12): « relance – 8 factures, voir le détail
    impayées »; the subject now says « 8 factures impayées » and the table lists them."""
    rows = [
        [f"M-{i}", "Atelier Mu", "professionnel", language, address, D(2026, 9, 1), D(2026, 10, 1),
         100.0 + i, None, None, None, None]
        for i in range(1, 9)
    ]  # fmt: skip
    _, texts = _run(tmp_path, rows, D(2026, 10, 12))
    text = texts["Atelier Mu"].replace("\u202f", " ").replace("\u00a0", " ")
    assert subject in text and "voir le détail impayées" not in text
