"""An invoice partly paid is never said unpaid in full (lawyer's review 33g, findings 2 and 3):
the letter says its « règlement intégral » was not received, and its e-mail carries the
letter's « Nous avons bien reçu, en règlement partiel, … », in French and in English. The
e-mail of a formal notice says the registered letter gives the notice, never « Nous vous y
mettons en demeure » as if the e-mail were the notice (finding 4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "E-mail", "Date facture", "Échéance",
           "Montant TTC", "Montant réglé", "Date règlement", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "1 rue A\n69001 Lyon"
ROWS = [
    # Librairie: one invoice, never reminded, half paid: the first sentence of a 1st reminder.
    ["L1", "Librairie Lambda", "fr", A, "l@l.fr", D(2026, 9, 16), D(2026, 10, 16), 298.15, 149.07, D(2026, 10, 21), None, None],
    # Traiteur: a notice for T1; T2 unpaid and T3 partly paid below it, « Par ailleurs ».
    ["T1", "Traiteur Tau", "fr", A, "t@t.fr", D(2026, 6, 1), D(2026, 7, 1), 500.0, 0, None, "Relance 2", D(2026, 11, 1)],
    ["T2", "Traiteur Tau", "fr", A, "t@t.fr", D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, None, None, None],
    ["T3", "Traiteur Tau", "fr", A, "t@t.fr", D(2026, 9, 5), D(2026, 10, 5), 300.0, 100.0, D(2026, 10, 10), None, None],
    # Olive: T2's case without a payment: the plain wording stays.
    ["O1", "Olive Omega", "fr", A, "o@o.fr", D(2026, 6, 1), D(2026, 7, 1), 500.0, 0, None, "Relance 2", D(2026, 11, 1)],
    ["O2", "Olive Omega", "fr", A, "o@o.fr", D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, None, None, None],
    # Harbour, in English: K1 reminded, K2 partly paid below it.
    ["K1", "Harbour Kappa", "en", A, "k@k.co.uk", D(2026, 6, 1), D(2026, 7, 1), 250.0, 0, None, "Relance 1", D(2026, 10, 20)],
    ["Q1", "Quay Qoppa", "en", A, "q@q.co.uk", D(2026, 6, 1), D(2026, 7, 1), 250.0, 0, None, "Relance 2", D(2026, 11, 1)],
    ["K2", "Harbour Kappa", "en", A, "k@k.co.uk", D(2026, 9, 1), D(2026, 10, 1), 350.0, 100.0, D(2026, 10, 10), None, None],
    # Pi and Rho: reminded on 02/11, partly paid: « Malgré notre relance … reste partiellement impayée ».
    ["P1", "Papeterie Pi", "fr", A, "p@p.fr", D(2026, 6, 1), D(2026, 7, 1), 400.0, 150.0, D(2026, 7, 20), "Relance 1", D(2026, 11, 2)],
    ["R1", "Rope Rho", "en", A, "r@r.co.uk", D(2026, 6, 1), D(2026, 7, 1), 400.0, 150.0, D(2026, 7, 20), "Relance 1", D(2026, 11, 2)],
]  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each client's letter and e-mail text, from one run with e-mails."""
    tmp = tmp_path_factory.mktemp("partly_paid")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp / "out", email=True
    )
    out = {}
    for x in result.letters:
        letter = " ".join(p.text for p in Document(x.path).paragraphs)
        eml = tmp / "out" / "emails" / (x.path.rsplit("/", 1)[1].removesuffix(".docx") + ".eml")
        msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
        mail = msg.get_body(("plain",)).get_content()
        out[x.client] = tuple(
            " ".join(t.replace("\u2011", "-").replace("\xa0", " ").replace("\u202f", " ").split())
            for t in (letter, mail)
        )
    return out


@pytest.mark.parametrize(
    ("client", "says", "never"),
    [
        pytest.param(
            "Librairie Lambda",
            [
                "nous n'avons pas reçu à ce jour le règlement intégral de la facture n° L1",
                "Nous avons bien reçu, en règlement partiel, 149,07 € sur la facture n° L1",
            ],
            ["le règlement de la facture n° L1"],
            id="first-reminder",
        ),
        pytest.param(
            "Traiteur Tau",
            [
                "les factures n° T2 et T3 ci-dessous sont arrivées à échéance sans que nous en ayons reçu le règlement intégral.",
                "Nous avons bien reçu, en règlement partiel, 100,00 € sur la facture n° T3",
            ],
            ["reçu le règlement."],
            id="envelope-part",
        ),
        pytest.param(
            "Olive Omega",
            [
                "la facture n° O2 ci-dessous est arrivée à échéance sans que nous en ayons reçu le règlement."
            ],
            ["intégral", "règlement partiel"],
            id="nothing-paid",
        ),
        pytest.param(
            "Harbour Kappa",
            [
                "invoice K2 below has fallen due and remains partly unpaid.",
                "We have received, in part payment, €100.00 on invoice K2",
            ],
            ["has fallen due and remains unpaid."],
            id="english",
        ),
        pytest.param(
            "Papeterie Pi",
            [
                "Malgré notre relance du 2 novembre 2026, la facture n° P1 ci-dessous reste partiellement impayée à ce jour."
            ],
            ["reste impayée"],
            id="reminded-partly-paid",
        ),
        pytest.param(
            "Rope Rho",
            [
                "Despite our reminder of 2 November 2026, invoice P1 below remains partly unpaid.".replace(
                    "P1", "R1"
                )
            ],
            ["remains unpaid."],
            id="reminded-partly-paid-english",
        ),
    ],
)
def test_a_payment_received_is_said_in_the_letter_and_its_email(written, client, says, never):
    letter, mail = written[client]
    for sentence in says:
        assert sentence in letter, sentence
        # The e-mail says what its letter says (without « ci-dessous »: it has no table).
        assert sentence.replace(" ci-dessous", "").replace(" below", "") in mail, sentence
    for words in never:
        assert words not in letter and words not in mail, words


@pytest.mark.parametrize(
    ("client", "says", "never"),
    [
        pytest.param(
            "Traiteur Tau",
            "La lettre recommandée vous met en demeure de nous régler la somme de",
            ["vous y mettons en demeure", "nous vous mettons en demeure"],
            id="fr",
        ),
        pytest.param(
            "Quay Qoppa",
            "The registered letter gives you formal notice to pay",
            ["We hereby give you formal notice"],
            id="en",
        ),
    ],
)
def test_the_email_of_a_notice_is_not_the_notice(written, client, says, never):
    letter, mail = written[client]
    assert "mettons en demeure" in letter or "hereby give you formal notice" in letter
    assert says in mail
    for words in never:
        assert words not in mail, words
