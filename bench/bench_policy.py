"""The policy on a million invoices: relance-xlsx's vectorised decide() against a row-by-row loop.

The frame is the bench ledger of 10,000 invoices, read once and repeated to the size asked (the
mix of paid, late, held and reminded invoices stays the same). Both run in this process.

    python bench/bench_policy.py              # 1,000,000 invoices
    python bench/bench_policy.py 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.policy import decide, load_rate_tables

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 11, 22)


def loop_baseline(frame: pd.DataFrame, rate: float) -> list[tuple[str, str, float]]:
    """What a hand-written script does: one row at a time, the same rules, interest, a reason."""
    today = pd.Timestamp(AS_OF)
    delays = {1: 15, 2: 10, 3: 15}
    out = []
    for row in frame.itertuples(index=False):
        late = (today - row.due_date).days if pd.notna(row.due_date) else None
        since = (today - row.last_date).days if pd.notna(row.last_date) else 10**6
        if not row.valid:
            action, reason = "none", f"À corriger : {row.problem}"
        elif row.hold:
            action, reason = "hold", "En litige"
        elif row.is_paid:
            action, reason = ("thanks" if row.level >= 1 and not row.thanked else "none"), "Réglée"
        elif late is None or late < 1:
            action, reason = "none", "Non échue"
        elif row.level == 0:
            action, reason = "letter", f"1re relance : {late} jours de retard"
        elif row.level >= 4:
            action, reason = "none", "Contentieux en cours"
        elif since >= delays[row.level]:
            action, reason = "letter", f"Relance : sans règlement depuis {since} jours"
        else:
            action, reason = "wait", f"En attente depuis {since} jours"
        interest = round(row.outstanding * rate / 100 * max(late or 0, 0) / 365, 2)
        out.append((action, reason, interest))
    return out


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int, nargs="?", default=1_000_000)
    args = parser.parse_args()
    source = HERE / "out" / "ledger-10000.xlsx"
    if not source.is_file():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "10000", str(source)], check=True
        )
    settings = Settings()
    small = read_ledger(source, settings, as_of=AS_OF).frame
    frame = pd.concat([small] * -(-args.invoices // len(small)), ignore_index=True)
    frame = frame.iloc[: args.invoices]
    tables = load_rate_tables()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        decisions = decide(frame, AS_OF, settings.policy, tables)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    loop_baseline(frame, decisions.rate)
    loop = time.perf_counter() - start
    ours = statistics.median(times)
    print(f"{len(frame):,} invoices, run date {AS_OF}")
    print(f"{'relance-xlsx decide() (median of 3)':<40}{ours:>8.2f} s")
    print(f"{'row-by-row loop (fewer rules)':<40}{loop:>8.2f} s   {loop / ours:.1f}x slower")
    counts = decisions.frame["action"].value_counts().to_dict()
    print("actions:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
