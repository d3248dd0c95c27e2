"""An optimisation changes nothing a run writes: letters, bundle, litigation files, report,
workbook cells and JSON document of the benchmarks' 10 000-invoice ledger, against the digest
made by the code before (tests/data/equivalence-10000.json; see tests/equivalence.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from equivalence import INVOICES, differences, digest_run

REFERENCE = Path(__file__).resolve().parent / "data" / f"equivalence-{INVOICES}.json"


@pytest.mark.slow
def test_a_run_writes_what_it_wrote_before(tmp_path: Path) -> None:
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    got = digest_run(tmp_path)
    changed = differences(expected, got)
    assert not changed, f"{len(changed)} files differ: " + "; ".join(changed[:20])
    assert len(got) > 1000  # letters, bundle and litigation files all compared
