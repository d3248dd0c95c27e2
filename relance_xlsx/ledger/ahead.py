"""A big ledger read in a forked process while this one checks its package: the read (the
reader library's parse and the normalising, 13 s of CPU at a million invoices) and the check
(3.5 s) each kept one core busy in turn while the other waited.

Nothing the reader would refuse is used: the child only reads, and its result is taken only
once the check has passed in this process, which still says any refusal first. Any failure of
the child (an error, a crash, no fork) means the read is done here again, as without it, so
that an error reaches the user as it always did. Windows and macOS, and small ledgers (the
fork and the transfer cost more than they save), read in the one process.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

import numpy as np
import pandas as pd

from .. import collector

T = TypeVar("T")

# About 50 000 invoices of a generated ledger: under that the fork costs more than it saves.
AHEAD_FROM_BYTES = 4 * 1024 * 1024
_SIZES = struct.Struct("<Q")
_HELD = {signal.SIGINT}


class Ahead(Generic[T]):
    """A forked child's result, read once; None if the child failed in any way."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.done = False

    def result(self) -> T | None:
        """The child's result (waiting for it), or None if it failed."""
        value: T | None = None
        try:
            with io.FileIO(self.fd, "rb") as pipe, collector.paused():
                self.fd = -1
                value = cast(T, _receive(pipe))
        except Exception:  # the child died or failed: nothing, or part of a pickle, came
            value = None
        status = self._reap()
        return value if status == 0 else None

    def _reap(self) -> int | None:
        """The child's exit status once it has ended (None if another part reaped it)."""
        self.done = True
        try:
            return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        except ChildProcessError:
            return None

    def close(self) -> None:
        """Stop the child if it still runs, and reap it."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if not self.done:
            with contextlib.suppress(ProcessLookupError):  # already gone: reaped below
                os.kill(self.pid, signal.SIGKILL)
            self._reap()


def worth_it(path: Path) -> bool:
    """Whether reading this file in a child pays: a big file, and fork with a second core."""
    if not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2:
        return False
    try:
        return path.is_file() and path.stat().st_size >= AHEAD_FROM_BYTES
    except OSError:
        return False


@contextmanager
def read_ahead(path: Path, work: Callable[[], T]) -> Iterator[Ahead[T] | None]:
    """work() started in a forked child when it pays (None else); the child is stopped on
    leaving, whatever happened here."""
    if not worth_it(path):
        yield None
        return
    # Ctrl+C held back over the fork: raised in the child before it is in _child, it would
    # run this process's own clean-ups (its with blocks) in the child.
    signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    forked = _fork()
    if forked is None:  # no memory, no process or no pipe left: the read is done here
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
        yield None
        return
    pid, read_end, write_end = forked
    if pid == 0:  # pragma: no cover - the child: measured by its result in the parent
        _child(read_end, write_end, work)
    ahead: Ahead[T] = Ahead(pid, read_end)
    try:
        os.close(write_end)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
        yield ahead
    finally:
        ahead.close()


def _fork() -> tuple[int, int, int] | None:
    """(pid, the pipe's read end, its write end) from os.fork, or None if it failed."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        return os.fork(), read_end, write_end
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None


def _child(read_end: int, write_end: int, work: Callable[[], T]) -> None:
    """In the child: work(), pickled into the pipe; exit 0 only if all of it was sent."""
    code = 1
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
        os.close(read_end)
        # The parent's threads may hold its streams' locks: the child never writes to them.
        sys.stdout = sys.stderr = Path(os.devnull).open("w")  # noqa: SIM115
        gc.disable()  # a short life: the collector would only walk the cells
        value = work()
        with io.FileIO(write_end, "wb") as pipe:
            _send(value, pipe)
        code = 0
    except BaseException:  # any failure: the parent reads again itself
        code = 1
    finally:
        os._exit(code)


def pack_frame(frame: pd.DataFrame) -> object:
    """A frame for the pipe: its columns' arrays, a column of None only named (a million
    None cost as much to send as the rest); the frame itself if it is not that simple."""
    plain = isinstance(frame.index, pd.RangeIndex) and frame.index.equals(pd.RangeIndex(len(frame)))
    plain = plain and frame.columns.is_unique and not frame.attrs
    if not plain or not all(isinstance(t, np.dtype) for t in frame.dtypes):
        return frame
    columns = {}
    for name in frame.columns:
        v = frame[name].to_numpy()
        none = v.dtype == object and len(v) and v[0] is None and v.tolist().count(None) == len(v)
        columns[name] = None if none else v
    return _Packed(len(frame), list(frame.columns), list(columns.values()))


def unpack_frame(packed: object) -> pd.DataFrame:
    """The frame pack_frame packed, each column its own block as the reader builds it."""
    if isinstance(packed, pd.DataFrame):
        return packed
    assert isinstance(packed, _Packed)
    arrays = {}
    for name, v in zip(packed.names, packed.arrays, strict=True):
        v = np.empty(packed.rows, dtype=object) if v is None else v
        arrays[name] = pd.Series(v, dtype=object, copy=False) if v.dtype == object else v
    return pd.DataFrame(arrays, columns=packed.names, copy=False)


@dataclass(frozen=True)
class _Packed:
    rows: int
    names: list[str]
    arrays: list[np.ndarray | None]


def _send(value: object, pipe: io.FileIO) -> None:
    """value pickled, its arrays' memory sent as it is after it (no copy into the pickle)."""
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    views = [memoryview(head), *(b.raw() for b in buffers)]
    pipe.write(_SIZES.pack(len(views)) + b"".join(_SIZES.pack(v.nbytes) for v in views))
    for view in views:
        while view.nbytes:  # a raw write may send part of it (a signal)
            view = view[pipe.write(view) or 0 :]


def _receive(pipe: io.FileIO) -> object:
    """What _send sent; each array's memory read into its own writable buffer."""
    count = _SIZES.unpack(_exactly(pipe, _SIZES.size))[0]
    sizes = struct.unpack(f"<{count}Q", _exactly(pipe, 8 * count))
    head, *buffers = (_exactly(pipe, n) for n in sizes)
    return pickle.loads(head, buffers=buffers)


def _exactly(pipe: io.FileIO, size: int) -> bytearray:
    """size bytes from the pipe, or EOFError if the child stopped before sending them."""
    out = bytearray(size)
    view, got = memoryview(out), 0
    while got < size:
        n = pipe.readinto(view[got:])
        if not n:
            raise EOFError
        got += n
    return out


__all__ = ["AHEAD_FROM_BYTES", "Ahead", "pack_frame", "read_ahead", "unpack_frame", "worth_it"]
