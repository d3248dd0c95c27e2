"""After its write-back, a run knows the journal's lines without reading the workbook again
(its litigation files and declarations read them): exactly the lines a reading of the saved
file gives. A line that might read back otherwise (an Excel escape, a line end, an amount
that is no number, a date the reader refuses) makes the next request read the file, as
before."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF, complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.ledger import read_ledger
from relance_xlsx.workbook import JournalEntry, journalread, letters_sent, write_back

D = dt.date
NOW = dt.datetime(2026, 11, 22, 9, 30)
_FIELDS: dict[str, Any] = {
    "run_date": AS_OF,
    "invoice": "F-1",
    "client": "Dupont",
    "level": "Relance 1",
    "action": "Courrier",
    "outstanding": 120.0,
    "interest": 1.5,
    "indemnity": 40.0,
    "letter": "2026-11-22 Relance 1 - Dupont.docx",
    "reference": "RF18539007547034",
}

CASES = [  # (what differs from a plain line, whether its reading is known without the file)
    pytest.param({}, True, id="plain"),
    pytest.param({"client": "  Dupont  ", "invoice": " F-1"}, True, id="spaces-trimmed"),
    pytest.param({"client": "Dupont & Fils <SARL>"}, True, id="markup-is-text"),
    pytest.param({"client": "Café Ünïcode 😀"}, True, id="accents-and-emoji"),
    pytest.param({"invoice": "007", "level": "   "}, True, id="number-like-text-and-blank"),
    pytest.param({"letter": "", "reference": ""}, True, id="empty-texts-no-cells"),
    pytest.param({"outstanding": math.nan}, True, id="no-amounts-read-as-zero"),
    pytest.param({"outstanding": 0.1 + 0.2, "interest": 2 / 3}, True, id="to-the-cent"),
    pytest.param({"interest": 2.675, "indemnity": -0.0}, True, id="half-cent-and-minus-zero"),
    pytest.param({"outstanding": 1e15 + 0.5}, True, id="large-amount"),
    pytest.param({"run_date": D(2099, 12, 31)}, True, id="last-date-read"),
    pytest.param({"client": "Dupont\xa0SA"}, False, id="no-break-space"),
    pytest.param({"invoice": "F_x0041_1"}, False, id="excel-escape"),
    pytest.param({"client": "Dupont\r\nSA"}, False, id="line-end"),
    pytest.param({"invoice": "F\x0b2"}, False, id="character-xml-refuses"),
    pytest.param({"interest": math.inf}, False, id="infinite-amount"),
    pytest.param({"interest": math.nan}, False, id="nan-beside-an-amount"),
    pytest.param({"run_date": D(1989, 12, 31)}, False, id="date-the-reader-refuses"),
]


def _write(ledger: Path, entries: list[JournalEntry], now: dt.datetime) -> None:
    settings = complete_settings()
    read = read_ledger(ledger, settings, as_of=AS_OF)
    write_back(read.sheet_ref, [], entries, settings.writeback, now=now)


def _lines(ledger: Path) -> dict[str, tuple[JournalEntry, ...]]:
    stat = ledger.stat()
    sheet = complete_settings().writeback.journal_sheet
    return journalread.lines_by_client(str(ledger), sheet, stat.st_size, stat.st_mtime_ns)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The journal readings from the file (the real reader, counted)."""
    done: list[Path] = []
    real = journalread.sheet_rows

    def counted(path: Path, sheet: str) -> Any:
        done.append(path)
        return real(path, sheet)

    monkeypatch.setattr(journalread, "sheet_rows", counted)
    return done


@pytest.mark.parametrize("earlier", [True, False], ids=["journal-grows", "journal-created"])
@pytest.mark.parametrize(("changes", "known"), CASES)
def test_lines_known_after_a_write_back_are_the_lines_read(
    tmp_path: Path, changes: dict[str, Any], known: bool, earlier: bool, reads: list[Path]
) -> None:
    ledger = write_ledger(tmp_path / "Factures.xlsx", [["F-1", "Dupont", AS_OF, AS_OF, 120.0, 0]])
    journal = complete_settings().writeback.journal_sheet
    if earlier:  # last week's line, in the journal already
        _write(ledger, [JournalEntry(**{**_FIELDS, "run_date": D(2026, 11, 15)})], NOW)
    letters_sent(ledger, journal)  # the version read, as a run reads it before writing
    entries = [
        JournalEntry(**{**_FIELDS, **changes}),
        JournalEntry(**{**_FIELDS, "invoice": "F-9"}),
    ]
    _write(ledger, entries, NOW + dt.timedelta(minutes=1))
    reads.clear()
    after = _lines(ledger)
    assert (reads == []) is known
    journalread._READ.clear()
    read = _lines(ledger)
    assert reads and repr(after) == repr(read)  # repr: -0.0 is not 0.0, a NaN is itself
    assert read["Dupont"][-1].invoice == "F-9"  # the lines appended, after last week's


def test_a_second_weeks_run_knows_the_journal_it_wrote(sample: Path, reads: list[Path]) -> None:
    """A run on a ledger with a journal: its litigation files read the lines known."""
    settings = complete_settings()
    relance_xlsx.run(sample, settings, as_of=AS_OF, out_dir=sample.parent / "out1", now=NOW)
    journalread._READ.clear()  # a week later: another process
    reads.clear()
    later = AS_OF + dt.timedelta(days=35)
    result = relance_xlsx.run(
        sample, settings, as_of=later, out_dir=sample.parent / "out2", now=NOW
    )
    assert result.dossiers and result.journal_lines > 0
    assert reads == [sample]  # the version read before the write-back only
    after = _lines(sample)
    journalread._READ.clear()
    assert repr(after) == repr(_lines(sample))
