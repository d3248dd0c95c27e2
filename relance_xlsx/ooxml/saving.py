"""Saving a workbook: a backup first, then a checked temporary file swapped in atomically."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.parsers import expat

from ..errors import WorkbookError
from .docxzip import WORKBOOK_LEVEL, RawEntry, deflated, read_raw, write_zip
from .xlsxparts import DoneTail, Package, check_well_formed

BACKUP_FOLDER = ".relance-sauvegardes"


def save_atomically(package: Package, path: Path, keep: int, now: dt.datetime) -> Path:
    """Backup, write a temporary file beside the original, check it, then replace atomically."""
    backup = make_backup(path, keep, now)
    tmp = path.with_name(f".{path.stem}.relance-tmp{path.suffix}")
    try:
        changed = _checked_and_deflated(package.changed, package.tails)
        entries = []
        for entry in read_raw(path):  # unchanged parts: the original compressed bytes
            entries.append(changed.get(entry.name, entry))
        known = {e.name for e in entries}
        entries += [changed[n] for n in package.names if n not in known]
        write_zip(tmp, entries)
        _verify(tmp, package.changed)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return backup


def _checked_and_deflated(
    parts: dict[str, bytes], tails: dict[str, DoneTail]
) -> dict[str, RawEntry]:
    """Each changed part checked to be well-formed XML, and compressed, both at once.

    zlib lets go of the GIL while it compresses, so a thread deflates the parts while this
    one parses them (1.4 s and 0.8 s at 100,000 rows, overlapped). The end of a big sheet
    comes compressed already, from the process that edited it.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The biggest part first: the small ones would each wait for the GIL before it.
        by_size = sorted(parts.items(), key=lambda item: -len(item[1]))
        jobs = {}
        for name, data in by_size:
            tail = tails.get(name)
            packed = tail.packed if tail else None
            jobs[name] = pool.submit(deflated, name, data, WORKBOOK_LEVEL, packed)
        try:
            for name, data in parts.items():
                # A span another process checked is left out: what is around it must still
                # make a whole document, and the span is a balanced run of elements.
                tail = tails.get(name)
                start, end = tail.checked_span(len(data)) if tail else (0, 0)
                view = memoryview(data)
                check_well_formed(view[:start], view[end:])
        except expat.ExpatError as exc:
            raise WorkbookError(
                f"La partie {name} du classeur à écrire est invalide ({exc}) ; "
                "l'original est intact."
            ) from exc
        return {name: job.result() for name, job in jobs.items()}


def _verify(tmp: Path, changed: dict[str, bytes]) -> None:
    """Re-open the written file: every part reads back whole (its CRC matches), and each
    changed part is exactly the bytes that were checked to be well-formed."""
    try:
        with zipfile.ZipFile(tmp) as zf:
            for info in zf.infolist():  # reading a member to its end checks its CRC
                with zf.open(info) as fh:
                    while fh.read(1 << 22):
                        pass
                data = changed.get(info.filename)
                if data is not None and zlib.crc32(data) != info.CRC:
                    raise zipfile.BadZipFile(f"{info.filename} ne correspond pas")
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise WorkbookError(
            f"Le classeur écrit est invalide ({exc}) ; l'original est intact."
        ) from exc


def make_backup(path: Path, keep: int, now: dt.datetime) -> Path:
    """Copy the ledger into .relance-sauvegardes/ beside it; keep the last `keep` copies."""
    folder = path.parent / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}{path.suffix}"
    shutil.copy2(path, target)
    copies = sorted(folder.glob(f"{path.stem}-*{path.suffix}"))
    for old in copies[: max(0, len(copies) - keep)]:
        old.unlink(missing_ok=True)
    return target


__all__ = ["BACKUP_FOLDER", "make_backup", "save_atomically"]
