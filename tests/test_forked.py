"""The litigation files written in two processes (part of them in a forked child, see
relance_xlsx/forking.py and tests/test_forking.py) are the ones written in one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from equivalence import INVOICES, differences, digest_run

from relance_xlsx.pipeline import around

REFERENCE = Path(__file__).resolve().parent / "data" / f"equivalence-{INVOICES}.json"


@pytest.mark.slow
def test_the_litigation_files_written_in_two_processes_are_those_written_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(around, "SPLIT_FROM", 0)  # the 10 000-invoice run splits them too
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    changed = differences(expected, digest_run(tmp_path))
    assert not changed, f"{len(changed)} files differ: " + "; ".join(changed[:20])
