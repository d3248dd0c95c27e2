"""The certificate RELANCE_SMTP_CA_FILE names: the one the sending trusts besides the system's.

Whoever can replace that file can vouch for an impostor of the mail server, which then gets
the password and every message (attack review 4 #1, 5 #9). So it must be named by a full
path (a relative one is looked for in the current folder, often the shared one), be a
regular file, and, where the system says so, belong to this user (or the administrator)
with no one else allowed to write it or to replace it in its folder; a network path is
refused on Windows (a share).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PureWindowsPath

from ..errors import EmailError
from ..userfiles import FileRefused, checked_file
from .hints import CA_ENV


def _refused(why: str) -> EmailError:
    return EmailError(
        f"{CA_ENV} refusé : {why} ; donnez le chemin complet d'un certificat placé dans "
        "un dossier à vous, que vous seul (ou l'administrateur) pouvez modifier."
    )


def _writable_by_others(info: os.stat_result, folder: bool) -> bool:
    """Group or others may write it (a folder with the sticky bit keeps others' files)."""
    if folder and info.st_mode & stat.S_ISVTX:
        return False
    return bool(info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def checked_ca_file(value: str) -> Path:
    """The certificate file's real path once it is safe to trust; EmailError saying why not."""
    if os.name == "nt" and PureWindowsPath(value).drive.startswith("\\\\"):
        raise _refused(f"« {value} » est sur le réseau (un partage)")
    if not Path(value).is_absolute():
        raise _refused(f"« {value} » n'est pas un chemin complet (il serait cherché dans le "
                       "dossier courant, souvent le dossier partagé)")  # fmt: skip
    try:
        real = checked_file(Path(value), max_mb=1)
    except FileRefused as exc:
        raise EmailError(f"{CA_ENV} : {exc}") from exc
    if os.name != "posix":
        return real
    mine = {0, os.geteuid()}
    for path, folder in ((real, False), (real.parent, True)):
        info = path.stat()
        if info.st_uid not in mine:
            raise _refused(f"{path} appartient à un autre utilisateur")
        if _writable_by_others(info, folder):
            raise _refused(f"{path} peut être modifié par d'autres utilisateurs")
    return real


__all__ = ["checked_ca_file"]
