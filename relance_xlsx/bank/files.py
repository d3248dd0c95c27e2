"""A statement file the user named: a regular file of bounded size, decoded as its bank wrote it.

Issue 31 is writing one function for every user-named file in a low layer; until it lands,
the check lives here, in one small function.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import StatementError

# A year of a busy account in CSV is about 2 MB; CAMT is the most verbose, about 10 times that.
MAX_STATEMENT_MB = 50.0
_MB = 1024 * 1024


def checked_file(path: Path, max_mb: float = MAX_STATEMENT_MB) -> Path:
    """The path, once it is known to be a regular file of at most max_mb (no device, no
    folder, no pipe that would never end)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StatementError(f"Le relevé {path} est introuvable ; vérifiez le chemin.") from None
    except OSError as exc:
        raise StatementError(f"Le relevé {path} ne peut pas être lu ({exc.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise StatementError(
            f"{path} n'est pas un fichier ordinaire ; indiquez le relevé téléchargé de la "
            "banque (.csv, .ofx, .xml)."
        )
    if info.st_size > max_mb * _MB:
        raise StatementError(
            f"Le relevé {path.name} fait {info.st_size / _MB:.0f} Mo, plus que la limite de "
            f"{max_mb:.0f} Mo : téléchargez une période plus courte."
        )
    return path


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after the checks (read once: the size was bounded just before)."""
    data = checked_file(path).read_bytes()
    if len(data) > MAX_STATEMENT_MB * _MB:  # grown since it was checked
        raise StatementError(f"Le relevé {path.name} est trop gros.")
    return data


def decode(data: bytes) -> str:
    """Text as French banks write it: UTF-8 with or without BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; they are replaced, never fatal.
        return data.decode("cp1252", "replace")


__all__ = ["MAX_STATEMENT_MB", "checked_file", "decode", "read_bytes"]
