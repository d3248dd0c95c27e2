"""Work done beside the run on the machine's other core: in a forked process on Linux, its
result sent back as bytes; elsewhere (and if the fork fails) done here when asked for."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

# The first byte of what the process leaves: its work's bytes follow, or it failed.
_DONE = b"\0"
# The byte the run writes to the process once the message is in its file.
_SENT = b"\1"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Forked:
    """work(receive), started now in a forked process, its bytes returned by result().

    receive() waits for the message the run gives send() (once what the process can do
    without it is done). Whatever goes wrong in the process (an error of the work, no
    memory to fork, a process killed), result() does the work here instead: its error, if
    any, is raised as it would have been without the process. Used as a context manager: a
    run stopped before result() leaves no process behind.
    """

    def __init__(self, work: Callable[[Callable[[], Any]], bytes]) -> None:
        self._work = work
        self._message: Any = None
        self._pid = 0
        self._fds: tuple[int, ...] = ()  # its result, the message, the message's signal
        if sys.platform.startswith("linux") and hasattr(os, "memfd_create"):
            self._start()

    def _start(self) -> None:
        # Files in memory rather than pipes: the process writes and ends (its memory freed)
        # without waiting for the run to read, and hundreds of MB are read in one go.
        try:
            fds = (os.memfd_create("relance-out"), os.memfd_create("relance-in"), *os.pipe())
        except OSError:
            return
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no memory to fork: done here
            _close(fds)
            return
        if pid == 0:  # pragma: no cover - the forked process, measured by its result
            _die_with(parent)
            _child(self._work, *fds)
        os.close(fds[2])
        self._pid, self._fds = pid, (fds[0], fds[1], fds[3])

    def send(self, message: Any) -> None:
        """Give the work its message (kept here, to do the work here if need be)."""
        self._message = message
        if not self._pid:
            return
        _, into, signal_fd = self._fds
        with os.fdopen(into, "wb", closefd=False) as file:
            pickle.dump(message, file, pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(BrokenPipeError):  # the process ended: done here instead
            os.write(signal_fd, _SENT)

    def result(self) -> bytes:
        """The work's bytes: the process's, or made here if it had none to give."""
        data = self._collected()
        return data if data is not None else self._work(lambda: self._message)

    def _collected(self) -> bytes | None:
        if not self._pid:
            return None
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        with os.fdopen(os.dup(self._fds[0]), "rb") as file:
            file.seek(0)
            done = file.read(1) == _DONE
            data = file.read()  # the bytes after the flag, not copied again (400 MB at 1M)
        self.close()
        return data if done and os.waitstatus_to_exitcode(status) == 0 else None

    def close(self) -> None:
        """Stop the process if it still runs, and let go of its files."""
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)  # an ended process not reaped yet: no error
            os.waitpid(self._pid, 0)
            self._pid = 0
        _close(self._fds)
        self._fds = ()

    def __enter__(self) -> Forked:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _close(fds: tuple[int, ...]) -> None:
    for fd in fds:
        os.close(fd)


def _die_with(parent: int) -> None:  # pragma: no cover - in the forked process
    """Killed with the run even if it is killed outright (SIGTERM, SIGKILL): no cleanup of
    its own would run then."""
    try:
        ctypes.CDLL("libc.so.6").prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # another C library: it ends at the run's message
        return
    if os.getppid() != parent:  # the run ended before the call
        os._exit(1)


def _child(  # pragma: no cover - see above
    work: Callable[[Callable[[], Any]], bytes], out: int, into: int, signal_fd: int, unused: int
) -> None:
    """In the forked process: the work's bytes into the file, then the process ends at once
    (no exit handler, no buffer of the run's flushed twice)."""
    os.close(unused)
    code = 1
    try:
        # The inherited heap frozen: a collection here never walks (and copies) the run's rows.
        gc.freeze()
        data = work(lambda: _received(into, signal_fd))
        with os.fdopen(out, "wb", closefd=False) as file:
            file.write(_DONE)
            file.write(data)
        code = 0
    except BaseException:  # any failure: the run does the work itself and raises its error
        code = 1
    finally:
        os._exit(code)


def _received(into: int, signal_fd: int) -> Any:  # pragma: no cover - see above
    """The run's message, once it says it is written (an end of file: the run has stopped)."""
    if os.read(signal_fd, 1) != _SENT:
        raise EOFError
    with os.fdopen(into, "rb", closefd=False) as file:
        file.seek(0)
        return pickle.load(file)


__all__ = ["Forked"]
