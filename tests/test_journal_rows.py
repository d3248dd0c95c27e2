"""The journal's new lines appended in pieces are byte for byte the lines merged among the
sheet's rows and the dimension widened after, the way it was done before (one copy each)."""

from __future__ import annotations

import datetime as dt

import pytest

from relance_xlsx.ooxml.pieces import Pieces, as_bytes
from relance_xlsx.ooxml.sheethead import widen_dimension
from relance_xlsx.ooxml.sheetxml import SheetXml
from relance_xlsx.workbook import journalrows
from relance_xlsx.workbook.journal import JournalEntry

HEAD = b'<?xml version="1.0"?><%sworksheet xmlns%s="urn:x"><%sdimension ref="A1:B%d"/>'
ROW = b'<%srow r="%d"><%sc r="A%d"><%sv>%d</%sv></%sc></%srow>'
END = b"<%spageMargins/></%sworksheet>"


def _sheet(rows: list[int], prefix: bytes = b"") -> bytes:
    p, colon = prefix, b":" + prefix[:-1] if prefix else b""
    body = b"".join(ROW % (p, n, p, n, p, n, p, p, p) for n in rows)
    data = b"<%ssheetData>%s</%ssheetData>" % (p, body, p) if rows else b"<%ssheetData/>" % p
    return HEAD % (p, colon, p, max(rows, default=1)) + data + END % (p, p)


def _entries(count: int) -> list[JournalEntry]:
    day = dt.date(2026, 11, 22)
    return [
        JournalEntry(day, f"F{n}", "Café <A&B>", "Relance 1", "Relance 1", 10.5 * n, 0.0, 40.0,
                     f"lettre-{n}.docx" if n % 3 else "", "RF18" if n % 2 else "")
        for n in range(count)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "prefix", "count"),
    [
        pytest.param([], b"", 3, id="empty-sheetData"),
        pytest.param([1, 2, 3], b"", 5000, id="after-the-last-row-in-batches"),
        pytest.param([1, 2, 3], b"x:", 7, id="prefixed"),
        pytest.param([1, 2, 9], b"", 12, id="a-row-below-to-merge-among"),
    ],
)
def test_lines_appended_in_pieces_are_the_lines_merged(rows, prefix, count, monkeypatch):
    monkeypatch.setattr(journalrows, "BATCH", 64)  # several batches, the last one short
    data = _sheet(rows, prefix)
    xml = SheetXml(data)
    first, entries = (rows[-1] if rows else 1) + 1, _entries(count)
    if rows == [1, 2, 9]:
        first = 4  # the journal's last line is row 3; row 9 is below it (merged among)
    lines = journalrows.entry_rows(first, entries, 0, prefix.decode())
    expected = widen_dimension(xml.insert_rows(data, lines), 9, first + count - 1)
    got = journalrows.with_lines(xml, data, first, entries, 0, 9)
    assert as_bytes(got) == expected
    assert isinstance(got, Pieces) == (rows != [1, 2, 9])
