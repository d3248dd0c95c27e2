"""[pdf] soffice: the one program a relance.toml names, and so the one it could make run.

relance.toml is picked up beside the ledger, in a folder others may write into: a planted
relance.toml naming a planted script would have it run by every colleague who makes PDFs.
So the setting must name LibreOffice itself, by its full path, somewhere else than the
folder of that relance.toml and the ledger's.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError

# LibreOffice's program, as its installers name it (Windows names in any case).
PROGRAM_NAMES = frozenset({"soffice", "libreoffice"})
WINDOWS_NAMES = frozenset({"soffice.exe", "soffice.com"})
FIX = (
    "donnez le chemin complet du programme soffice de LibreOffice (par exemple "
    "C:/Program Files/LibreOffice/program/soffice.exe ou /usr/bin/soffice), ou retirez ce "
    "réglage : relance-xlsx cherche LibreOffice lui-même"
)


def _inside(path: Path, folder: Path) -> bool:
    """Whether path lies in folder or below it, as written or with links resolved."""
    # os.path.abspath is lexical: the path as written, links not followed
    folders = (Path(os.path.realpath(folder)), Path(os.path.abspath(folder)))  # noqa: PTH100
    paths = (Path(os.path.realpath(path)), Path(os.path.abspath(path)))  # noqa: PTH100
    return any(p.is_relative_to(f) for p in paths for f in folders)


def _problem(value: str, config_path: Path | None, ledger: Path | None) -> str | None:
    if value.startswith(("\\\\", "//")):
        return "désigne un programme sur un autre ordinateur du réseau"
    path = Path(value).expanduser()
    if not path.is_absolute():
        return "n'est pas un chemin complet"
    if path.name not in PROGRAM_NAMES and path.name.lower() not in WINDOWS_NAMES:
        return (
            "ne désigne pas le programme de LibreOffice (son nom est soffice, soffice.exe, "
            "soffice.com ou libreoffice)"
        )
    if config_path is not None and _inside(path, config_path.parent):
        return f"est dans le dossier de {config_path.name}, où un tiers pourrait le déposer"
    if ledger is not None and _inside(path, ledger.parent):
        return "est dans le dossier du classeur, où un tiers pourrait le déposer"
    if path.exists() and not path.is_file():
        return "n'est pas un fichier"
    return None


def soffice_setting(value: str, config_path: Path | None, ledger: Path | None = None) -> str:
    """The program [pdf] soffice names ("" when unset); ConfigError when it is not
    LibreOffice's soffice by its full path, or lies in the folder of relance.toml or of the
    ledger. A path that does not exist is left to the PDF step to say."""
    if not value:
        return ""
    problem = _problem(value, config_path, ledger)
    if problem:
        where = f" dans {config_path}" if config_path is not None else ""
        raise ConfigError(f"Réglage [pdf] soffice refusé{where} : « {value} » {problem} ; {FIX}.")
    return str(Path(value).expanduser())


__all__ = ["soffice_setting"]
