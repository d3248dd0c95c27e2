"""Everything refused about a workbook before the reader library opens it.

python-calamine is fast and trusting: a shared-strings part announcing four billion strings,
a stray value at XFD1048576 or a part missing from the zip make it abort the process or raise
English errors. So before it sees the file: the zip's directory (entries, sizes, bombs), every
XML part's prolog (no DTD), the parts the workbook names (present, within bounds), and each
sheet's reach (sheetscan.py). Whole-file faults raise a WorkbookError naming the file and the
part; a sheet that cannot be read is set aside with its sentence, so that a workbook whose
invoice sheet is sound is still read (the caller decides).
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Protocol, cast

from ..errors import WorkbookError
from .inflate import PartLies
from .partchecks import (
    RESAVE,
    ahead_pieces,
    check_prolog,
    check_strings,
    check_styles,
    refuse,
)
from .safexml import ZipLimits, check_sizes, check_workbook_parts, grouped, parse_part
from .sharedchars import BadString, shared_forbidden
from .sheetscan import (
    SheetExtent,
    SheetRefused,
    SheetTooFar,
    column_letters,
    scan_sheet,
)
from .xlsxparts import NS_MAIN, NS_PKG_REL, NS_REL, resolve_target
from .xmlchars import Forbidden

MAX_ENTRIES = 50_000  # parts in one zip: a workbook of 1,000 sheets has a few thousand
TREE_PART_MB = 16  # parts parsed into a tree (types, relationships, workbook.xml)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_SHEET_KINDS = ("/worksheet", "/chartsheet", "/dialogsheet", "/xlMacrosheet")
_MB = 1024 * 1024


class WorkbookLimits(ZipLimits, Protocol):
    """ZipLimits plus the grid and the sheets a workbook may ask the reader for."""

    @property
    def max_cells(self) -> int: ...
    @property
    def max_sheets(self) -> int: ...


@dataclass(frozen=True)
class PackageScan:
    """The workbook's sheets (name -> part), those set aside with their sentence, and those
    whose reach the reader library must measure itself (odd XML); for each sheet read, its
    formula cells without a cached value by column letter."""

    sheets: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    unmeasured: tuple[str, ...] = ()
    formulas: dict[str, dict[str, int]] = field(default_factory=dict)
    # The characters XML forbids, by sheet: rows' problems, made valid by the write-back.
    forbidden: dict[str, tuple[Forbidden, ...]] = field(default_factory=dict)


def entry_count(path: Path) -> int:
    """How many entries the zip's end record announces, read before zipfile builds them all."""
    with path.open("rb") as fp:
        # The stdlib's own end-record reader (zip64 included), without the directory.
        end = getattr(zipfile, "_EndRecData")(fp)  # noqa: B009
    if not end:
        raise zipfile.BadZipFile
    return int(end[4])


def _located(names: dict[str, str], part: str) -> str | None:
    """The zip entry of a part name, matched without case as OPC names are."""
    return names.get(part.lower())


