"""A big ledger is read in a forked child while the package is checked here (ledger/ahead.py):
the same ledger as the one read here, the same refusals and errors, and no child left behind.
Every file of these tests is small: the size from which a child reads is set to 0."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import AS_OF, REAL_WORLD, write_ledger
from hostile_files import ledger_rows, sheet_xml, workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import ahead, read_ledger, reader
from relance_xlsx.ledger.reader import _read
from relance_xlsx.ledger.records import Fingerprint

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, /proc")

D = dt.date
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'  # a grid of 17 billion cells


def _children() -> set[int]:
    """This process's living (or unreaped) children."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def _read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The ledger (or the error) read here alone, then read with a child."""
    out = []
    for size in (1 << 62, 0):
        monkeypatch.setattr(ahead, "AHEAD_FROM_BYTES", size)
        try:
            out.append(read_ledger(path, Settings(), as_of=AS_OF))
        except RelanceError as exc:
            out.append((type(exc), str(exc)))
    return out[0], out[1]


def _formulas(tmp_path: Path) -> Path:
    rows = [
        # Formulas saved without their values, in the paid column: an amount column of them
        # stops the reading (the public-workbook review, H3), a paid one is a warning.
        ["F1", "Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200, "=0*1"],
        ["F2", "Beta", D(2026, 9, 2), D(2026, 10, 2), 600, "=0*1"],
        ["F3", "Beta", "pas une date", D(2026, 10, 2), 120, 0],
    ]
    return write_ledger(tmp_path / "formulas.xlsx", rows)


def _far_then_ledger(tmp_path: Path) -> Path:
    sheets = {"Loin": sheet_xml(ledger_rows(extra=FAR)), "Factures": sheet_xml(ledger_rows())}
    return workbook(tmp_path / "far-then-ledger.xlsx", sheets=sheets)


def _text(path: Path) -> Path:
    path.write_text("n° facture;client;montant\nF1;Alpha;100\n")
    return path


FIXTURES = {
    "formulas-and-problems": _formulas,
    "sound": lambda tmp: workbook(tmp / "sound.xlsx"),
    "a-sheet-refused": _far_then_ledger,
    "only-a-refused-sheet": lambda tmp: workbook(
        tmp / "far.xlsx", sheets={"Factures": sheet_xml(ledger_rows(extra=FAR))}
    ),
    "no-invoice-table": lambda tmp: write_ledger(tmp / "none.xlsx", [["a", "b"]], ["X", "Y"]),
    "not-a-zip": lambda tmp: _text(tmp / "text.xlsx"),
}
REAL = sorted(REAL_WORLD.glob("*.xlsx")) if REAL_WORLD.is_dir() else []


@pytest.mark.parametrize(
    "make",
    [pytest.param(make, id=name) for name, make in FIXTURES.items()]
    + [pytest.param(lambda tmp, p=p: p, id=p.stem) for p in REAL],
)
def test_a_ledger_read_ahead_is_the_ledger_read_here(tmp_path, monkeypatch, make):
    alone, ahead_read = _read_both(make(tmp_path), monkeypatch)
    if isinstance(alone, tuple):  # refused, or no table: the same error, the same sentence
        assert ahead_read == alone
        return
    assert type(ahead_read) is type(alone)
    for field in dataclasses.fields(alone):  # type: ignore[arg-type]
        mine, theirs = getattr(alone, field.name), getattr(ahead_read, field.name)
        if field.name == "frame":
            pd.testing.assert_frame_equal(theirs, mine, check_exact=True)
            assert list(theirs.dtypes) == list(mine.dtypes)
        else:
            assert theirs == mine, field.name
    assert not _children()


def test_the_child_reads_what_it_is_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead, "AHEAD_FROM_BYTES", 0)
    path = _formulas(tmp_path)
    fingerprint = Fingerprint.of(path)
    with ahead.read_ahead(path, lambda: _read(path, Settings(), AS_OF, None, fingerprint)) as a:
        assert a is not None
        early = a.result()
    assert early is not None and early[0].invoice_count == 3
    assert not _children()


