"""The two consoles, the progress bar on stderr, and the one JSON document on stdout."""

from __future__ import annotations

import sys
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err = Console(stderr=True)
out = Console()


# Where print_json writes its spliced text: a byte orjson never writes (it escapes it).
SPLICE = orjson.Fragment(b"\0")


def print_json(document: dict[str, Any], spliced: bytes | None = None) -> None:
    """Print one JSON document on stdout: indented at a terminal, compact for scripts.

    spliced: JSON text written where the document holds SPLICE (once), as it is."""
    # orjson writes a million invoices in 0.8 s where the standard json takes 9 s.
    option = orjson.OPT_INDENT_2 if sys.stdout.isatty() else 0
    try:
        # Keys are text in nearly every document: OPT_NON_STR_KEYS checked each key's type
        # (0.85 s instead of 0.56 s for a million invoices); kept for a document with others.
        data = orjson.dumps(document, option=option)
    except orjson.JSONEncodeError:
        data = orjson.dumps(document, option=option | orjson.OPT_NON_STR_KEYS)
    # The spliced text written from where it is: put in by orjson, it was copied once more
    # (450 MB at a million invoices), into a document then freed.
    pieces: list[bytes | memoryview] = [data]
    if spliced is not None:
        at, whole = data.index(b"\0"), memoryview(data)
        pieces = [whole[:at], spliced, whole[at + 1 :]]
    buffer = getattr(sys.stdout, "buffer", None)
    utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8"
    if buffer is None or not utf8:  # a text-only stream, or a Windows code page
        sys.stdout.write("".join(str(p, "utf-8") for p in pieces) + "\n")
        return
    # The bytes as they are: decoding and adding "\n" made two more copies of a document
    # that is 400 MB at a million invoices.
    sys.stdout.flush()
    for piece in pieces:
        buffer.write(piece)
    buffer.write(b"\n")
    buffer.flush()


class Bar:
    """A rich progress bar on stderr, only on a terminal and not with --json."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and err.is_terminal
        self.bar: Progress | None = None
        self.task: Any = None

    def start(self, label: str, total: int) -> None:
        # Counted steps show from 5 items; open-ended steps (total 0) always, while they run.
        if not self.enabled or 0 < total < 5:
            return
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task(label, total=total or None)

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


# Problems listed on screen by `run` and `check`; the others are in `relance check --json`.
SHOWN_PROBLEMS = 30


def more_problems(count: int) -> str | None:
    """The line that closes a list of problems cut at SHOWN_PROBLEMS (None: none left out)."""
    left = count - SHOWN_PROBLEMS
    return f"  … et {left} autres (relance check --json)." if left > 0 else None


__all__ = ["SHOWN_PROBLEMS", "SPLICE", "Bar", "err", "more_problems", "out", "print_json"]
