"""Sheets the XML scan cannot measure, measured by the reader library in a process of its own.

An .ods, an .xlsb or an .xls, or an .xlsx written without cell references, gives its cells'
places only to a real reader. python-calamine aborts the whole process when a grid does not
fit in memory (exit 134, no Python exception), so the measuring is done by a child process,
under an address-space limit where the system has one: a sheet that kills the child is set
aside with its sentence, and this process never builds its grid.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path

from .. import pychild

TIMEOUT = 120.0  # seconds for the whole workbook
MEMORY = 3 << 30  # bytes of address space for the child, when the system allows a limit

# The child: opens the workbook, then each sheet, saying which one it starts before it does.
_CHILD = r"""
import json, sys
try:
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = int(sys.argv[3])
    if soft == resource.RLIM_INFINITY or soft > want:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
except (ImportError, ValueError, OSError):
    pass  # Windows: no limit, the child still dies alone
import python_calamine as calamine
def say(*item):
    sys.stdout.write(json.dumps(item) + "\n"); sys.stdout.flush()
try:
    book = calamine.CalamineWorkbook.from_path(sys.argv[1])
except Exception as exc:
    say("unreadable", type(exc).__name__); sys.exit(0)
names = json.loads(sys.argv[2]) or [m.name for m in book.sheets_metadata if "Work" in str(m.typ)]
say("sheets", names)
for name in names:
    say("start", name)
    try:
        sheet = book.get_sheet_by_name(name)
        say("size", name, sheet.height, sheet.width)
    except Exception as exc:
        say("error", name, type(exc).__name__)
say("done")
"""


def _run_child(path: Path, names: Sequence[str]) -> tuple[list[list[object]], bool]:
    """The child's reports, and whether it ended by itself."""
    command = pychild.command(_CHILD, str(path), json.dumps(list(names)), str(MEMORY))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        out, ended = done.stdout, done.returncode == 0
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        out, ended = (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw), False
    reports = []
    for line in out.splitlines():
        try:
            reports.append(json.loads(line))
        except ValueError:
            continue
    return reports, ended and bool(reports) and reports[-1] == ["done"]


def measure(path: Path, names: Sequence[str], max_cells: int) -> tuple[dict[str, str], bool]:
    """Sheets the reader must not build (name -> why, in French), and whether the file can be
    opened at all; names empty: every worksheet."""
    refused: dict[str, str] = {}
    left = list(names)
    for _ in range(64):  # each round sets one fatal sheet aside
        reports, ended = _run_child(path, left)
        listed = next((r[1] for r in reports if r[0] == "sheets"), None)
        if listed is None:
            # An ordinary error opening it: the reader says it; else the child died opening.
            return refused, any(r[0] == "unreadable" for r in reports)
        left = left or [str(n) for n in listed]  # type: ignore[attr-defined]
        started = None
        for report in reports:
            if report[0] == "start":
                started = str(report[1])
            elif report[0] in ("size", "error"):
                started = None
                if report[0] == "size" and _cells(report) > max_cells:
                    refused[str(report[1])] = _too_big(path, str(report[1]), report, max_cells)
        if ended or started is None:
            return refused, True
        refused[started] = (
            f"{path.name} : la feuille « {started} » ne peut pas être lue : la lire demanderait "
            "plus de mémoire ou de temps que ce poste n'en a (cellules trop lointaines ou "
            "trop nombreuses) ; dans le tableur, supprimez ce qui dépasse, enregistrez, "
            "puis relancez."
        )
        done = {str(r[1]) for r in reports if r[0] == "start"}
        left = [n for n in left if n not in done]
        if not left:
            return refused, True
    return refused, True


def _cells(report: list[object]) -> int:
    return int(str(report[2])) * int(str(report[3]))


def _too_big(path: Path, sheet: str, report: list[object], max_cells: int) -> str:
    grouped = f"{_cells(report):,}".replace(",", "\u202f")
    limit = f"{max_cells:,}".replace(",", "\u202f")
    return (
        f"{path.name} : la feuille « {sheet} » ne peut pas être lue : il faudrait lire "
        f"{grouped} cellules, plus que la limite de {limit} ([limits] max_cells) ; dans le "
        "tableur, supprimez ce qui dépasse, enregistrez, puis relancez."
    )


__all__ = ["measure"]
