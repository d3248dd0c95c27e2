"""A history that opens with the tool's own first letter is complete (lawyer's review 33g,
finding 6): with `start_at_days_late_level = true` a first letter may be a relance 2, and the
mise en demeure after it says « Malgré notre relance du 2 novembre 2026 », never « nos
relances, dont celle du … » (which asserts reminders that never existed). A level typed in the
ledger with its date (recovered « repris du classeur ») still implies an earlier reminder."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
FIRST = D(2026, 11, 2)
NOTICE = D(2026, 11, 13)
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Niveau de relance", "Date de relance"]  # fmt: skip
A = "1 rue A\n69001 Lyon"
ROWS = [
    # Never reminded, 32 days late on 02/11: the tool's first letter is a relance 2.
    ["X1", "Xi Conseil", "fr", A, D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, None, None],
    ["Y1", "Ypsilon Ltd", "en", A, D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, None, None],
    # « Relance 2 » typed with its date: a relance 1 came before, its date unknown.
    ["Z1", "Zeta Bois", "fr", A, D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, "Relance 2", D(2026, 11, 2)],
]  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each client's letter kind and text on 13/11, after the letters of 02/11."""
    tmp = tmp_path_factory.mktemp("first_letter")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    base = complete_settings()
    settings = dataclasses.replace(
        base, policy=dataclasses.replace(base.policy, start_at_days_late_level=True)
    )
    first = relance_xlsx.run(ledger, settings, as_of=FIRST, out_dir=tmp / "first")
    assert {x.client: x.kind for x in first.letters} == {
        "Xi Conseil": "relance_2",
        "Ypsilon Ltd": "relance_2",
    }
    result = relance_xlsx.run(ledger, settings, as_of=NOTICE, out_dir=tmp / "out")
    out = {}
    for x in result.letters:
        text = " ".join(p.text for p in Document(x.path).paragraphs)
        plain = text.replace("\u2011", "-").replace("\u202f", " ").replace("\xa0", " ")
        out[x.client] = (x.kind, " ".join(plain.split()))
    return out


@pytest.mark.parametrize(
    ("client", "says", "never"),
    [
        pytest.param(
            "Xi Conseil",
            "Malgré notre relance du 2 novembre 2026, la facture n° X1 ci-dessous demeure impayée.",
            "dont celle",
            id="fr-tool-first-letter",
        ),
        pytest.param(
            "Ypsilon Ltd",
            "Despite our reminder of 2 November 2026, invoice Y1 below remains unpaid.",
            "including that",
            id="en-tool-first-letter",
        ),
        pytest.param(
            "Zeta Bois",
            "Malgré nos relances, dont celle du 2 novembre 2026, la facture n° Z1 ci-dessous",
            "notre relance du",
            id="fr-level-typed-in-ledger",
        ),
    ],
)
def test_history_of_a_first_letter_at_relance_2(written, client, says, never):
    kind, text = written[client]
    assert kind == "mise_en_demeure", kind
    assert says in text, text
    assert never not in text, text
