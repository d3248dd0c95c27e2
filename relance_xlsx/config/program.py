"""[pdf] soffice: the one program a relance.toml names, and so the one it could make run.

relance.toml is picked up beside the ledger, in a folder others may write into: a planted
relance.toml naming a planted script would have it run by every colleague who makes PDFs.
So the setting must name LibreOffice itself, by its full path, somewhere else than the
folder of that relance.toml and the ledger's, where LibreOffice is installed: one of its
installers' folders, the soffice on PATH, or the one this computer's user names in the
environment variable RELANCE_SOFFICE (which no file of a shared folder can set). A name and a
folder alone let a planted script in a sibling folder of the share run.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError

# The LibreOffice a person installed somewhere else than its installer's folders.
ENVIRONMENT = "RELANCE_SOFFICE"

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


def standard_places() -> list[Path]:
    """Where LibreOffice's installers put soffice, on Windows, macOS and Linux."""
    places = []
    for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "LOCALAPPDATA"):
        root = os.environ.get(variable)
        if root:
            sub = Path(root) / "Programs" if variable == "LOCALAPPDATA" else Path(root)
            places.append(sub / "LibreOffice" / "program" / "soffice.exe")
    places.append(Path("C:/Program Files/LibreOffice/program/soffice.exe"))
    app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
    places += [Path("/Applications") / app, Path.home() / "Applications" / app]
    places += sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    places.append(Path("/usr/lib/libreoffice/program/soffice"))
    return places


def on_path(*names: str) -> str | None:
    """The first of these programs on PATH, never in the current folder (Windows' own search
    looks there first: a soffice.bat dropped beside the ledger would run)."""
    here = Path.cwd().resolve()
    suffixes = [""]
    if os.name == "nt":
        suffixes += os.environ.get("PATHEXT", ".COM;.EXE;.BAT;.CMD").lower().split(";")
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not folder.strip() or folder.strip() == os.curdir:
            continue
        base = Path(folder)
        try:
            if base.resolve() == here:
                continue
        except OSError:
            continue
        for name in names:
            for suffix in suffixes:
                found = base / (name + suffix)
                if found.is_file() and os.access(found, os.X_OK):
                    return str(found)
    return None


def _installed(path: Path) -> bool:
    """Whether path is a LibreOffice this computer has installed (see the module's doc)."""
    known = [*standard_places(), on_path("soffice"), on_path("libreoffice"),
             os.environ.get(ENVIRONMENT, "").strip()]  # fmt: skip
    real = os.path.realpath(path)
    return any(k and os.path.realpath(Path(k).expanduser()) == real for k in known)


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
    if path.exists() and not _installed(path):
        return (
            "n'est pas un LibreOffice installé dans un dossier de ses installateurs ni sur le "
            f"PATH ; un LibreOffice installé ailleurs se donne dans la variable d'environnement "
            f"{ENVIRONMENT} de ce poste, qu'un fichier d'un dossier partagé ne peut pas changer"
        )
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


__all__ = ["ENVIRONMENT", "on_path", "soffice_setting", "standard_places"]
