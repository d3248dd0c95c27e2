"""Write-back: relance-xlsx's in-place XML edit against openpyxl's load-and-save, same run.

Each side runs in its own process on its own copy of the bench ledger. Timed: relance-xlsx's
write_back() (lock check, backup, status cells, journal, atomic save and check), and openpyxl's
load_workbook + a status column + save. Memory is the growth of resident memory during that
step (sampled every 10 ms), so the ledger reading that only relance-xlsx does is left out.

    python bench/bench_writeback.py                  # 10,000 and 100,000 invoices
    python bench/bench_writeback.py 1048575 --no-baseline
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 11, 22)


def rss_mib() -> float:
    """This process's resident memory now."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


class Sampler:
    """The highest resident memory seen while the block runs."""

    def __enter__(self) -> Sampler:
        self.start = self.peak = rss_mib()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, rss_mib())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mib())


def ours(path: Path) -> dict[str, float]:
    """relance-xlsx: read and decide (not timed), then the write-back (timed)."""
    from relance_xlsx.config import Settings
    from relance_xlsx.ledger import read_ledger
    from relance_xlsx.policy import decide, load_rate_tables
    from relance_xlsx.workbook import journal_entries, status_updates, write_back

    settings = Settings()
    ledger = read_ledger(path, settings, as_of=AS_OF)
    decisions = decide(ledger.frame, AS_OF, settings.policy, load_rate_tables())
    updates = status_updates(ledger.frame, decisions.frame, AS_OF)
    entries = journal_entries(ledger.frame, decisions.frame, {}, AS_OF)
    with Sampler() as memory:
        start = time.perf_counter()
        result = write_back(
            ledger.sheet_ref, updates, entries, settings.writeback, now=dt.datetime.now()
        )
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "memory": memory.peak - memory.start,
        "rows": result.rows_written,
        "journal": result.journal_lines,
    }


def baseline(path: Path) -> dict[str, float]:
    """openpyxl: load the workbook, write a status column on every row, save."""
    import openpyxl

    with Sampler() as memory:
        start = time.perf_counter()
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        column = ws.max_column + 1
        for row in range(1, ws.max_row + 1):
            ws.cell(row=row, column=column, value="Relance 1")
        wb.save(path)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "memory": memory.peak - memory.start}


def measure(side: str, n: int) -> dict[str, float]:
    """Run one side in a fresh process on a fresh copy of the ledger."""
    source = HERE / "out" / f"ledger-{n}.xlsx"
    if not source.is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(source)], check=True)
    work = HERE / "out" / f"writeback-{side}-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    copy = work / source.name
    shutil.copy2(source, copy)
    out = subprocess.run(
        [sys.executable, __file__, "--side", side, str(copy)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def main() -> None:
    """Measure and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", default=["10000", "100000"])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--side", choices=["ours", "openpyxl"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        path = Path(args.sizes[0])
        print(json.dumps(ours(path) if args.side == "ours" else baseline(path)))
        return
    print(
        f"{'invoices':>10} {'relance s':>10} {'MiB':>7} {'openpyxl s':>11} {'MiB':>7} {'ratio':>7}"
    )
    for size in (int(s) for s in args.sizes):
        mine = measure("ours", size)
        line = f"{size:>10} {mine['seconds']:>10.2f} {mine['memory']:>7.0f}"
        if not args.no_baseline:
            base = measure("openpyxl", size)
            ratio = base["seconds"] / mine["seconds"]
            line += f" {base['seconds']:>11.2f} {base['memory']:>7.0f} {ratio:>6.1f}x"
        print(line, f"  ({mine['rows']:,} rows, {mine['journal']:,} journal lines)")


if __name__ == "__main__":
    main()
