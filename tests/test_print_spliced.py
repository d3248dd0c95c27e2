"""The dry run's invoices' text written where its document says, as it is: the same bytes as
the document with the text inside it."""

from __future__ import annotations

import io
import sys

import orjson
import pytest

from relance_xlsx.display.console import SPLICE, print_json

TEXT = b'[{"row":2,"invoice":"F\\u00e9-1","letter":null},{"row":3,"invoice":"x\\u0000"}]'


def _document(invoices: object) -> dict[str, object]:
    return {"ledger": "l\u00e9dger.xlsx", "dry_run": True, "invoices": invoices, "after": ["\0"]}


def test_the_spliced_text_is_where_the_document_holds_it(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    print_json(_document(SPLICE), TEXT)
    expected = orjson.dumps(_document(orjson.Fragment(TEXT))) + b"\n"
    assert capsysbinary.readouterr().out == expected


def test_a_text_only_stream_gets_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    print_json(_document(SPLICE), TEXT)
    expected = orjson.dumps(_document(orjson.Fragment(TEXT))) + b"\n"
    assert stream.getvalue() == expected.decode()
