"""A shortcut on the desktop that opens the page, onto which a workbook can be dropped."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def launcher() -> str:
    """The relance-ui program installed beside this Python (no console window on Windows)."""
    found = shutil.which("relance-ui")
    if found:
        return found
    scripts = Path(sys.executable).parent
    name = "relance-ui.exe" if sys.platform == "win32" else "relance-ui"
    for folder in (scripts, scripts / "Scripts"):
        if (folder / name).is_file():
            return str(folder / name)
    return f'"{sys.executable}" -m relance_xlsx.web'


def desktop() -> Path:
    """The desktop folder (OneDrive's when Windows keeps it there)."""
    home = Path.home()
    for candidate in (
        Path(os.environ.get("ONEDRIVE", "") or home) / "Desktop",
        home / "Desktop",
        home / "Bureau",
    ):
        if candidate.is_dir():
            return candidate
    return home


def make_shortcut(folder: Path | None = None) -> Path:
    """Write the shortcut for this system in folder (the desktop by default); its path."""
    folder = folder or desktop()
    program = launcher()
    quoted = program if program.startswith('"') else f'"{program}"'
    if sys.platform == "win32":
        # A workbook dropped on a .cmd file is its first argument, %1.
        path = folder / "Relances.cmd"
        path.write_text(f'@echo off\r\nstart "" {quoted} %1\r\n', encoding="utf-8")
        return path
    if sys.platform == "darwin":
        path = folder / "Relances.command"
        path.write_text(f'#!/bin/sh\nexec {quoted} "$@"\n', encoding="utf-8")
    else:
        path = folder / "relances.desktop"
        path.write_text(
            "[Desktop Entry]\nType=Application\nName=Relances\n"
            "Comment=Relances de factures impayées\n"
            f"Exec={quoted} %f\nTerminal=false\nMimeType=application/vnd.openxmlformats-"
            "officedocument.spreadsheetml.sheet;\n",
            encoding="utf-8",
        )
    path.chmod(0o755)
    return path


__all__ = ["desktop", "launcher", "make_shortcut"]
