"""CPU seconds of a full run's steps after the letters, measured inside one run.

The machine is shared: wall time misleads, so each step's CPU time (time.process_time: this
process and its threads, not the worker processes) is summed over its calls, outermost
call only. The steps are the write-back (status cells, journal, save) and the report with
the litigation files; the ledger is the benchmarks' generated one (bench/generate.py).

    python bench/bench_steps.py 200000
    python bench/bench_steps.py 10000 --repeat 3      # the median of three runs
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import importlib
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_run import work_copy

AS_OF = dt.date(2026, 11, 22)
# (module, function): the step and, indented below it, what it is made of.
STEPS = [
    ("relance_xlsx.pipeline.runs", "_write_back", 0),
    ("relance_xlsx.pipeline.runs", "status_updates", 1),
    ("relance_xlsx.pipeline.runs", "journal_entries", 1),
    ("relance_xlsx.pipeline.runs", "recovered_entries", 1),
    ("relance_xlsx.pipeline.runs", "write_back", 1),
    # Since the write-back's lines are gathered while the letters render (two steps):
    ("relance_xlsx.pipeline.runs", "gather_write_back", 0),
    ("relance_xlsx.pipeline.writing", "status_updates", 1),
    ("relance_xlsx.pipeline.writing", "journal_entries", 1),
    ("relance_xlsx.pipeline.writing", "recovered_entries", 1),
    ("relance_xlsx.pipeline.runs", "commit_write_back", 0),
    ("relance_xlsx.pipeline.writing", "write_back", 1),
    ("relance_xlsx.workbook.writeback", "add_journal", 2),
    ("relance_xlsx.ooxml.rowsplit", "RowEdit.result", 2),
    ("relance_xlsx.workbook.writeback", "save_atomically", 2),
    ("relance_xlsx.ooxml.saving", "check_well_formed", 3),
    ("relance_xlsx.pipeline.runs", "report_and_dossiers", 0),
    ("relance_xlsx.pipeline.around", "write_figures", 1),
    ("relance_xlsx.pipeline.around", "write_all", 1),
    ("relance_xlsx.pipeline.dossiers", "records", 2),
    ("relance_xlsx.pipeline.dossiers", "build", 2),
    ("relance_xlsx.pipeline.dossiers", "journal_lines", 3),
    ("relance_xlsx.pipeline.dossiers", "write_dossier", 2),
]


def _timed(key: str, fn: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    depth = [0]

    @functools.wraps(fn)
    def inner(*args: Any, **kwargs: Any) -> Any:
        depth[0] += 1
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[key] = spent.get(key, 0.0) + time.process_time() - start

    return inner


def _watch(spent: dict[str, float]) -> list[str]:
    """Wrap each step where its caller finds it; the steps this version has."""
    found = []
    for module_name, name, _ in STEPS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue  # a module another version of the code does not have
        owner_name, _, attr = name.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        if not hasattr(owner, attr):
            continue  # a step another version of the code does not have
        setattr(owner, attr, _timed(name, getattr(owner, attr), spent))
        found.append(name)
    return found


def one_run(invoices: int) -> dict[str, float]:
    """A full run on a fresh copy of the generated ledger; CPU seconds by step."""
    spent: dict[str, float] = {}
    _watch(spent)
    import relance_xlsx

    target = work_copy(invoices, "steps")
    settings = relance_xlsx.load_settings(target.parent / "relance.toml")
    collecting = [0.0, 0.0]  # the cycle collector's CPU: when it started, and in all

    def collector(phase: str, info: dict[str, int]) -> None:
        now = time.process_time()
        if phase == "start":
            collecting[0] = now
        else:
            collecting[1] += now - collecting[0]

    # A full collection lands in whichever step allocates when its threshold is reached (it
    # pays for the garbage of all before): its time is also given apart.
    gc.callbacks.append(collector)
    start = time.process_time()
    relance_xlsx.run(target, settings, as_of=AS_OF, out_dir=target.parent / "out")
    spent["run (main process)"] = time.process_time() - start
    spent["cycle collector (whole run)"] = collecting[1]
    spent["peak memory, MiB (main process)"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    return spent


def main() -> None:
    """Run, in a fresh process each time, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # the child: one run, its figures on stdout
        print(json.dumps(one_run(args.invoices)))
        return

    runs = []
    for _ in range(args.repeat):
        command = [sys.executable, str(Path(__file__)), str(args.invoices), "--one"]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{args.invoices:,} invoices, CPU seconds and peak memory (medians of {args.repeat})")
    rows = [
        (None, "peak memory, MiB (main process)", 0),
        (None, "run (main process)", 0),
        (None, "cycle collector (whole run)", 1),
        *STEPS,
    ]
    for _, name, level in rows:
        values = [r[name] for r in runs if name in r]
        if values:
            print(f"{'  ' * level}{name:<{40 - 2 * level}} {statistics.median(values):8.2f}")


if __name__ == "__main__":
    main()
