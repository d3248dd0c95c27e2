"""A rate the table does not confirm yet (the ECB rate of 1 July 2026, the legal rate of its
half-year: legal-fr §3, §4) is never printed as fact: the letter, the litigation file and the
declaration of claim say the latest known rate is applied, « sauf à parfaire » (the lawyer's
review, 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.config import Policy
from relance_xlsx.policy import load_rate_tables, provisional_of, provisional_sentence

D = dt.date
TABLES = load_rate_tables()  # the bundled table: ECB confirmed until 5 February 2026
ECB_NOTE = (
    "Le taux directeur de la BCE au 1er juillet 2026 n'était pas encore confirmé à la date de "
    "ce courrier : le dernier connu (2,15\u00a0%) est appliqué, sauf à parfaire."
)


def _row(start: dt.date, **kind: bool) -> dict[str, object]:
    return {"periods": [(start, start, 1, 12.15, 100.0, 0.03)], **kind}


@pytest.mark.parametrize(
    ("row", "policy", "said"),
    [
        pytest.param(_row(D(2026, 7, 1)), Policy(), ECB_NOTE, id="business-2026-h2-unconfirmed"),
        pytest.param(_row(D(2026, 3, 1)), Policy(), "", id="business-2026-h1-confirmed"),
        # A public buyer's rate is fixed where its delay starts (R2192-31): a delay begun in
        # the first half-year keeps its confirmed rate into the second.
        pytest.param(_row(D(2026, 6, 2), public=True), Policy(), "", id="public-started-h1"),
        pytest.param(_row(D(2026, 8, 2), public=True), Policy(), ECB_NOTE, id="public-started-h2"),
        # Its periods split at 1 July keep the first half-year's confirmed rate.
        pytest.param(
            {
                "periods": [
                    (D(2026, 6, 2), D(2026, 6, 30), 29, 10.15, 100.0, 0.8),
                    (D(2026, 7, 1), D(2026, 12, 7), 160, 10.15, 100.0, 4.4),
                ],
                "public": True,
            },
            Policy(),
            "",
            id="public-started-h1-split-at-july",
        ),
        pytest.param(
            _row(D(2026, 11, 10), consumer=True),
            Policy(),
            "Le taux de l'intérêt légal du 2e semestre 2026 n'était pas encore connu à la date "
            "de ce courrier : le dernier publié (2,62\u00a0%) est appliqué, sauf à parfaire.",
            id="consumer-legal-rate-h2",
        ),
        pytest.param(
            _row(D(2026, 11, 10), consumer=True),
            Policy(consumer_interest_rate=3.0),
            "",
            id="consumer-rate-set-by-the-office",
        ),
        # A contractual rate above 3 × the legal rate is the contract's: nothing unsure.
        pytest.param(_row(D(2026, 8, 1)), Policy(interest_rate=15.0), "", id="contract-rate"),
    ],
)
def test_only_an_unconfirmed_rate_is_said_provisional(row, policy, said):
    assert provisional_sentence(provisional_of([row], TABLES, policy)) == said


def test_the_english_letter_says_it_in_english():
    found = provisional_of([_row(D(2026, 9, 1))], TABLES, Policy())
    assert provisional_sentence(found, "en") == (
        "The ECB main refinancing rate on 1 July 2026 was not yet confirmed at the date of this "
        "letter: the latest known rate (2.15%) is applied, subject to adjustment."
    )


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    # The letter's typography binds the date and sets the narrow space before « : ».
    return [
        t.replace("\u202f", " ").replace("\xa0", " ")
        for t in [*(p.text for p in doc.paragraphs), *cells]
    ]


HEADERS = ["N° facture", "Client", "Échéance", "Montant TTC", "Adresse", "Niveau de relance",
           "Date de relance"]  # fmt: skip
ADDRESS = "1 rue Haute\n75001 Paris"


@pytest.mark.parametrize(
    "due",
    [
        pytest.param(D(2026, 9, 1), id="late-since-september"),
        # Its first half-year's rate is confirmed, its second's not: said once all the same.
        pytest.param(D(2026, 1, 10), id="late-since-january"),
    ],
)
def test_a_letter_says_its_rate_is_provisional_under_its_interest(tmp_path, due):
    rows = [["N1", "Nova SAS", due, 1000.0, ADDRESS, "Relance 2", D(2026, 10, 1)]]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7),
                              out_dir=tmp_path / "out", write_workbook=False)  # fmt: skip
    [letter] = result.letters
    texts = _texts(Path(letter.path))
    # Said once, under the interest detail of the part that claims it.
    assert texts.count(ECB_NOTE.replace("\xa0", " ")) == 1


def test_a_letter_whose_rates_are_all_confirmed_says_nothing(tmp_path):
    rows = [["N1", "Nova SAS", D(2025, 9, 1), 1000.0, ADDRESS, "Relance 2", D(2025, 10, 1)]]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    settings = complete_settings()
    result = relance_xlsx.run(ledger, settings, as_of=D(2025, 12, 1),
                              out_dir=tmp_path / "out", write_workbook=False)  # fmt: skip
    [letter] = result.letters
    assert not any("sauf à parfaire" in t for t in _texts(Path(letter.path)))


def test_an_envelope_of_several_parts_says_it_once(tmp_path):
    """The third legal review, 8d: a notice and a reminder in one envelope, both with interest
    in 2026 H2: the caveat came under each part's detail; once is enough, under the first."""
    rows = [["N1", "Nova SAS", D(2026, 9, 1), 1000.0, ADDRESS, "Relance 2", D(2026, 10, 1)],
            ["N2", "Nova SAS", D(2026, 9, 15), 500.0, ADDRESS, "Relance 1", D(2026, 10, 1)],
            ["N3", "Nova SAS", D(2026, 10, 1), 300.0, ADDRESS, None, None]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7),
                              out_dir=tmp_path / "out", write_workbook=False)  # fmt: skip
    [letter] = result.letters
    assert len(letter.parts) >= 2, letter.parts
    texts = _texts(Path(letter.path))
    assert sum(t.count(ECB_NOTE.replace("\xa0", " ")) for t in texts) == 1
