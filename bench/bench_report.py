"""The manager's report against `relance check` on the same ledger, measured in the same run.

`relance report` reads, decides and writes rapport.xlsx; `relance check` only reads. The
issue asks the report to take less than twice the check.

    python bench/bench_report.py 100000
"""

from __future__ import annotations

import argparse
import sys

from bench_run import measure, work_copy


def main() -> None:
    """Measure both commands and print their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int)
    args = parser.parse_args()
    target = work_copy(args.invoices, "report")
    relance = [sys.executable, "-m", "relance_xlsx"]
    check = measure([*relance, "check", str(target), "--json"])
    # No PDF here: LibreOffice's conversion is not ours to measure.
    report = measure(
        [*relance, "report", str(target), "--json", "--as-of", "2026-11-22", "--no-pdf"]
    )
    print(f"{args.invoices:,} invoices")
    print(f"{'command':<40} {'seconds':>8} {'peak MiB':>9}")
    print(f"{'relance check':<40} {check.seconds:>8.2f} {check.peak_mib:>9.0f}")
    print(f"{'relance report (rapport.xlsx)':<40} {report.seconds:>8.2f} {report.peak_mib:>9.0f}")
    print(f"report / check: {report.seconds / check.seconds:.2f} (asked: below 2)")


if __name__ == "__main__":
    main()
