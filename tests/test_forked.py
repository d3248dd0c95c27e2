"""Work done in a forked child while the run does its own: the same result as made in one
process, the same error, and no child left once the run stops. The litigation files written
in two processes are the ones written in one."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from equivalence import INVOICES, differences, digest_run

from relance_xlsx.errors import WorkbookError
from relance_xlsx.pipeline import around
from relance_xlsx.pipeline.forked import Forked

REFERENCE = Path(__file__).resolve().parent / "data" / f"equivalence-{INVOICES}.json"
PARENT = os.getpid()
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


def _files() -> dict[str, list[Path]]:
    return {f"client {i}": [Path(f"contentieux/client {i}/dossier.docx")] for i in range(500)}


def _unpicklable() -> Callable[[], int]:
    return lambda: 1  # a local function: pickle refuses it


def _only_here() -> str:
    if os.getpid() != PARENT:
        raise MemoryError  # as if the child were short of memory
    return "fait ici"


@pytest.mark.parametrize("fork", [True, False], ids=["child", "here"])
@pytest.mark.parametrize(
    ("work", "expected"),
    [(_files, _files()), (_unpicklable, None), (_only_here, "fait ici")],
    ids=["result", "result-that-cannot-travel", "child-fails"],
)
def test_the_result_is_the_work_s(fork: bool, work: Callable[[], object], expected: object) -> None:
    with Forked(work, fork=fork) as child:
        got = child.result()
    if expected is None:
        assert callable(got) and got() == 1
    else:
        assert got == expected


@pytest.mark.parametrize("fork", [True, False], ids=["child", "here"])
def test_an_error_of_the_work_reaches_the_run_as_it_is(fork: bool) -> None:
    def broken() -> None:
        raise WorkbookError("Le dossier est plein", sheet="Factures", row=12)

    with Forked(broken, fork=fork) as child, pytest.raises(WorkbookError) as raised:
        child.result()
    assert str(raised.value) == "Le dossier est plein (feuille « Factures », ligne 12)"


@linux
def test_no_child_left_once_the_run_stops(tmp_path: Path) -> None:
    mark = tmp_path / "pid"

    def slow() -> None:
        mark.write_text(str(os.getpid()))
        time.sleep(60)

    with pytest.raises(KeyboardInterrupt), Forked(slow):
        deadline = time.monotonic() + 10
        while not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyboardInterrupt  # the run stopped while the child works
    pid = int(mark.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and waited for (no zombie either)


@pytest.mark.slow
def test_the_litigation_files_written_in_two_processes_are_those_written_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(around, "SPLIT_FROM", 0)  # the 10 000-invoice run splits them too
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    changed = differences(expected, digest_run(tmp_path))
    assert not changed, f"{len(changed)} files differ: " + "; ".join(changed[:20])
