"""A full run's timeline: each step's wall time, the CPU of the whole process tree (the run
and its worker processes) and the sum of their PSS, sampled every half second (Linux only).

The cores a step keeps busy show where one core waits: a step at 1.0 core on a 2-core
machine leaves the other idle.

    python bench/timeline.py 200000                 # the generated ledger, a fresh copy
    python bench/timeline.py 200000 --samples       # and every sample
    python bench/timeline.py 1048575 --dry-run      # the dry run's steps
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench_run import AS_OF, work_copy

TICK = os.sysconf("SC_CLK_TCK")

# Run in the child: the command line's run, its progress bar replaced by a log of the steps.
CHILD = """
import sys, time
from relance_xlsx.cli import commands
sys.stderr.write(f"@module {commands.__file__}\\n")
class Log:
    def __init__(self, shown): self.label = None
    def _say(self, what):
        sys.stderr.write(f"@step {time.monotonic():.3f} {what}\\n"); sys.stderr.flush()
    def start(self, label, total):
        self.label = label; self._say(f"start {label}")
    def advance(self, n=1): pass
    def stop(self):
        self._say(f"stop {self.label}")
commands.Bar = Log
from relance_xlsx.cli import app
sys.argv = ["relance", *sys.argv[1:]]
app()
"""


def tree(root: int) -> list[int]:
    """The root and its descendants, alive now."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += parents.get(pid, [])
    return out


def cpu_ticks(pid: int) -> int:
    """utime + stime of one process, in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def pss_kib(pid: int) -> int:
    """The process's proportional set size (KiB; 0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    """Run, sample, print the steps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int)
    parser.add_argument("--samples", action="store_true")
    parser.add_argument("--every", type=float, default=0.5)
    parser.add_argument("--dry-run", action="store_true", help="the dry run's steps instead")
    args = parser.parse_args()
    target = work_copy(args.invoices, "timeline")
    command = [sys.executable, "-c", CHILD, "run", str(target), "--as-of", AS_OF,
               "--out", str(target.parent / "ours"), "--json"]  # fmt: skip
    if args.dry_run:
        command.append("--dry-run")
    log = target.parent / "steps.log"
    start = time.monotonic()
    with log.open("w") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        seen: dict[int, int] = {}
        samples = []  # (t, cpu seconds in the interval, processes, pss MiB)
        usage = None
        while usage is None:
            time.sleep(args.every)
            pid, _, used = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                usage = used
            pids = tree(proc.pid)
            ticks = {pid: cpu_ticks(pid) for pid in pids}
            each = {pid: t - seen.get(pid, 0) for pid, t in ticks.items() if t}
            seen.update(ticks)
            pss = sum(pss_kib(pid) for pid in pids) / 1024
            root = each.pop(proc.pid, 0) / TICK
            other = max(each.values(), default=0) / TICK  # the busiest worker
            spent = root + sum(each.values()) / TICK
            samples.append((time.monotonic() - start, spent, len(pids), pss, root, other))
    wall = time.monotonic() - start
    steps = _steps(log, start)
    cpu_all = usage.ru_utime + usage.ru_stime
    print(
        f"{args.invoices} invoices: wall {wall:.1f} s, CPU {cpu_all:.1f} s, "
        f"ru_maxrss {usage.ru_maxrss / 1024:.0f} MiB, load {os.getloadavg()[0]:.2f}"
    )
    module = next(line for line in log.read_text().splitlines() if line.startswith("@module"))
    print(module)
    # main: the run's own process's CPU; worker: the busiest other process's. On an idle
    # machine a step takes about the larger of the two (a loaded one stretches the wall).
    print(f"{'step':<36}{'from':>7}{'wall':>7}{'CPU':>7}{'cores':>6}{'PSS max':>9}"
          f"{'main':>7}{'worker':>7}")  # fmt: skip
    for label, t0, t1 in steps:
        inside = [s for s in samples if t0 < s[0] <= t1 + args.every / 2]
        cpu = sum(s[1] for s in inside)
        pss = max((s[3] for s in inside), default=0)
        root, other = sum(s[4] for s in inside), sum(s[5] for s in inside)
        print(f"{label[:35]:<36}{t0:>7.1f}{t1 - t0:>7.1f}{cpu:>7.1f}"
              f"{cpu / max(t1 - t0, 1e-9):>6.2f}{pss:>9.0f}{root:>7.1f}{other:>7.1f}")  # fmt: skip
    total = sum(s[1] for s in samples)
    print(f"{'all':<36}{0:>7.1f}{wall:>7.1f}{total:>7.1f}{total / wall:>6.2f}"
          f"{max(s[3] for s in samples):>9.0f}")  # fmt: skip
    if args.samples:
        for t, cpu, n, pss, _, _ in samples:
            label = next((s[0] for s in steps if s[1] < t <= s[2]), "")
            print(f"{t:7.1f} {cpu / args.every:5.2f} cores {n:2d} proc {pss:7.0f} MiB  {label}")
    kept = {"steps": steps, "samples": samples}
    Path(target.parent / "samples.json").write_text(json.dumps(kept))


def _steps(log: Path, start: float) -> list[tuple[str, float, float]]:
    """The steps the log names, (label, start, stop) in seconds from the run's start."""
    out, open_ = [], {}
    for line in log.read_text().splitlines():
        if not line.startswith("@step "):
            continue
        _, t, what, label = line.split(" ", 3)
        if what == "start":
            open_[label] = float(t) - start
        elif label in open_:
            out.append((label, open_.pop(label), float(t) - start))
    return sorted(out, key=lambda s: s[1])


if __name__ == "__main__":
    main()
