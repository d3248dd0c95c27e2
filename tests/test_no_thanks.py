"""No thanks for a payment whose late-payment penalties are owed and not claimed, nor to a
client handed to litigation: the README's rules (« A client handed to litigation gets no more
letters », « A client under formal notice is never thanked », « the thank-you letter never
says the claim is waived »). Review of 7 December 2026, finding 4 (cases c6n, c4, sample).
Rates from legal-fr.md: 2026 H2, ECB 2,15 % + 10 = 12,15 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


def _row(number, client, kind, due, amount, paid_on, level, sent):
    paid = amount if paid_on else None
    return [
        number,
        client,
        kind,
        due - dt.timedelta(days=31),
        due,
        amount,
        paid,
        paid_on,
        ADDRESS,
        level,
        sent,
    ]


# c6n: K1 (4 900 €) under a notice since 01/10: handed to litigation today (15 days passed).
# K2 (700 €, due 01/09) paid 30/11: 90 days, 700 × 12,15 % × 90 / 365 = 20,97 € and the 40 €.
KAPPA = [_row("K1", "Kappa SAS", "professionnel", D(2026, 6, 1), 4900.0, None, "Mise en demeure", D(2026, 10, 1)),
         _row("K2", "Kappa SAS", "professionnel", D(2026, 9, 1), 700.0, D(2026, 11, 30), "Relance 1", D(2026, 10, 1))]  # fmt: skip
# c4: a public buyer handed over for a référé-provision, its other invoice paid late.
METRO = [_row("M1", "Métropole de Lyon", "Métropole", D(2026, 7, 1), 1500.0, None, "Mise en demeure", D(2026, 10, 1)),
         _row("M2", "Métropole de Lyon", "Métropole", D(2026, 9, 1), 700.0, D(2026, 11, 30), "Relance 1", D(2026, 10, 1))]  # fmt: skip
# B1 (700 €, due 01/09) paid on 30/11 after a reminder, nothing else owed: a receipt, no thanks.
BETA = [
    _row(
        "B1",
        "Beta SARL",
        "professionnel",
        D(2026, 9, 1),
        700.0,
        D(2026, 11, 30),
        "Relance 1",
        D(2026, 10, 1),
    )
]
# Roux: R1 given its notice today (relance 2 of 20/11), R2 paid late since its relance 1.
ROUX = [_row("R1", "Menuiserie Roux", "professionnel", D(2026, 9, 1), 900.0, None, "Relance 2", D(2026, 11, 20)),
        _row("R2", "Menuiserie Roux", "professionnel", D(2026, 9, 1), 700.0, D(2026, 11, 30), "Relance 1", D(2026, 10, 1))]  # fmt: skip
# A consumer owes nothing for a payment made before any notice: thanked, as before.
CONSUMER = [
    _row(
        "C1",
        "Mme Anne Roy",
        "particulier",
        D(2026, 9, 1),
        700.0,
        D(2026, 11, 30),
        "Relance 1",
        D(2026, 10, 1),
    )
]

NOTICED = [
    _row("C1", "Mme Anne Roy", "particulier", D(2026, 9, 1), 700.0, D(2026, 11, 30),
         "Mise en demeure", D(2026, 10, 20))
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "client", "kind", "says", "never"),
    [
        pytest.param(KAPPA, "Kappa SAS", None, [], [], id="c6n-litigation-client-not-thanked"),
        pytest.param(METRO, "Métropole de Lyon", None, [], [], id="c4-public-buyer-in-litigation-not-thanked"),
        pytest.param(BETA, "Beta SARL", "remerciement",
                     ["Nous accusons réception de votre règlement de la facture n° B1 ci-dessous",
                      "Ce règlement nous est parvenu après l'échéance : les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement restent dues."],
                     ["remercions", "Votre compte est à jour"], id="paid-late-receipt-without-thanks"),
        pytest.param(ROUX, "Menuiserie Roux", "mise_en_demeure",
                     ["Nous avons bien reçu le règlement de la facture n° R2. Ce règlement nous est parvenu après l'échéance : les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement restent dues."],
                     ["en remercions"], id="roux-notice-acknowledges-without-thanks"),
        pytest.param(CONSUMER, "Mme Anne Roy", "remerciement", ["et nous vous en remercions", "Votre compte est à jour"],
                     ["restent dues"], id="consumer-owing-nothing-still-thanked"),
        # Paid after a notice: the legal interest ran from it (1231-6), computed or not: a
        # receipt that never says the account is settled (the lawyer's review, 8).
        pytest.param(NOTICED, "Mme Anne Roy", "remerciement", ["après cette mise en demeure"],
                     ["Votre compte est à jour", "remercions"], id="consumer-paid-after-a-notice"),
    ],
)  # fmt: skip
def test_no_thanks_while_penalties_are_owed_or_the_client_goes_to_court(
    tmp_path, rows, client, kind, says, never
):
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    mine = [x for x in result.letters if x.client == client]
    if kind is None:
        assert not mine, [x.kind for x in mine]
        paid = next(i for i in result.invoices if i.invoice.endswith("2"))
        assert paid.action == "wait" and "contentieux" in paid.reason, paid.reason
        assert paid.indemnity == 40.0
        return
    [letter] = mine
    assert letter.kind == kind
    text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
    for sentence in says:
        assert sentence in text, text
    for words in never:
        assert words not in text
