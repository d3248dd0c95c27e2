"""Where a run writes: no symbolic link (or Windows junction) on the way from the ledger's
folder down to a file written.

The ledger's folder is often shared (a network drive, a synced folder): anyone who can
write there can plant `relances/2026-11-22` as a link to another folder, and the letters,
rapport.xlsx or the backups would be written through it, over that folder's files. So every
part of an output path below the ledger's folder is looked at without following links, and
a link is refused by name before anything is written. The ledger's folder itself may be
reached through a link: it is the user's own choice (they named the ledger).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import WorkbookError
from .anchored import anchor_output, release_output
from .dayfolder import claim_day_folder

# Windows reparse tags of a junction (mount point) and of a symbolic link; other reparse
# points (OneDrive's files on demand) are ordinary files and folders for the office.
_LINK_TAGS = (0xA0000003, 0xA000000C)


def is_link(path: Path) -> bool:
    """Whether path itself (not followed) is a symbolic link or a Windows junction."""
    try:
        info = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    if stat.S_ISLNK(info.st_mode):
        return True
    return getattr(info, "st_reparse_tag", 0) in _LINK_TAGS


def _link_error(path: Path, what: str, fix: str) -> WorkbookError:
    try:
        target = f" (vers {path.readlink()})"
    except (OSError, ValueError):
        target = ""
    return WorkbookError(
        f"{what} {path} est un lien symbolique{target} : relance-xlsx n'écrit jamais au "
        f"travers d'un lien, qui pourrait mener hors du dossier du classeur ; {fix}."
    )


def refuse_link(path: Path, what: str, fix: str) -> None:
    """WorkbookError if path itself is a link: what names it (« Le dossier »), fix says how."""
    if is_link(path):
        raise _link_error(path, what, fix)


def refuse_links_below(base: Path, target: Path, fix: str) -> None:
    """No part of target below base is a link (nor target itself); target outside base:
    only target itself is looked at (the user named it)."""
    base = Path(os.path.realpath(base))
    target = Path(os.path.abspath(target))  # noqa: PTH100 (lexical: links not followed)
    try:
        parts = target.relative_to(base).parts
    except ValueError:
        refuse_link(target, "Le dossier de sortie", fix)
        return
    current = base
    for part in parts:
        current = current / part
        refuse_link(current, "Le dossier", fix)
        if not current.exists():
            return  # what is below will be made by the run, as real folders


def refuse_links_inside(folder: Path, fix: str) -> None:
    """No file or folder inside folder is a link: writing at its name would write through."""
    if not folder.is_dir() or is_link(folder):
        return
    for where, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(where, name)
            if is_link(path):
                raise WorkbookError(
                    f"Le dossier de sortie {folder} contient un lien symbolique ({path}) que "
                    f"relance-xlsx refuse d'écrire au travers ; {fix}."
                )


OUT_FIX = "supprimez ce lien, ou choisissez un autre dossier de sortie (--out)"


def refuse_linked_output(ledger: Path, out: Path) -> None:
    """The output folder of a run on ledger: no link from the ledger's folder down to it,
    and none inside it."""
    refuse_links_below(Path(os.path.realpath(ledger)).parent, out, OUT_FIX)
    if os.path.lexists(out) and not out.is_dir():
        raise WorkbookError(
            f"Le dossier de sortie {out} existe, mais ce n'est pas un dossier (un fichier ?) : "
            "choisissez un autre dossier de sortie (--out), ou déplacez ce fichier."
        )
    refuse_links_inside(out, OUT_FIX)


@contextlib.contextmanager
def output_held(ledger: Path, out: Path) -> Iterator[None]:
    """refuse_linked_output(ledger, out), then the folder held open while the run writes,
    and let go when it ends, however it ends."""
    refuse_linked_output(ledger, out)
    anchor_output(out)  # held open: a folder swapped for a link later is not written through
    try:
        yield
    finally:
        release_output(out)
        claim_day_folder(ledger, out)  # relances/<date> is this workbook's from now on


__all__ = [
    "OUT_FIX",
    "is_link",
    "output_held",
    "refuse_link",
    "refuse_linked_output",
    "refuse_links_below",
    "refuse_links_inside",
]
