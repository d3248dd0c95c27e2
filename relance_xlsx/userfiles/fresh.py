"""Writing a run's output files without ever following a link planted meanwhile.

The output folder is checked for links when a run starts, but anyone who can write into a
shared folder can plant `relances/<date>/<letter>.pdf -> ~/.bashrc` a second later, while
the letters are written. So each output file is created exclusively (O_CREAT | O_EXCL,
plus O_NOFOLLOW where it exists): that open never goes through a link, even a dangling
one. A file, link or pipe already at the name is removed first (removing a link removes
the link, not what it points to). One open per file, as before: the letter loop keeps its
pace. A file made elsewhere (LibreOffice's PDFs, made in a private folder) is moved in by
rename, which replaces a link at the target without following it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import WorkbookError
from .anchored import folder_fd
from .atomic import write_atomically

_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)  # absent on Windows: O_EXCL alone never follows a link
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_TRIES = 3


def _clear(target: Path, folder: int | None = None) -> None:
    """Remove what is at target (a file, a link, a pipe), never what a link points to;
    folder: the descriptor of target's folder (anchored.py), else its path is used."""
    name = target.name if folder is not None else target
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise WorkbookError(
            f"{target} est un dossier : relance-xlsx doit y écrire un fichier ; "
            "renommez ou déplacez ce dossier, puis relancez."
        )
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name, dir_fd=folder)


def open_fresh(target: Path) -> BinaryIO:
    """target opened for writing as a new file; whatever was at its name is removed first,
    and a link planted there, or at a folder above it in the output folder, is never
    followed."""
    with folder_fd(target.parent) as folder:
        name = target.name if folder is not None else target
        for _ in range(_TRIES):
            try:
                fd = os.open(name, _FLAGS, 0o666, dir_fd=folder)
            except FileExistsError:
                _clear(target, folder)
                continue
            return os.fdopen(fd, "wb")
    raise WorkbookError(
        f"Le fichier {target} réapparaît sans cesse pendant qu'il est écrit (quelqu'un "
        "d'autre écrit dans ce dossier ?) : relance-xlsx s'arrête plutôt que d'écrire au "
        "travers ; relancez quand le dossier est calme."
    )


def write_fresh(target: Path, data: bytes) -> Path:
    """Write data as a new file at target (see open_fresh)."""
    with open_fresh(target) as fh:
        fh.write(data)
    return target


def move_in(source: Path, target: Path) -> Path:
    """Move a file made in a private folder to target: a rename where the two are on the
    same disk (it replaces a link at target, never follows it), else a copy made new."""
    with folder_fd(target.parent) as folder:
        try:
            os.replace(source, target.name if folder is not None else target, dst_dir_fd=folder)
            return target
        except OSError:
            if folder is None and target.is_dir() and not target.is_symlink():
                _clear(target)  # a folder at the name: refused in French
            if folder is None:
                with source.open("rb") as fh:
                    write_atomically(target, lambda out: shutil.copyfileobj(fh, out, 1 << 20))
                source.unlink(missing_ok=True)
                return target
    with source.open("rb") as fh, open_fresh(target) as out:  # another disk: copied
        shutil.copyfileobj(fh, out, 1 << 20)
    source.unlink(missing_ok=True)
    return target


__all__ = ["move_in", "open_fresh", "write_fresh"]