def test_the_child_reads_in_bounded_memory(tmp_path, monkeypatch):
    # It reads before the package check has refused a sheet whose grid would fill the
    # machine: past its room it must fail (the read is then done here, after the check).
    resource = pytest.importorskip("resource")
    monkeypatch.setattr(ahead, "AHEAD_FROM_BYTES", 0)
    monkeypatch.setattr(ahead, "ROOM", 64 << 20)
    path = _formulas(tmp_path)

    def limit_and_grab() -> tuple[int, bool]:
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        try:
            bytearray(256 << 20)  # more than the room: refused
        except MemoryError:
            return limit, False
        return limit, True

    with ahead.read_ahead(path, limit_and_grab) as a:
        assert a is not None
        limit, grabbed = a.result()
    assert limit != resource.RLIM_INFINITY and not grabbed
    assert not _children()


def test_a_failing_or_stopped_child_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead, "AHEAD_FROM_BYTES", 0)
    path = _formulas(tmp_path)

    def fails() -> object:
        raise ValueError("in the child")

    with ahead.read_ahead(path, fails) as a:
        assert a is not None and a.result() is None
    with pytest.raises(KeyboardInterrupt), ahead.read_ahead(path, lambda: os.pause()) as a:
        assert a is not None and a.pid in _children()
        raise KeyboardInterrupt  # the user stops the run while the child reads
    assert not _children()


def test_a_small_ledger_is_read_in_this_process(tmp_path):
    path = _formulas(tmp_path)
    assert path.stat().st_size < ahead.AHEAD_FROM_BYTES
    with ahead.read_ahead(path, lambda: 1) as a:
        assert a is None


def test_a_ledger_read_again_is_read_here(tmp_path, monkeypatch):
    # The second read finds its verdict known: no check to run meanwhile, no child.
    monkeypatch.setattr(ahead, "AHEAD_FROM_BYTES", 0)
    forks: list[Path] = []
    calls = reader.read_ahead

    def counted(path: Path, work: object) -> object:
        forks.append(path)
        return calls(path, work)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "read_ahead", counted)
    path = _formulas(tmp_path)
    first = read_ledger(path, Settings(), as_of=AS_OF)
    again = read_ledger(path, Settings(), as_of=AS_OF)
    assert forks == [path]
    assert again.warnings == first.warnings and len(again.warnings) == 1
    pd.testing.assert_frame_equal(again.frame, first.frame, check_exact=True)


def test_a_packed_frame_comes_back_bit_for_bit() -> None:
    import numpy as np

    n = 2000
    texts = [f"F{i:05d}" for i in range(n)]
    frame = pd.DataFrame(
        {
            "nat": np.full(n, np.datetime64("NaT"), dtype="datetime64[s]"),
            "nan": np.full(n, np.nan),
            "zeros": np.array([0.0] * (n - 1) + [-0.0]),  # 0.0 == -0.0, yet not the same bits
            "false": np.zeros(n, dtype=bool),
            "level": np.arange(n),
            "none": pd.Series(np.empty(n, dtype=object), dtype=object),
            "texts": pd.Series(np.array(texts, dtype=object), dtype=object),
            "with_sep": pd.Series(np.array([*texts[:-1], "a\x1fb"], dtype=object), dtype=object),
            "with_none": pd.Series(np.array([*texts[:-1], None], dtype=object), dtype=object),
        }
    )
    back = ahead.unpack_frame(ahead.pack_frame(frame))
    assert list(back.columns) == list(frame.columns)
    for name in frame.columns:
        mine, theirs = frame[name].to_numpy(), back[name].to_numpy()
        assert mine.dtype == theirs.dtype
        if mine.dtype == object:
            assert mine.tolist() == theirs.tolist()
            assert [type(v) for v in mine] == [type(v) for v in theirs]
        else:
            assert mine.tobytes() == theirs.tobytes()
