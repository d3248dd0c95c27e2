"""End-to-end benchmark: relance-xlsx against the baseline script, measured in the same run.

Each command runs in its own process; its wall time and peak memory (ru_maxrss from wait4)
are printed next to the baseline's, with the ratio.

    python bench/bench_run.py 10000               # check, dry run, full run, baseline
    python bench/bench_run.py 100000 --letters 300
    python bench/bench_run.py 1048575 --no-full --no-baseline
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11-22"
# Issue 35's budget at Excel's limit, as multiples of the bare read (the floor).
TARGETS = {"relance check": "1.2", "relance run --dry-run": "2", "relance run": "5"}


@dataclass
class Measure:
    """Wall time, CPU time (with its worker processes), peak memory and stdout of one command."""

    seconds: float
    peak_mib: float
    stdout: str
    cpu: float = 0.0


def measure(command: list[str]) -> Measure:
    """Run a command in its own process; its time and peak resident memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} failed with exit code {proc.returncode}")
    cpu = usage.ru_utime + usage.ru_stime  # a shared machine: wall time alone misleads
    return Measure(seconds, usage.ru_maxrss / 1024, out, cpu)


def ledger(n: int) -> Path:
    """The generated ledger of n invoices, made once and kept in bench/out/."""
    path = HERE / "out" / f"ledger-{n}.xlsx"
    if not path.is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(path)], check=True)
    return path


def work_copy(n: int, name: str) -> Path:
    """A fresh copy of the generated ledger in bench/out/<name>-<n>/, with a complete creditor
    beside it, so every letter can be posted (else they go to a_completer/)."""
    source = ledger(n)
    work = HERE / "out" / f"{name}-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    target = work / source.name
    shutil.copy2(source, target)
    shutil.copy2(HERE.parent / "sample_workbooks" / "relance.toml", work / "relance.toml")
    return target


def main() -> None:
    """Measure and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int)
    parser.add_argument("--letters", type=int, default=0, help="baseline: render N, extrapolate")
    parser.add_argument("--no-full", action="store_true", help="skip the full run")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    source = ledger(args.invoices)
    target = work_copy(args.invoices, "work")
    work = target.parent
    relance = [sys.executable, "-m", "relance_xlsx"]
    # Its bytecode made first, as `pip install` does: else, where PYTHONDONTWRITEBYTECODE is
    # set (this machine's), every command compiles the package's 400 modules again (0.35 s),
    # while the baseline's libraries come compiled.
    compileall.compile_dir(HERE.parent / "relance_xlsx", quiet=1)

    floor = measure([sys.executable, str(HERE / "floor.py"), str(target)])
    rows: list[tuple[str, Measure]] = [("floor: bare python-calamine read", floor)]
    rows.append(("relance check", measure([*relance, "check", str(target), "--json"])))
    rows.append(
        (
            "relance run --dry-run",
            measure([*relance, "run", str(target), "--as-of", AS_OF, "--dry-run", "--json"]),
        )
    )
    full: Measure | None = None
    if not args.no_full:
        full = measure(
            [*relance, "run", str(target), "--as-of", AS_OF, "--out", str(work / "ours"), "--json"]
        )
        rows.append(("relance run (letters, bundle, write-back)", full))
    print(f"\n{args.invoices} invoices ({source.stat().st_size / 1e6:.1f} MB)\n")
    print(f"{'command':<44}{'seconds':>10}{'CPU s':>8}{'peak MiB':>10}{'x floor':>9}{'target':>8}")
    for name, m in rows:
        target_ratio = TARGETS.get(name.split(" (")[0], "")
        print(
            f"{name:<44}{m.seconds:>10.2f}{m.cpu:>8.2f}{m.peak_mib:>10.0f}"
            f"{m.seconds / floor.seconds:>9.2f}{target_ratio:>8}"
        )
    if full is not None:
        result = json.loads(full.stdout)
        held = len(result.get("to_complete", []))
        letters, written = len(result["letters"]), result["rows_written"]
        print(f"  letters: {letters}, to complete: {held}, rows written: {written}")
    if args.no_baseline:
        return
    base_cmd = [sys.executable, str(HERE / "baseline.py"), str(source), "--out", str(work / "base")]
    if args.letters:
        base_cmd += ["--letters", str(args.letters)]
    base = measure(base_cmd)
    b = json.loads(base.stdout)
    print(
        f"\nbaseline (pandas+openpyxl read, DocxTemplate per overdue invoice, openpyxl save):"
        f"\n  read {b['read']:.2f} s, letters {b['letters']:.2f} s "
        f"({b['letters_needed']} letters, {b['letters_rendered']} rendered), "
        f"write {b['write']:.2f} s, total {b['total']:.2f} s, CPU {base.cpu:.2f} s, "
        f"peak {base.peak_mib:.0f} MiB"
    )
    if full is not None:
        print(
            f"  relance run is {b['total'] / full.seconds:.1f}x faster end to end (target: 40x), "
            f"{base.cpu / full.cpu:.1f}x in CPU time"
        )


if __name__ == "__main__":
    main()
