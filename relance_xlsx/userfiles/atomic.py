"""Replacing a file atomically, safely in a shared folder: the one way a file is saved.

The new content is written to a temporary file created exclusively beside the target
(tempfile.mkstemp: O_CREAT | O_EXCL, an unpredictable name, never a link followed), through
the descriptor that created it, synced to disk, then renamed over the target. A link planted
at a fixed temporary name, or at the target itself, is never written through: the target's
name ends up holding the new file, whatever it was before.
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # read once: os.umask can only be read by setting it
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """The target's own permissions when it is a regular file; else a new file's."""
    try:
        info = target.lstat()
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_umask()


def _chmod(fh: BinaryIO, tmp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):  # through the descriptor: the name is never followed
        os.fchmod(fh.fileno(), mode)
    else:  # Windows (Python < 3.13): only the read-only flag, set by name
        tmp.chmod(mode)


def write_atomically(
    target: Path,
    write: Callable[[BinaryIO], object],
    *,
    check: Callable[[Path], object] | None = None,
    mode: int | None = None,
    prefix: str = "",
    suffix: str = ".tmp",
    swap: Callable[[Path, Path], object] = os.replace,
) -> os.stat_result:
    """Write target through write(file), then swap it in at once; the written file's stat.

    check(temporary path) runs once the content is on disk, before the swap, and may raise
    to keep the target as it was (the temporary file is then removed). mode: the new file's
    permissions (by default the target's, or a new file's). prefix and suffix name the
    temporary file (by default « .<name>.<random>.tmp »). swap(temporary, target) puts it
    in place (os.replace; a caller that never replaces a file links it instead).
    """
    fd, name = tempfile.mkstemp(
        prefix=prefix or f".{target.name}.", suffix=suffix, dir=target.parent
    )
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
            _chmod(fh, tmp, _mode_for(target) if mode is None else mode)
        if check is not None:
            check(tmp)
        written = tmp.stat()
        swap(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return written


def write_bytes_atomically(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace target by data at once (see write_atomically)."""
    write_atomically(target, lambda fh: fh.write(data), mode=mode)


__all__ = ["write_atomically", "write_bytes_atomically"]
