"""One piece of work done in a forked child on the machine's other core while the run does its
own: the ledger read while its package is checked, the dry run's invoices' JSON while the
letters are made, part of the litigation files while the report is written.

The child starts at construction on Linux with a second core (elsewhere, or when the fork
fails, there is none). Its result comes back pickled (protocol 5, arrays' memory out of band)
through a file in memory: the child writes it and ends at once, without waiting for the run to
read. result() is None when there was no child or it failed in any way (an error, killed, a
result that does not pickle): the caller then does the work itself, so that an error reaches
the user as it does without a child. close() (or leaving the with block) kills and reaps it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import io
import mmap
import os
import pickle
import signal
import struct
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, NoReturn, TypeVar, cast

from . import collector

T = TypeVar("T")
# What the work is given: a call that waits for the message the run gives send().
Receive = Callable[[], Any]

_SIZES = struct.Struct("<Q")
_HELD = {signal.SIGINT}
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_SENT = b"\1"  # written to the child once the message is in its file
# The result file's first byte: bytes as they are (a pickle would copy them twice), or a pickle.
_RAW, _PICKLED = b"r", b"p"
# Where each part of a pickled result starts in its file: an array's memory as numpy aligns it.
_ALIGN = 64


def can_fork() -> bool:
    """Whether a child can work beside the run: Linux (fork, files in memory), a second core."""
    return sys.platform.startswith("linux") and hasattr(os, "memfd_create") and _cores() >= 2


def _cores() -> int:
    """The cores this process may run on (its affinity: a container's share, taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Forked(Generic[T]):
    """work(receive) started now in a forked child; its result with result(), once."""

    def __init__(self, work: Callable[[Receive], T], *, start: bool = True) -> None:
        self.pid = 0
        self._fds: tuple[int, ...] = ()  # its result, the message, the message's signal
        if start and can_fork():
            try:
                self._start(work)
            except BaseException:  # Ctrl+C, held back over the fork, raised once let through
                self.close()
                raise

    def _start(self, work: Callable[[Receive], T]) -> None:
        try:
            # Held from now on: close() lets go of them whatever happens below.
            self._fds = (os.memfd_create("relance-out"), os.memfd_create("relance-in"))
            self._fds += os.pipe()
        except OSError:
            self.close()
            return
        parent, prctl = os.getpid(), _prctl()  # the C library loaded here, never in the child
        # Ctrl+C held back over the fork: raised in the child before it is in _child, it would
        # run the run's own clean-ups (its with blocks) in the child. Another thread may take
        # the signal meanwhile, and this one raise it at once: the pid is kept as it returns,
        # so that close() (called by __init__ on any error) kills the child.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
        try:
            with warnings.catch_warnings():  # Python 3.12+ warns of a fork beside threads
                warnings.simplefilter("ignore", DeprecationWarning)
                self.pid = os.fork()
            if self.pid == 0:  # pragma: no cover - the child, measured by its result
                _child(work, (parent, prctl), mask, *self._fds)
            os.close(self._fds[2])
            self._fds = (self._fds[0], self._fds[1], self._fds[3])
        except OSError:  # no memory, no process left: no child
            self.close()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def send(self, message: Any) -> None:
        """Give the child's work its message (receive() returns it); nothing without a child."""
        if not self.pid:
            return
        _, into, signal_fd = self._fds
        try:
            with os.fdopen(into, "wb", closefd=False) as file:
                pickle.dump(message, file, pickle.HIGHEST_PROTOCOL)
            os.write(signal_fd, _SENT)
        except (pickle.PicklingError, TypeError, AttributeError, OSError):
            self.close()  # a message that cannot travel, a child gone: the caller's work

    def result(self) -> T | None:
        """The child's result (waiting for it), or None if there is none or it failed."""
        if not self.pid:
            return None
        value: T | None = None
        # No more message: a child still waiting for one gets an end of file, and fails.
        os.close(self._fds[2])
        self._fds = self._fds[:2]
        try:
            if self._reaped():
                with io.FileIO(os.dup(self._fds[0]), "rb") as file, collector.paused():
                    file.seek(0)  # the child's writes moved the offset it shares
                    value = cast(T, _read(file))
        except Exception:  # a result cut short: none
            value = None
        finally:
            self.close()
        return value

    def _reaped(self) -> bool:
        """Wait for the child: whether it ended well (exit 0)."""
        try:
            status = os.waitpid(self.pid, 0)[1]
        except ChildProcessError:  # reaped by another part: its pid may be another's now
            status = -1
        self.pid = 0  # not on a Ctrl+C while waiting: close() then kills it
        return status >= 0 and os.waitstatus_to_exitcode(status) == 0

    def close(self) -> None:
        """Kill the child if it still runs, reap it and let go of its files."""
        if self.pid:
            with contextlib.suppress(ProcessLookupError):  # ended, not reaped yet: no error
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        _close(self._fds)
        self._fds = ()

    def __enter__(self) -> Forked[T]:
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
        with contextlib.suppress(OSError):  # closed already (an interrupt between two steps)
            os.close(fd)


def _child(  # pragma: no cover - in the child
    work: Callable[[Receive], Any],
    parent: tuple[int, Any],
    mask: set[int | signal.Signals],
    out: int,
    into: int,
    signal_fd: int,
    unused: int,
) -> NoReturn:
    """In the child: the work's result into the file, then the process ends at once (no exit
    handler, no buffer of the run's flushed twice); exit 0 only if all of it was written."""
    code = 1
    try:
        os.close(unused)
        _die_with(*parent)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        # The run's threads may hold its streams' locks: the child never writes to them.
        sys.stdout = sys.stderr = Path(os.devnull).open("w")  # noqa: SIM115
        # The inherited heap frozen: a collection here never walks (and copies) the run's rows.
        gc.freeze()
        value = work(lambda: _received(into, signal_fd))
        with io.FileIO(out, "wb", closefd=False) as file:
            _write(value, file)
        code = 0
    except BaseException:  # any failure: the caller does the work itself
        code = 1
    finally:
        os._exit(code)


@functools.lru_cache(maxsize=1)
def _prctl() -> Any:
    """glibc's prctl, or None (another C library): looked up before any fork, as loading a
    library in a child forked from threads may wait forever on a lock of the loader."""
    try:
        return ctypes.CDLL("libc.so.6").prctl
    except (OSError, AttributeError):
        return None


def _die_with(parent: int, prctl: Any) -> None:  # pragma: no cover - in the child
    """Killed with the run even if it is killed outright (SIGTERM, SIGKILL): no clean-up of
    its own would run then."""
    if prctl is None:  # another C library: it ends with its work
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the run ended before the call
        os._exit(1)


def _received(into: int, signal_fd: int) -> Any:  # pragma: no cover - in the child
    """The run's message, once it says it is written (an end of file: the run has stopped)."""
    if os.read(signal_fd, 1) != _SENT:
        raise EOFError
    with os.fdopen(into, "rb", closefd=False) as file:
        file.seek(0)
        return pickle.load(file)


class Pieces(list[memoryview]):
    """Bytes in pieces, written one after the other: the caller reads them back as one bytes
    (never joined in the child: a copy of the dry run's 450 MB of JSON at 1M invoices)."""


def _write(value: object, file: io.FileIO) -> None:
    """value pickled, its arrays' memory written as it is after it (no copy into the pickle),
    each part at an offset _ALIGN divides (the reader maps them as arrays where they lie)."""
    if type(value) is bytes:
        value = Pieces([memoryview(value)])
    if type(value) is Pieces:
        file.write(_RAW)
        for piece in value:
            _write_all(file, piece)
        return
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    views = [memoryview(head), *(b.raw() for b in buffers)]
    sizes = _PICKLED + _SIZES.pack(len(views)) + b"".join(_SIZES.pack(v.nbytes) for v in views)
    _write_all(file, memoryview(sizes))
    at = len(sizes)
    for view in views:
        _write_all(file, memoryview(bytes(-at % _ALIGN)))
        _write_all(file, view)
        at += -at % _ALIGN + view.nbytes


def _write_all(file: io.FileIO, view: memoryview) -> None:
    while view.nbytes:  # a raw write may write part of it (a signal)
        view = view[file.write(view) or 0 :]


def _read(file: io.FileIO) -> object:
    """What _write wrote; the arrays' memory mapped where it lies in the file, copied only
    where written to (reading 200 MB into fresh memory cost 0.3 s at a million invoices)."""
    kind = file.read(1)
    if kind == _RAW:
        return file.readall()
    if kind != _PICKLED:
        raise EOFError
    count = _SIZES.unpack(_exactly(file, _SIZES.size))[0]
    sizes = struct.unpack(f"<{count}Q", _exactly(file, 8 * count))
    spans, at = [], 1 + _SIZES.size + 8 * count
    for size in sizes:
        at += -at % _ALIGN
        spans.append((at, at + size))
        at += size
    if os.fstat(file.fileno()).st_size < at:  # cut short: a mapped page past the end is a crash
        raise EOFError
    mapped = memoryview(mmap.mmap(file.fileno(), at, access=mmap.ACCESS_COPY))
    head, *buffers = (mapped[start:end] for start, end in spans)
    return pickle.loads(head, buffers=buffers)


def _exactly(file: io.FileIO, size: int) -> bytearray:
    """size bytes from the file, or EOFError if the child wrote fewer."""
    out = bytearray(size)
    view, got = memoryview(out), 0
    while got < size:
        n = file.readinto(view[got:])
        if not n:
            raise EOFError
        got += n
    return out


__all__ = ["Forked", "Pieces", "Receive", "can_fork"]
