"""Reading a ledger: relance-xlsx's reader against pandas.read_excel(engine="openpyxl"), same file.

relance-xlsx reads with python-calamine and then does what read_excel leaves to the user: finds
the table, normalises dates, amounts and invoice numbers, and names every problem. Both run in
this process on the same generated ledger, one after the other.

    python bench/bench_read.py               # 100,000 invoices
    python bench/bench_read.py 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int, nargs="?", default=100_000)
    args = parser.parse_args()
    path = HERE / "out" / f"ledger-{args.invoices}.xlsx"
    if not path.is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.invoices), str(path)])
    start = time.perf_counter()
    ledger = read_ledger(path, Settings(), as_of=dt.date(2026, 11, 22))
    ours = time.perf_counter() - start
    start = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl", header=None)
    base = time.perf_counter() - start
    print(f"{args.invoices:,} invoices ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{'relance-xlsx read_ledger (calamine + checks)':<46}{ours:>8.2f} s")
    print(
        f"{'pandas.read_excel(engine=openpyxl), raw cells':<46}{base:>8.2f} s   {base / ours:.1f}x"
    )
    print(
        f"  read: {len(ledger.frame):,} invoices, {len(ledger.problems):,} problems, "
        f"{len(ledger.skipped):,} skipped; read_excel: {len(frame):,} rows"
    )


if __name__ == "__main__":
    main()
