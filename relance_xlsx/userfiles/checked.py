"""The rules for a file someone names: a regular file, not too big, of the kind expected,
and, when named in a cell, inside the folder it must stay in.

A path in relance.toml or in a ledger cell may name /dev/zero (endless), a FIFO (a read
that never returns), a directory, a 10 GB file, a link to ~/.ssh, a text file posing as
a PDF, or `..\\..\\secret.pdf`. Each of these is refused here with the reason in French,
before a single byte is read; and a file is read through the same check (its size may grow
between the check and the read).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import RelanceError

_MB = 1024 * 1024
_WINDOWS_DEVICES = {
    "con", "prn", "aux", "nul", "conin$", "conout$",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
}  # fmt: skip
# Opening a FIFO for reading blocks until a writer comes, unless non-blocking.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class FileRefused(RelanceError):
    """A named file that is not read: `reason` is the French predicate of « le fichier … »
    (« est un dossier, pas un fichier »); the message names the file too."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"Le fichier {path} {reason}.")
        self.reason = reason


class FileMissing(FileRefused):
    """A named file that does not exist."""


def _megabytes(size: float) -> str:
    return f"{size / _MB:.1f}".replace(".", ",") + " Mo"


def checked_file(
    path: Path,
    *,
    max_mb: float,
    magic: bytes = b"",
    suffixes: tuple[str, ...] = (),
    kind: str = "",
) -> Path:
    """The real path of a regular file within max_mb, starting with magic and ending with
    one of suffixes (when given); FileRefused with the reason otherwise.

    kind names what was expected in the refusal (« un PDF »)."""
    text = str(path)
    if any(ord(c) < 32 for c in text):
        raise FileRefused(repr(text), "a un nom qui contient un caractère de contrôle : refusé")
    if suffixes and not text.lower().endswith(suffixes):
        raise FileRefused(
            path,
            f"n'est pas {kind or 'du type attendu'} : seuls les fichiers {', '.join(suffixes)} "
            "sont acceptés",
        )
    try:
        real = Path(os.path.realpath(path))
        info = real.stat()
    except FileNotFoundError:
        raise FileMissing(path, "est introuvable") from None
    except (OSError, ValueError):
        raise FileRefused(path, "est illisible (chemin ou droits)") from None
    _check_stat(path, info, max_mb)
    if magic:
        with _opened(path, real) as fh:
            if os.read(fh, len(magic)) != magic:
                raise FileRefused(path, f"ne commence pas comme {kind or 'attendu'} : refusé")
    return real


def _check_stat(path: object, info: os.stat_result, max_mb: float) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileRefused(path, "est un dossier, pas un fichier")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(path, "n'est pas ordinaire (périphérique, tube ?) : refusé")
    if info.st_size > max_mb * _MB:
        raise FileRefused(
            path, f"fait {_megabytes(info.st_size)}, plus que la limite de {max_mb:g} Mo"
        )


class _opened:
    """A file descriptor opened without blocking on a FIFO, checked again once open."""

    def __init__(self, shown: object, real: Path) -> None:
        self.shown, self.real, self.fd = shown, real, -1

    def __enter__(self) -> int:
        try:
            self.fd = os.open(self.real, _OPEN_FLAGS)
        except OSError:
            raise FileRefused(self.shown, "ne peut pas être ouvert (droits ?)") from None
        info = os.fstat(self.fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(self.fd)
            raise FileRefused(self.shown, "n'est pas ordinaire (périphérique, tube ?) : refusé")
        if hasattr(os, "set_blocking"):
            os.set_blocking(self.fd, True)
        return self.fd

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)


def read_checked(path: Path, *, max_mb: float, magic: bytes = b"", kind: str = "") -> bytes:
    """A named file's bytes, read only if it is a regular file within max_mb (even if it
    grew since it was checked)."""
    real = checked_file(path, max_mb=max_mb, magic=magic, kind=kind)
    limit = int(max_mb * _MB)
    with _opened(path, real) as fh:
        chunks, size = [], 0
        while chunk := os.read(fh, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileRefused(path, f"dépasse la limite de {max_mb:g} Mo")
    return b"".join(chunks)


def named_in_cell(
    cell: str,
    root: Path,
    *,
    max_mb: float,
    magic: bytes = b"",
    suffixes: tuple[str, ...] = (),
    kind: str = "",
) -> Path:
    """The file a cell names, relative to root and staying inside it (links followed), or
    FileRefused saying why (the message starts with the cell's text)."""
    text = cell.strip()
    if not text:
        raise FileRefused("«\u00a0»", "n'est pas indiqué (chemin vide)")
    if any(ord(c) < 32 for c in text):
        raise FileRefused(repr(text), "a un nom qui contient un caractère de contrôle : refusé")
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", text):
        raise FileRefused(
            text,
            f"est une adresse (URL), pas un fichier : indiquez le chemin du PDF dans le dossier "
            f"{root}",
        )
    windows, posix = PureWindowsPath(text), PurePosixPath(text)
    if windows.is_absolute() or posix.is_absolute() or windows.drive or text.startswith("~"):
        raise FileRefused(
            text, f"a un chemin absolu, refusé : indiquez un chemin relatif au dossier {root}"
        )
    parts = [p for p in text.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise FileRefused(text, f"sort du dossier {root} (« .. ») : refusé")
    for part in parts:
        if ":" in part or part.split(".")[0].lower().rstrip(" ") in _WINDOWS_DEVICES:
            raise FileRefused(text, "a le nom d'un périphérique ou d'un flux Windows : refusé")
    candidate = root.joinpath(*parts)
    # Symbolic links are followed, then the real place must still be under root.
    real = Path(os.path.realpath(candidate))
    if not real.is_relative_to(root):
        raise FileRefused(text, f"mène hors du dossier {root} (lien) : refusé")
    return checked_file(candidate, max_mb=max_mb, magic=magic, suffixes=suffixes, kind=kind)


__all__ = ["FileMissing", "FileRefused", "checked_file", "named_in_cell", "read_checked"]
