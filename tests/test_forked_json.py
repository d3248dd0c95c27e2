"""The dry run's invoices' JSON made in a forked child (relance_xlsx/forking.py, tested in
tests/test_forking.py): the same text as their records."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from conftest import settings_near

from relance_xlsx import Settings, forking, run
from relance_xlsx.results import InvoiceResult, aside, invoice_documents, invoices_json


@pytest.mark.parametrize("chunk", [50_000, 2, 1], ids=["one-chunk", "chunks-of-2", "chunks-of-1"])
@pytest.mark.parametrize("child", [True, False], ids=["in-a-child", "here"])
@pytest.mark.parametrize("complete", [True, False], ids=["posted", "held-to-complete"])
def test_the_dry_run_s_invoices_text_is_their_records_json(
    sample, complete, child, chunk, monkeypatch
):
    if not child:  # no fork (Windows, macOS, one core): the text is made here
        monkeypatch.setattr(forking, "can_fork", lambda: False)
    monkeypatch.setattr(aside, "CHUNK", chunk)  # letters and held invoices across chunks' edges
    settings = settings_near(sample) if complete else Settings()  # no creditor: letters held
    day = dt.date(2026, 11, 22)
    records = run(sample, settings, as_of=day, dry_run=True)
    text = run(sample, settings, as_of=day, dry_run=True, invoices_as_json=True)
    assert text.invoices == [] and text.invoices_json is not None
    assert bool(records.letters) == complete and bool(records.to_complete) != complete
    assert orjson.dumps(text.to_json()) == orjson.dumps(records.to_json())
    assert len(orjson.loads(text.invoices_json)) == len(records.invoices) > 0


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 7], ids=lambda n: f"{n}-invoices")
@pytest.mark.parametrize("chunk", [1, 2, 3, 50_000], ids=lambda n: f"chunks-of-{n}")
def test_the_chunks_text_is_the_whole_list_s(count, chunk, monkeypatch):
    monkeypatch.setattr(aside, "CHUNK", chunk)
    invoices = [
        InvoiceResult(i, f"F{i}", "Alpha", None, None, 1.5, 1, "relance", 0.0, 0.0, None, "")
        for i in range(count)
    ]
    letters, changed = {0: "lettre-0.docx", count - 1: "lettre-n.docx"}, {count // 2: {"row": -1}}
    expected = invoice_documents(invoices)
    for i, letter in letters.items():
        if 0 <= i < count:
            expected[i]["letter"] = letter
    for i, document in changed.items():
        if i < count:
            expected[i] = document

    def by_chunk(patches: dict[int, object]) -> dict[int, list[tuple[int, object]]]:
        out: dict[int, list[tuple[int, object]]] = {}
        for i, v in patches.items():
            if 0 <= i < count:
                out.setdefault(i // chunk, []).append((i, v))
        return out

    text = aside.chunked_json(list(invoices), by_chunk(letters), by_chunk(changed))
    assert text == invoices_json(expected)
