"""Opening a workbook with the reader library, only once it is known it can be read.

Every read of a workbook goes through here: the invoice table, the journal, the history.
The package is checked first (ooxml.check_package: zip, parts, DTDs, each sheet's reach);
sheets that the XML scan cannot measure, and every sheet of an .ods, .xlsb or .xls, are
measured by the reader itself in a child process (probe.py). A sheet that cannot be read is
set aside with its French sentence; the reader library's own errors become French too.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine

from ..config import Limits
from ..errors import LedgerError
from ..ooxml import Forbidden, check_package
from ..userfiles import FileRefused, checked_file
from ..wording import describe_reader_error
from .probe import measure

READABLE_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
MAX_WORKBOOK_MB = 4096  # the file itself: its parts are bounded by [limits] once open
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: .xls, or an encrypted .xlsx


@dataclass(frozen=True)
class Readable:
    """The sheets of a workbook that must not be read, each with its sentence; and each
    sheet's formula cells without a cached value, by column letter (read as empty)."""

    refused: dict[str, str] = field(default_factory=dict)
    formulas: dict[str, dict[str, int]] = field(default_factory=dict)
    forbidden: dict[str, tuple[Forbidden, ...]] = field(default_factory=dict)


# The last verdict on each file version, whatever the limits it was reached with: the
# journal's readers, which have no settings, reuse the run's own.
_VERDICTS: dict[tuple[str, int, int], tuple[Limits, Readable]] = {}


def _key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


def readable(path: Path, limits: Limits | None = None) -> Readable:
    """What of this workbook may be read; LedgerError or WorkbookError if nothing may."""
    key = _key(path)
    known = _VERDICTS.get(key)
    if known is not None and (limits is None or known[0] == limits):
        return known[1]
    limits = limits or Limits()
    refused: dict[str, str] = {}
    formulas: dict[str, dict[str, int]] = {}
    forbidden: dict[str, tuple[Forbidden, ...]] = {}
    to_measure: list[str] | None = []  # None: no package scan, measure every sheet
    if zipfile.is_zipfile(path):
        scan = check_package(path, limits)  # whole-file faults: a WorkbookError
        refused.update(scan.refused)
        formulas, forbidden = scan.formulas, scan.forbidden
        to_measure = list(scan.unmeasured) if scan.sheets else None
    else:
        to_measure = None
    if to_measure is None or to_measure:
        more, opens = measure(path, to_measure or [], limits.max_cells)
        if not opens:
            raise LedgerError(
                f"{path.name} ne peut pas être lu : le lecteur de classeurs s'arrête en "
                "l'ouvrant (fichier endommagé, ou construit pour épuiser la mémoire) ; "
                "ouvrez-le dans votre tableur et enregistrez-le au format .xlsx."
            )
        refused.update(more)
    verdict = Readable(refused, formulas, forbidden)
    _VERDICTS[key] = (limits, verdict)
    return verdict


def known(path: Path, limits: Limits) -> bool:
    """Whether this file version's verdict is already reached, with these limits."""
    try:
        found = _VERDICTS.get(_key(path))
    except OSError:
        return False
    return found is not None and found[0] == limits


def open_workbook(path: Path) -> calamine.CalamineWorkbook:
    """Open a workbook for reading, or explain in one sentence why it cannot be."""
    if not path.exists():
        raise LedgerError(f"Le fichier {path} est introuvable ; vérifiez le chemin.")
    if path.is_dir():
        raise LedgerError(f"{path} est un dossier ; indiquez le fichier Excel du grand livre.")
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise LedgerError(
            f"{path.name} n'est pas un classeur Excel ; indiquez un fichier .xlsx ou .xlsm (un "
            ".xls, .xlsb ou .ods est lu, mais seuls les .xlsx et .xlsm sont mis à jour ; un "
            ".csv s'ouvre dans Excel et s'enregistre au format .xlsx)."
        )
    try:  # a FIFO or a device named .xlsx would never end reading
        checked_file(path, max_mb=MAX_WORKBOOK_MB)
    except FileRefused as exc:
        raise LedgerError(f"Classeur refusé : {exc}") from exc
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several unrelated types for a bad file
        if path.suffix.lower() != ".xls" and _starts_with(path, _CFB):
            raise LedgerError(
                f"{path.name} est protégé par un mot de passe (ou n'est pas un classeur "
                f"{path.suffix.lower()}) ; dans Excel, enregistrez-en une copie sans mot de "
                "passe, au format .xlsx, puis relancez."
            ) from exc
        other = _other_kind(path)
        if other:
            raise LedgerError(
                f"{path.name} n'est pas un classeur Excel : {other} ; ouvrez-le dans votre "
                "tableur et enregistrez-le au format .xlsx, ou indiquez le bon fichier."
            ) from exc
        raise LedgerError(describe_reader_error(exc, path.name)) from exc


def _other_kind(path: Path) -> str:
    """What a file that is no zip and no OLE file is (text, a web page, empty); "" else."""
    with path.open("rb") as fh:
        head = fh.read(512)
    if not head:
        return "le fichier est vide (0 octet)"
    if head.startswith((b"PK", _CFB)):
        return ""  # a damaged workbook: the reader's own error says so
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<table" in text:
        return "c'est une page web (HTML) qui porte le nom d'un classeur"
    if text.startswith(b"<"):
        return "c'est un fichier XML, pas un classeur .xlsx"
    if b"\x00" not in head:
        return "c'est un fichier texte (un export CSV ?) qui porte le nom d'un classeur"
    return "son contenu n'est pas celui d'un classeur"


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


@contextlib.contextmanager
def _reader_errors(path: Path, sheet: str) -> Iterator[None]:
    """The reader library's errors, and its panics, said in French.

    A panic in python-calamine (a date-styled cell of 1e308 overflows its date arithmetic)
    becomes a Python exception, but Rust's panic hook first writes its English message and
    backtrace on the process's stderr: that stream is set aside while the library works."""
    sys.stderr.flush()
    saved = os.dup(2)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    try:
        yield
    except (SystemExit, KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as exc:  # pyo3's PanicException is a BaseException
        raise LedgerError(describe_reader_error(exc, f"{path.name} (feuille « {sheet} »)")) from exc
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(quiet)


def sheet_grid(book: calamine.CalamineWorkbook, path: Path, sheet: str) -> Any:
    """A sheet parsed by the reader, its errors said in French."""
    with _reader_errors(path, sheet):
        return book.get_sheet_by_name(sheet)


def grid_rows(grid: Any, path: Path, sheet: str, nrows: int | None = None) -> list[list[Any]]:
    """The rows of a parsed sheet (its first nrows), its errors said in French."""
    with _reader_errors(path, sheet):
        if nrows:
            return grid.to_python(skip_empty_area=False, nrows=nrows)
        return grid.to_python(skip_empty_area=False)


def sheet_rows(path: Path, sheet: str) -> list[list[Any]] | None:
    """A whole sheet's rows (the journal, read on its own), None when the workbook has no
    such sheet; checked like every read, its errors said in French."""
    refusal = readable(path).refused.get(sheet)
    if refusal:
        raise LedgerError(refusal)
    book = open_workbook(path)
    try:
        if sheet not in book.sheet_names:
            return None
        return grid_rows(sheet_grid(book, path, sheet), path, sheet)
    finally:
        book.close()


__all__ = [
    "READABLE_SUFFIXES",
    "Readable",
    "grid_rows",
    "known",
    "open_workbook",
    "readable",
    "sheet_grid",
    "sheet_rows",
]
