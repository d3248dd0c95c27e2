"""A run's letters keep their contexts packed (bytes): each reader gets its own copy, and
the process that renders a letter unpacks it; the letters written are those of a dict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relance_xlsx.letters import Letter, LetterJob
from relance_xlsx.letters.plan import LetterPlan, pack

CONTEXT = {
    "debtor": {"name": "Dupont SARL", "address_lines": ["1 rue A", "69002 LYON"]},
    "invoices": [{"number": "F-1", "amount": "1 234,56\u00a0€", "day": dt.date(2026, 11, 2)}],
    "currency": "EUR",
}


def _letter(packed: bytes | None) -> Letter:
    plan = LetterPlan(client="Dupont SARL", kind="relance_1", rows=(0,), language="fr")
    return Letter(plan, Path("x.docx"), packed)


@pytest.mark.parametrize("packed", [pack(CONTEXT), None], ids=["filled", "dry-run"])
def test_a_letter_gives_back_its_context(packed: bytes | None) -> None:
    letter = _letter(packed)
    assert letter.context == (CONTEXT if packed else None)


def test_each_reader_gets_its_own_copy() -> None:
    letter = _letter(pack(CONTEXT))
    first = letter.context
    assert first is not None
    first["debtor"]["name"] = "changed"
    assert letter.context == CONTEXT  # a reader's change is not the next reader's context


@pytest.mark.parametrize("given", [CONTEXT, pack(CONTEXT)], ids=["dict", "packed"])
def test_a_job_is_filled_either_way(given: dict[str, object] | bytes) -> None:
    job = LetterJob(Path("t.docx"), given, Path("x.docx"))
    assert job.filled() == CONTEXT
