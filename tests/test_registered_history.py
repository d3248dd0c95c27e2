"""A letter's history names a formal notice's registered envelope as what it was: an invoice
listed below the notice in that envelope was sent « notre lettre recommandée du 22 novembre
2026 », not a mere « relance » (lawyer's review 33g, finding 7): the registered letter is the
proof of receipt a litigation file relies on. Letters and e-mails, French and English."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import reminders_by_invoice

D = dt.date
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "E-mail", "Date facture", "Échéance",
           "Montant TTC", "Montant réglé", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "1 rue A\n69001 Lyon"
NOTICE_DAY = D(2026, 11, 22)
# The notice's delay over (test_notice_envelope.py): the envelope's invoices go to relance 2.
AFTER = NOTICE_DAY + dt.timedelta(days=16)
# Each client: the first invoice goes to a formal notice on 22/11; the others are listed
# below it in the same envelope, one reminded before (08/11), one never.
ROWS = [
    ["B1", "Boulangerie Bêta", "fr", A, "b@b.fr", D(2026, 8, 1), D(2026, 8, 31), 500.0, 0, "Relance 2", D(2026, 11, 10)],
    ["B2", "Boulangerie Bêta", "fr", A, "b@b.fr", D(2026, 6, 1), D(2026, 7, 1), 300.0, 0, "Relance 1", D(2026, 11, 8)],
    ["B3", "Boulangerie Bêta", "fr", A, "b@b.fr", D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, None, None],
    ["H1", "Harbour Eta", "en", A, "h@h.co.uk", D(2026, 8, 1), D(2026, 8, 31), 500.0, 0, "Relance 2", D(2026, 11, 10)],
    ["H2", "Harbour Eta", "en", A, "h@h.co.uk", D(2026, 6, 1), D(2026, 7, 1), 300.0, 0, "Relance 1", D(2026, 11, 8)],
    # Only in the envelope: its one letter so far is the registered one.
    ["M1", "Menuiserie Mu", "fr", A, "m@m.fr", D(2026, 8, 1), D(2026, 8, 31), 500.0, 0, "Relance 2", D(2026, 11, 10)],
    ["M2", "Menuiserie Mu", "fr", A, "m@m.fr", D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, None, None],
]  # fmt: skip


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").replace("\xa0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each client's letter and e-mail text, written after the notice's delay."""
    tmp = tmp_path_factory.mktemp("registered_history")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    settings = complete_settings()
    first = relance_xlsx.run(ledger, settings, as_of=NOTICE_DAY, out_dir=tmp / "first")
    assert {x.client: x.kind for x in first.letters} == dict.fromkeys(
        ("Boulangerie Bêta", "Harbour Eta", "Menuiserie Mu"), "mise_en_demeure"
    )
    result = relance_xlsx.run(ledger, settings, as_of=AFTER, out_dir=tmp / "out", email=True)
    out = {}
    for x in result.letters:
        letter = " ".join(p.text for p in Document(x.path).paragraphs)
        eml = tmp / "out" / "emails" / (x.path.rsplit("/", 1)[1].removesuffix(".docx") + ".eml")
        msg = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
        out[x.client] = (_plain(letter), _plain(msg.get_body(("plain",)).get_content()))
    return out


@pytest.mark.parametrize(
    ("client", "says", "never"),
    [
        pytest.param(
            "Boulangerie Bêta",
            "Malgré notre relance du 8 novembre 2026 pour la facture n° B2 et notre lettre "
            "recommandée du 22 novembre 2026, les factures n° B2 et B3 ci-dessous",
            "et du 22 novembre 2026 pour les factures",
            id="fr-reminder-then-registered",
        ),
        pytest.param(
            "Harbour Eta",
            "Despite our reminder of 8 November 2026 and our registered letter of 22 November "
            "2026, invoice H2 below remains unpaid.",
            "our reminders of 8 and 22 November 2026",
            id="en-reminder-then-registered",
        ),
        pytest.param(
            "Menuiserie Mu",
            "Malgré notre lettre recommandée du 22 novembre 2026, la facture n° M2 ci-dessous",
            "notre relance du 22 novembre 2026",
            id="fr-registered-only",
        ),
    ],
)
def test_history_names_the_registered_letter(written, client, says, never):
    letter, mail = written[client]
    assert says in letter, letter
    # The e-mail says what the letter says (its « ci-dessous » aside).
    assert says.replace(" ci-dessous", "").replace(" below", "") in mail, mail
    # What it said before: the registered letter of 22/11 as one more reminder.
    assert never not in letter and never not in mail, letter


NOV8, NOV22, DEC5 = D(2026, 11, 8), D(2026, 11, 22), D(2026, 12, 5)


@pytest.mark.parametrize(
    ("groups", "registered", "numbers", "complete", "lang", "expected"),
    [
        pytest.param([([NOV8], ["A"])], [([NOV22], ["A"])], ["A"], True, "fr",
                     "notre relance du 8 novembre 2026 et notre lettre recommandée du 22 novembre 2026", id="fr-one-each"),
        pytest.param([], [([NOV22, DEC5], ["A", "B"])], ["A", "B"], True, "fr",
                     "nos lettres recommandées des 22 novembre et 5 décembre 2026", id="fr-two-registered"),
        pytest.param([], [([NOV22], ["A"])], ["A"], False, "fr",
                     "nos relances et notre lettre recommandée du 22 novembre 2026", id="fr-reminders-undated"),
        pytest.param([([NOV8], ["A"])], [([NOV22], ["B"])], ["A", "B"], True, "fr",
                     "notre relance du 8 novembre 2026 pour la facture n° A et notre lettre recommandée du 22 novembre 2026 pour la facture n° B",
                     id="fr-each-its-invoice"),
        pytest.param([([D(2026, 10, i)], [f"N{i}"]) for i in range(1, 5)], [([NOV22], ["N1"])], [f"N{i}" for i in range(1, 5)], True, "fr",
                     "nos relances et lettres recommandées, dont le tableau ci-dessous donne les dates pour chaque facture",
                     id="fr-the-table-says"),
        pytest.param([([NOV8], ["A"])], [([NOV22], ["A"])], ["A"], False, "en",
                     "our reminders, including that of 8 November 2026 and our registered letter of 22 November 2026", id="en-incomplete"),
    ],
)  # fmt: skip
def test_registered_wording(groups, registered, numbers, complete, lang, expected):
    assert reminders_by_invoice(groups, numbers, lang, complete, registered) == expected
