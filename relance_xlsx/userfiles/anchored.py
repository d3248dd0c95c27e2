"""A run's output folder held open, so that a parent folder swapped for a link while the
run writes is never written through.

The path from the ledger's folder down to `relances/<date>/` is checked for links when a
run starts (confined.py), and each file is opened without following a link at its own
name (fresh.py). But `relances/<date>/` or its `pdf/` can be renamed and replaced by a link
a second later. So on POSIX the output folder is opened once (O_DIRECTORY | O_NOFOLLOW)
and every file is created, and every subfolder reached, relative to that descriptor
(dir_fd), each step refusing a link. Windows has no dir_fd: there, the paths are used as
before (and only the last name is guarded).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from ..errors import WorkbookError

SUPPORTED = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and {os.open, os.mkdir, os.unlink, os.rename, os.stat} <= os.supports_dir_fd
)
_DIR_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# Output folder (absolute, lexical) -> its descriptor, or None until it exists.
_ROOTS: dict[str, int | None] = {}
_USERS: dict[str, int] = {}  # how many runs hold each
_LOCK = threading.Lock()


def _swapped(path: str) -> WorkbookError:
    return WorkbookError(
        f"Le dossier {path} a été remplacé par un lien (ou un fichier) pendant l'écriture : "
        "relance-xlsx n'écrit jamais au travers d'un lien, qui pourrait mener hors du dossier "
        "du classeur ; supprimez ce lien, remettez le dossier en place, puis relancez."
    )


def _open_dir(name: str, dir_fd: int | None = None, shown: str = "") -> int | None:
    """name opened as a folder without following a link; None when it does not exist."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR and dir_fd is None:
            return None  # a file above the output folder: the path's own error says it
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise _swapped(shown or name) from exc
        raise


def anchor_output(out: Path) -> None:
    """Hold the run's output folder open (now, or on its first file if not made yet), until
    as many release_output(out) calls as anchors (the page's runs may share a folder)."""
    if not SUPPORTED:
        return
    key = os.path.abspath(out)  # noqa: PTH100 (lexical: links are not followed)
    fd = _open_dir(key)
    with _LOCK:
        old = _ROOTS.pop(key, None)
        if old is not None:
            os.close(old)
        _ROOTS[key] = fd
        _USERS[key] = _USERS.get(key, 0) + 1


def release_output(out: Path) -> None:
    """The run on out has ended: its folder is let go once no other run holds it (held
    for ever, a long-lived page kept a descriptor per folder, deleted ones included)."""
    if not SUPPORTED:
        return
    key = os.path.abspath(out)  # noqa: PTH100
    with _LOCK:
        users = _USERS.pop(key, 0) - 1
        if users > 0:
            _USERS[key] = users
            return
        fd = _ROOTS.pop(key, None)
        if fd is not None:
            os.close(fd)


def _still(root: str, fd: int) -> bool:
    """Whether the held folder is still at its path (a link there now: refused)."""
    try:
        now = Path(root).lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(now.st_mode) or not stat.S_ISDIR(now.st_mode):
        raise _swapped(root)
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def _root_of(key: str) -> tuple[str, int] | None:
    with _LOCK:
        roots = [r for r in _ROOTS if key == r or key.startswith(r.rstrip(os.sep) + os.sep)]
        if not roots:
            return None
        root = max(roots, key=len)
        fd = _ROOTS[root]
        if fd is not None and not _still(root, fd):
            os.close(fd)  # moved or made again since (another run): held anew
            fd = _ROOTS[root] = None
        if fd is None:
            fd = _open_dir(root)
            if fd is None:
                return None  # not made yet: the path itself is used
            _ROOTS[root] = fd
        return root, fd


@contextlib.contextmanager
def folder_fd(folder: Path) -> Iterator[int | None]:
    """A descriptor of folder reached from the held output folder, each step refusing a
    link (a missing subfolder is made there); None when folder is under no held one."""
    key = os.path.abspath(folder)  # noqa: PTH100
    found = _root_of(key) if SUPPORTED else None
    if found is None:
        yield None
        return
    root, current = found
    opened: list[int] = []
    try:
        shown = Path(root)
        for part in Path(key).relative_to(root).parts:
            shown = shown / part
            step = _open_dir(part, current, str(shown))
            if step is None:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=current)
                step = _open_dir(part, current, str(shown))
                if step is None:
                    raise _swapped(str(shown))
            opened.append(step)
            current = step
        yield current
    finally:
        for fd in opened:
            os.close(fd)


__all__ = ["SUPPORTED", "anchor_output", "folder_fd", "release_output"]