def _workbook_parts(path: Path, zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """(sheet name -> its part, kind -> part for the shared strings and the styles)."""
    names = {n.lower(): n for n in zf.namelist()}
    book = parse_part(zf.read("xl/workbook.xml"), "xl/workbook.xml", path.name)
    rels_name = _located(names, "xl/_rels/workbook.xml.rels")
    if rels_name is None:
        raise refuse(path, "xl/_rels/workbook.xml.rels", "est absente")
    rels = parse_part(zf.read(rels_name), rels_name, path.name)
    targets = {
        r.get("Id"): (r.get("Type", ""), resolve_target("xl/workbook.xml", r.get("Target", "")))
        for r in rels.iter(f"{{{NS_PKG_REL}}}Relationship")
        if r.get("TargetMode") != "External"
    }
    sheets: dict[str, str] = {}
    for node in book.iter(f"{{{NS_MAIN}}}sheet"):
        name = node.get("name", "")
        kind, target = targets.get(node.get(f"{{{NS_REL}}}id"), ("", ""))
        entry = _located(names, target) if target else None
        if entry is None:
            raise refuse(path, target or "xl/workbook.xml", f"de la feuille « {name} » est absente")
        if kind.endswith("/worksheet"):
            sheets[name] = entry
    others = {}
    for kind, target in targets.values():
        for wanted in ("/sharedStrings", "/styles"):
            if kind.endswith(wanted):
                entry = _located(names, target)
                if entry is None:
                    raise refuse(path, target, "que le classeur annonce est absente")
                others[wanted] = entry
    return sheets, others


TRIM = (
    "dans Excel, supprimez ce qui dépasse (Ctrl+Fin mène à la dernière cellule), enregistrez, "
    "puis relancez"
)


def _sheet_refusal(path: Path, sheet: str, part: str, reason: str, fix: str = TRIM) -> str:
    return f"{path.name} : la feuille « {sheet} » (partie {part}) {reason} ; {fix}."


def _too_big(extent: SheetExtent, limits: WorkbookLimits) -> str | None:
    """Why the grid the reader would build is too big, or None."""
    limit = f"plus que la limite de {grouped(limits.max_cells)} ([limits] max_cells)"
    if extent.cells > limits.max_cells:
        return f"contient {grouped(extent.cells)} cellules remplies, {limit}"
    if extent.area > limits.max_cells:
        last = f"{column_letters(extent.columns)}{extent.rows}"
        return (
            f"a des valeurs jusqu'à la cellule {last} : il faudrait lire "
            f"{grouped(extent.area)} cellules, {limit}"
        )
    return None


def _scan_sheets(
    path: Path,
    zf: zipfile.ZipFile,
    sheets: dict[str, str],
    limits: WorkbookLimits,
    strings: dict[int, BadString],
) -> PackageScan:
    refused: dict[str, str] = {}
    unmeasured: list[str] = []
    formulas: dict[str, dict[str, int]] = {}
    forbidden: dict[str, tuple[Forbidden, ...]] = {}
    total = 0  # the cells of every grid the reader would build, summed over the sheets
    for sheet, part in sheets.items():
        info = zf.getinfo(part)
        try:
            extent = scan_sheet(functools.partial(ahead_pieces, path, info), limits.max_cells)
        except (SheetRefused, PartLies) as exc:
            fix = TRIM if isinstance(exc, SheetTooFar) else getattr(exc, "fix", "") or RESAVE
            refused[sheet] = _sheet_refusal(path, sheet, part, str(exc), fix)
            continue
        formulas[sheet] = extent.formulas
        shown = (
            shared_forbidden(functools.partial(ahead_pieces, path, info), strings)
            if strings
            else ()
        )
        if extent.forbidden or shown:
            forbidden[sheet] = (*extent.forbidden, *shown)
        reason = _too_big(extent, limits)
        if reason:
            refused[sheet] = _sheet_refusal(path, sheet, part, reason)
            continue
        total += max(extent.cells, extent.area)
        if total > limits.max_cells:
            raise WorkbookError(
                f"{path.name} : ses feuilles demanderaient ensemble de lire plus de "
                f"{grouped(limits.max_cells)} cellules ([limits] max_cells) ; dans le tableur, "
                "supprimez les feuilles inutiles ou ce qui dépasse (Ctrl+Fin), enregistrez, "
                "puis relancez."
            )
        if not extent.measured:
            unmeasured.append(sheet)
    return PackageScan(dict(sheets), refused, tuple(unmeasured), formulas, forbidden)


def _check_entries(path: Path, zf: zipfile.ZipFile, limits: ZipLimits, fix: str = "") -> None:
    """Sizes from the directory, names, and every XML part's prolog (any Office package)."""
    infos = zf.infolist()
    check_sizes(path, infos, limits)
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if name.lower() in seen:  # part names ignore case (OPC): the readers disagree on which
            raise refuse(path, name, "y figure deux fois (fichier endommagé ou piégé)", fix)
        seen.add(name.lower())
        if name.startswith("/") or "\\" in name or ".." in name.split("/") or "\0" in name:
            raise refuse(path, repr(name)[1:-1], "a un nom qu'aucun programme Office n'écrit", fix)
        if name.lower().endswith(_XML_SUFFIXES):
            tree = name.endswith(".rels") or name in ("[Content_Types].xml", "xl/workbook.xml")
            if tree and info.file_size > TREE_PART_MB * _MB:
                raise refuse(path, name, f"dépasse {TREE_PART_MB} Mo (fichier piégé ?)", fix)
            check_prolog(path, info, fix)


def check_archive(
    path: Path, limits: ZipLimits, what: str = "le fichier", program: str = "Word"
) -> None:
    """An Office package other than the workbook (a Word template): its zip, its parts'
    names and sizes, no DTD; a WorkbookError naming the part otherwise."""
    fix = f"ouvrez-le dans {program} et enregistrez-le à nouveau"
    try:
        if entry_count(path) > MAX_ENTRIES:
            raise refuse(path, "(répertoire)", "annonce trop de parties (archive piégée ?)", fix)
        with zipfile.ZipFile(path) as zf:
            _check_entries(path, zf, limits, fix)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise WorkbookError(
            f"{path.name} n'est pas {what} lisible : son archive zip est endommagée (fichier "
            "tronqué ou incomplet ?)."
        ) from exc


def _check_whole(path: Path, zf: zipfile.ZipFile, limits: WorkbookLimits) -> PackageScan:
    _check_entries(path, zf, limits)
    check_workbook_parts(path, zf)
    if "xl/workbook.xml" not in zf.namelist():
        return PackageScan()  # not an .xlsx package: the reader says what it is
    sheets, others = _workbook_parts(path, zf)
    if len(sheets) > limits.max_sheets:
        raise WorkbookError(
            f"{path.name} a {grouped(len(sheets))} feuilles, plus que la limite de "
            f"{grouped(limits.max_sheets)} ([limits] max_sheets dans relance.toml)."
        )
    strings: dict[int, BadString] = {}
    if "/sharedStrings" in others:
        strings = check_strings(path, zf.getinfo(others["/sharedStrings"]), limits.max_cells)
    if "/styles" in others:
        check_styles(path, zf.getinfo(others["/styles"]))
    return _scan_sheets(path, zf, sheets, limits, strings)


def check_package(path: Path, limits: WorkbookLimits) -> PackageScan:
    """Everything that can be refused before the reader library opens the file.

    Each file version is checked once per process (a run reads the workbook more than once)."""
    stat = path.stat()
    if not S_ISREG(stat.st_mode):  # a pipe blocks the reader, a device never ends
        raise WorkbookError(
            f"{path.name} est refusé : ce n'est pas un fichier ordinaire (tube, périphérique "
            "ou lien vers l'un d'eux ?) ; indiquez un classeur .xlsx enregistré sur le disque."
        )
    return _checked(str(path), stat.st_size, stat.st_mtime_ns, cast(Hashable, limits))


@functools.lru_cache(maxsize=8)
def _checked(name: str, size: int, mtime_ns: int, frozen: Hashable) -> PackageScan:
    limits = cast(WorkbookLimits, frozen)  # the settings' frozen Limits
    path = Path(name)
    try:
        if entry_count(path) > MAX_ENTRIES:
            raise WorkbookError(
                f"{path.name} est refusé : son archive annonce plus de {grouped(MAX_ENTRIES)} "
                "parties, ce qu'aucun classeur normal ne fait (archive piégée ?)."
            )
        with zipfile.ZipFile(path) as zf:
            return _check_whole(path, zf, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise WorkbookError(
            f"{path.name} n'est pas un classeur lisible : son archive zip est endommagée "
            "(fichier tronqué ou incomplet ?) ; ouvrez-le dans Excel et enregistrez-le au "
            "format .xlsx."
        ) from exc


__all__ = [
    "MAX_ENTRIES",
    "PackageScan",
    "WorkbookLimits",
    "check_archive",
    "check_package",
    "entry_count",
]
