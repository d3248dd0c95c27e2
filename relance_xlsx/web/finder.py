"""The workbooks the person may mean: the .xlsx and .xlsm files of their Documents, Desktop
and Downloads (their French names too, and OneDrive's), found by a bounded scan that skips
hidden folders; and opening a folder in the system's file manager."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

WORKBOOKS = (".xlsx", ".xlsm")
FOLDER_NAMES = ("Documents", "Desktop", "Bureau", "Downloads", "Téléchargements")
MAX_DEPTH = 3  # Documents/Compta/2026/Factures.xlsx
MAX_FOLDERS = 400
MAX_FILES = 40
MAX_SECONDS = 1.5


@dataclass(frozen=True)
class Found:
    """A workbook found: its path, the folder it was found under, when it last changed."""

    path: Path
    where: str
    modified: float


def user_folders(home: Path | None = None) -> list[Path]:
    """Documents, Desktop and Downloads of this user, in English and French, and OneDrive's."""
    home = home or Path.home()
    bases = [home]
    onedrive = os.environ.get("ONEDRIVE")
    if onedrive:
        bases.append(Path(onedrive))
    seen: list[Path] = []
    for base in bases:
        for name in FOLDER_NAMES:
            folder = base / name
            with contextlib.suppress(OSError):
                real = folder.resolve()
                if folder.is_dir() and real not in seen:
                    seen.append(real)
    return seen


def find_workbooks(folders: list[Path], now: float | None = None) -> list[Found]:
    """The workbooks under these folders, most recently changed first: at most MAX_FILES,
    looking into at most MAX_FOLDERS folders MAX_DEPTH deep for MAX_SECONDS, never into a
    hidden one (.git, AppData, ~$ lock files, the tool's own backups)."""
    start = now if now is not None else time.monotonic()
    found: list[Found] = []
    visited = 0
    for root in folders:
        queue = [(root, 0)]
        while queue and visited < MAX_FOLDERS and time.monotonic() - start < MAX_SECONDS:
            folder, depth = queue.pop(0)
            visited += 1
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if _hidden(entry):
                    continue
                with contextlib.suppress(OSError):
                    if entry.is_dir(follow_symlinks=False) and depth < MAX_DEPTH:
                        queue.append((Path(entry.path), depth + 1))
                    elif entry.is_file() and entry.name.lower().endswith(WORKBOOKS):
                        found.append(Found(Path(entry.path), root.name, entry.stat().st_mtime))
    found.sort(key=lambda f: -f.modified)
    return found[:MAX_FILES]


def _hidden(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    if name.startswith((".", "~$", "$")) or name in ("AppData", "node_modules", "relances"):
        return True
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            return bool(entry.stat().st_file_attributes & 0x2)  # type: ignore[attr-defined]
    return False


def reveal(folder: Path) -> str | None:
    """Show a folder in Explorer, the Finder or the desktop's file manager; None when it
    opened, else why not (French), so that the page says where the folder is instead."""
    if not folder.is_dir():
        return f"le dossier {folder} n'existe plus"
    try:
        if sys.platform == "win32":
            os.startfile(folder)  # type: ignore[attr-defined]
            return None
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(opener) is None:
            return "ce poste n'a pas de gestionnaire de fichiers que la page sache ouvrir"
        child = subprocess.Popen(
            [opener, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        with contextlib.suppress(subprocess.TimeoutExpired):
            # xdg-open returns at once when it hands the folder over; an error code says not.
            if child.wait(timeout=3) != 0:
                return "le gestionnaire de fichiers n'a pas pu l'ouvrir"
        return None
    except OSError as exc:
        return f"le système a refusé de l'ouvrir ({exc.strerror or exc})"


__all__ = ["FOLDER_NAMES", "Found", "find_workbooks", "reveal", "user_folders"]
