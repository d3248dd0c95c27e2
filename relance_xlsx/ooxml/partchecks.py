"""The checks of one part of a package, read as the reader library will read it: its
prolog (no DTD), the shared strings (no more announced than held), the styles (no more than
Excel allows); and the one way faults of a part become the whole file's refusal."""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import WorkbookError
from .inflate import PartLies, ahead, inflated
from .safexml import grouped
from .sharedchars import BadString, StringsScan
from .sheetscan import ROOT, SheetRefused, check_markup, whole_tags

STYLES_MB = 64
_MB = 1024 * 1024
MAX_STYLES = 200_000  # Excel allows 64,000 cell formats (and as many cell styles)
RESAVE = "ouvrez-le dans Excel et enregistrez-le à nouveau"
_STRINGS_HEAD = re.compile(rb'uniqueCount="0*(\d{1,20})"')


def refuse(path: Path, part: str, reason: str, fix: str = "") -> WorkbookError:
    fix = fix or RESAVE
    return WorkbookError(f"{path.name} est refusé : sa partie {part} {reason} ; {fix}.")


def pieces(path: Path, info: zipfile.ZipInfo, piece: int = 1 << 22) -> Iterator[bytes]:
    with path.open("rb") as fp:
        yield from inflated(fp, info, piece)


def ahead_pieces(path: Path, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A big part's pieces, inflated by a thread while the previous one is searched."""
    if info.file_size < 1 << 23:
        return pieces(path, info)
    return ahead(pieces(path, info))


@contextlib.contextmanager
def part_faults(path: Path, info: zipfile.ZipInfo, fix: str = "") -> Iterator[None]:
    """A fault found while reading this part, said as the whole file's refusal."""
    try:
        yield
    except (PartLies, SheetRefused) as exc:
        raise refuse(path, info.filename, str(exc), getattr(exc, "fix", "") or fix) from exc


def check_prolog(path: Path, info: zipfile.ZipInfo, fix: str = "") -> None:
    """The part's prolog, up to its root element, declares no DTD and no entity."""
    with part_faults(path, info, fix):
        for chunk in whole_tags(pieces(path, info, 1 << 16)):
            root = ROOT.search(chunk)
            check_markup(chunk[: root.start()] if root else chunk)
            if root:
                return


def check_strings(path: Path, info: zipfile.ZipInfo, max_cells: int) -> dict[int, BadString]:
    """The shared strings announce no more than they hold (the reader reserves that much);
    those holding a character XML forbids, by index (sharedchars.py)."""
    announced, held, first = 0, 0, True
    scan = StringsScan()
    with part_faults(path, info):
        for chunk in whole_tags(pieces(path, info)):
            check_markup(chunk, controls=False)
            scan.add(chunk)
            if first:
                found = _STRINGS_HEAD.search(chunk, 0, 4096)
                announced, first = (int(found.group(1)) if found else 0), False
            held += chunk.count(b"</si>") + chunk.count(b"<si/>") + chunk.count(b":si>")
    if held > max_cells:
        raise refuse(
            path, info.filename, f"contient {grouped(held)} textes, plus que la limite de "
            f"{grouped(max_cells)} ([limits] max_cells dans relance.toml)",
        )  # fmt: skip
    if announced > 2 * held + 1000:
        raise refuse(
            path, info.filename, f"annonce {grouped(announced)} textes et n'en contient que "
            f"{grouped(held)} (fichier endommagé ou piégé)",
        )  # fmt: skip
    return scan.bad


def check_styles(path: Path, info: zipfile.ZipInfo) -> None:
    if info.file_size > STYLES_MB * _MB:
        raise refuse(path, info.filename, f"dépasse {STYLES_MB} Mo, ce qu'aucun tableur n'écrit")
    styles = 0
    with part_faults(path, info):
        for chunk in whole_tags(pieces(path, info)):
            check_markup(chunk)
            styles += sum(
                chunk.count(tag) for tag in (b"<xf ", b"<xf>", b"<xf/>", b":xf ", b":xf/")
            )
    if styles > MAX_STYLES:
        raise refuse(
            path, info.filename, f"déclare {grouped(styles)} styles de cellule, quand Excel "
            "en permet 64 000", "dans Excel, supprimez les styles inutilisés puis enregistrez",
        )  # fmt: skip


__all__ = [
    "MAX_STYLES",
    "RESAVE",
    "STYLES_MB",
    "ahead_pieces",
    "check_prolog",
    "check_strings",
    "check_styles",
    "part_faults",
    "pieces",
    "refuse",
]
