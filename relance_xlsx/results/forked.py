"""Work done beside the run on the machine's other core: in a forked process on Linux, its
result sent back as bytes; elsewhere (and if the fork fails) done here when asked for."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable
from functools import partial
from types import TracebackType
from typing import Any

from .. import collector
from ..ledger import Ledger
from ..policy import Decisions
from .records import invoice_results, invoices_json

# The first byte of what the process leaves: its work's bytes follow, or it failed.
_DONE, _FAILED = b"\0", b"\1"


class Forked:
    """work(), started now in a forked process, its bytes returned by result().

    Whatever goes wrong in the process (an error of the work, no memory to fork, a process
    killed), result() does the work here instead: its error, if any, is raised as it would
    have been without the process. Used as a context manager: a run stopped before result()
    leaves no process behind.
    """

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._pid = 0
        self._fd = -1
        if sys.platform.startswith("linux") and hasattr(os, "memfd_create"):
            self._start()

    def _start(self) -> None:
        # A file in memory rather than a pipe: the process writes and ends (its memory freed)
        # without waiting for the run to read, and its hundreds of MB are read in one go.
        try:
            fd = os.memfd_create("relance-forked", os.MFD_CLOEXEC)
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:  # no memory to fork: done here
            os.close(fd)
            return
        if pid == 0:  # pragma: no cover - the forked process, measured by its result
            _child(self._work, fd)
        self._pid, self._fd = pid, fd

    def result(self) -> bytes:
        """The work's bytes: the process's, or made here if it had none to give."""
        data = self._collected()
        return data if data is not None else self._work()

    def _collected(self) -> bytes | None:
        if not self._pid:
            return None
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        with os.fdopen(self._fd, "rb") as file:
            self._fd = -1
            file.seek(0)
            data = file.read()
        if os.waitstatus_to_exitcode(status) != 0 or not data.startswith(_DONE):
            return None
        return data[1:]

    def close(self) -> None:
        """Stop the process if it still runs, and let go of what it wrote."""
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)  # an ended process not reaped yet: no error
            os.waitpid(self._pid, 0)
            self._pid = 0
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Forked:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def invoices_beside(
    aside: contextlib.ExitStack | None,
    ledger: Ledger,
    decisions: Decisions,
    letter_of: dict[Any, str],
) -> Callable[[], dict[str, Any]]:
    """The run's invoices, as its result's fields, when called: their records, or with aside
    their JSON text, started now in a forked process that aside stops with the run."""
    if aside is None:
        return partial(_records, ledger, decisions, letter_of)
    forked = aside.enter_context(Forked(partial(invoices_json, ledger, decisions, letter_of)))
    return lambda: {"invoices": [], "invoices_json": forked.result()}


def _records(ledger: Ledger, decisions: Decisions, letter_of: dict[Any, str]) -> dict[str, Any]:
    with collector.paused():
        return {"invoices": invoice_results(ledger, decisions, letter_of)}


def _child(work: Callable[[], bytes], fd: int) -> None:  # pragma: no cover - see above
    """In the forked process: the work's bytes into the file, then the process ends at once
    (no exit handler, no buffer of the run's flushed twice)."""
    code = 1
    try:
        # The inherited heap frozen: a collection here never walks (and copies) the run's rows.
        gc.freeze()
        data = work()
        with os.fdopen(fd, "wb", closefd=False) as file:
            file.write(_DONE)
            file.write(data)
        code = 0
    except BaseException:  # any failure: the run does the work itself and raises its error
        code = 1
    finally:
        os._exit(code)


__all__ = ["Forked", "invoices_beside"]
