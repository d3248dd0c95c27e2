"""A big ledger read in a forked process while this one checks its package: the read (the
reader library's parse and the normalising, 13 s of CPU at a million invoices) and the check
(3.5 s) each kept one core busy in turn while the other waited.

Nothing the reader would refuse is used: the child only reads, and its result is taken only
once the check has passed in this process, which still says any refusal first. Any failure of
the child (an error, a crash, no fork) means the read is done here again, as without it, so
that an error reaches the user as it always did. Windows and macOS, and small ledgers (the
fork and the transfer cost more than they save), read in the one process. The child and its
result's transfer are relance_xlsx/forking.py's; the frame is packed for it here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from ..forking import Forked, can_fork

T = TypeVar("T")

# About 50 000 invoices of a generated ledger: under that the fork costs more than it saves.
AHEAD_FROM_BYTES = 4 * 1024 * 1024
# The child's memory above what it inherits: a million generated invoices (an 89 MB file) take
# 2.1 GB to read. A child past it fails, and the read is done here once the check has passed.
ROOM = 2 << 30
ROOM_PER_BYTE = 40
# A column of texts is sent joined when so many of its cells, spread over it, are distinct.
_SAMPLE = 1000
_SEPARATOR = "\x1f"


def worth_it(path: Path) -> bool:
    """Whether reading this file in a child pays: a big file, and fork with a second core."""
    if not can_fork():
        return False
    try:
        return path.is_file() and path.stat().st_size >= AHEAD_FROM_BYTES
    except OSError:
        return False


@contextmanager
def read_ahead(path: Path, work: Callable[[], T]) -> Iterator[Forked[T] | None]:
    """work() started in a forked child when it pays (None else, or when the fork failed);
    the child is stopped on leaving, whatever happened here."""
    if not worth_it(path):
        yield None
        return
    room = max(ROOM, ROOM_PER_BYTE * path.stat().st_size)
    with Forked(lambda receive: _uncollected(work, room)) as child:
        yield child if child.pid else None


def _uncollected(work: Callable[[], T], room: int) -> T:  # pragma: no cover - in the child
    """work() with no cycle collection (a short life: the collector would only walk the
    cells), in no more memory than room above what the child inherits."""
    limit_memory(room)
    gc.disable()
    return work()


def limit_memory(room: int) -> None:
    """This process's address space held to its present size plus room, where the system
    allows a limit: the read here runs before the package check has refused a sheet whose grid
    would not fit (a far cell of a small file), and such a read must fail, not fill the machine."""
    try:
        import resource  # not on Windows, where no child is forked

        statm = Path("/proc/self/statm").read_text(encoding="ascii")
        size = int(statm.split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = size + room
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        if soft == resource.RLIM_INFINITY or soft > want:
            resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ImportError, OSError, ValueError):
        return  # no /proc, or no limit to set: the package check still refuses first


def pack_frame(frame: pd.DataFrame) -> object:
    """A frame for the pipe: its columns' arrays, a column of None only named (a million
    None cost as much to send as the rest), a column of one repeated value sent as that value;
    the frame itself if it is not that simple."""
    plain = isinstance(frame.index, pd.RangeIndex) and frame.index.equals(pd.RangeIndex(len(frame)))
    plain = plain and frame.columns.is_unique and not frame.attrs
    if not plain or not all(isinstance(t, np.dtype) for t in frame.dtypes):
        return frame
    columns = [_packed(frame[name].to_numpy()) for name in frame.columns]
    return _Packed(len(frame), list(frame.columns), columns)


def _packed(v: np.ndarray) -> np.ndarray | _Same | _Texts | None:
    """A column as it is sent: None for a column of None, _Same for one value repeated,
    _Texts for distinct texts."""
    if v.dtype == object:
        none = len(v) and v[0] is None and v.tolist().count(None) == len(v)
        return None if none else _texts(v)
    # A ledger's columns without cells (dates, flags, amounts none gave) are all NaT, False
    # or NaN: 8 MB each at a million rows, written and mapped for nothing. Compared bit for
    # bit (0.0 is not -0.0 here), so that the column rebuilt is the one sent.
    if len(v) and v.ndim == 1 and v.flags.c_contiguous and v.dtype.itemsize in (1, 2, 4, 8):
        bits = v.view(f"u{v.dtype.itemsize}")
        if (bits == bits[0]).all():
            return _Same(v[:1].copy())
    return v


def _texts(v: np.ndarray) -> np.ndarray | _Texts:
    """A column of distinct texts (the invoice numbers) as one text: pickling a million texts
    cost 0.22 s, each one remembered; joining them, 0.06 s. Texts that repeat (names, e-mails)
    stay pickled, each one sent once."""
    sample = v[:: max(1, len(v) // _SAMPLE)].tolist()  # cells spread over the column
    if len(v) < 2 or len(set(map(id, sample))) < len(sample):
        return v
    cells = v.tolist()
    if not all(c.__class__ is str for c in cells):
        return v
    joined = _SEPARATOR.join(cells)
    return _Texts(joined) if joined.count(_SEPARATOR) == len(cells) - 1 else v


def unpack_frame(packed: object) -> pd.DataFrame:
    """The frame pack_frame packed, each column its own block as the reader builds it."""
    if isinstance(packed, pd.DataFrame):
        return packed
    assert isinstance(packed, _Packed)
    arrays = {}
    for name, v in zip(packed.names, packed.arrays, strict=True):
        if v is None:
            v = np.empty(packed.rows, dtype=object)
        elif isinstance(v, _Same):
            same = np.empty(packed.rows, dtype=v.cell.dtype)
            same[:] = v.cell
            v = same
        elif isinstance(v, _Texts):
            v = np.fromiter(v.joined.split(_SEPARATOR), dtype=object, count=packed.rows)
        arrays[name] = pd.Series(v, dtype=object, copy=False) if v.dtype == object else v
    return pd.DataFrame(arrays, columns=packed.names, copy=False)


@dataclass(frozen=True)
class _Same:
    cell: np.ndarray  # the one value, as an array of one of the column's dtype


@dataclass(frozen=True)
class _Texts:
    joined: str  # the texts, _SEPARATOR between them (none of them holds it)


@dataclass(frozen=True)
class _Packed:
    rows: int
    names: list[str]
    arrays: list[np.ndarray | _Same | _Texts | None]


__all__ = ["AHEAD_FROM_BYTES", "pack_frame", "read_ahead", "unpack_frame", "worth_it"]
