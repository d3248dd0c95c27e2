"""Saving a workbook: a backup first, then a checked temporary file swapped in atomically."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.parsers import expat

from ..errors import WorkbookError
from ..userfiles import refuse_link, write_atomically
from .docxzip import WORKBOOK_LEVEL, RawEntry, deflated, deflated_before, read_raw, write_zip
from .hidden import mark_hidden
from .pieces import Part, views
from .safexml import xml_fault
from .xlsxparts import DoneTail, Package, check_well_formed

BACKUP_FOLDER = ".relance-sauvegardes"


def save_atomically(
    package: Package,
    path: Path,
    keep: int,
    now: dt.datetime,
    guard: Callable[[Path], None] | None = None,
    saved: Callable[[os.stat_result], None] | None = None,
) -> Path:
    """Backup, write a temporary file beside the original, check it, then replace atomically.

    guard(path) runs just before the replacement (the caller checks the file did not change
    meanwhile) and may raise to keep the original. A symbolic link is written through to its
    target; the file's permissions are kept; the temporary file is created exclusively, so it
    never follows a link someone left under its name. saved(stat) runs once the file is
    replaced, with the written file's size and modification time (taken before the
    replacement, which keeps them: a version saved by someone else since is not taken for it).
    """
    target = Path(os.path.realpath(path))
    backup = make_backup(target, keep, now)
    changed = {**package.packed, **_checked_and_deflated(package.changed, package.tails)}
    # Compressed, the parts' bytes are let go before the file is written and read back
    # (a million-row sheet and journal: 700 MB at the run's peak); the CRCs vouch for them.
    package.changed, package.tails, package.packed = {}, {}, {}
    entries = []
    # unchanged parts: the original compressed bytes (the replaced ones are not read)
    for entry in read_raw(target, skip=changed):
        entries.append(changed.get(entry.name, entry))
    known = {e.name for e in entries}
    entries += [changed[n] for n in package.names if n not in known]

    def check(tmp: Path) -> None:
        _verify(tmp, {n: e.crc for n, e in changed.items()})
        if guard is not None:
            guard(target)

    written = write_atomically(
        target,
        lambda fh: write_zip(fh, entries),
        check=check,
        prefix=f".{target.stem}.relance-tmp-",
        suffix=target.suffix,
    )
    if saved is not None:
        saved(written)
    return backup


def remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed run left beside the ledger (call it holding the run's lock)."""
    target = Path(os.path.realpath(path))
    for old in target.parent.glob(f".{target.stem}.relance-tmp*{target.suffix}"):
        old.unlink(missing_ok=True)  # a link is removed, never followed


def pack(package: Package, names: Collection[str]) -> None:
    """Check and compress these changed parts now, and let their bytes go: a big journal
    (300 MB of XML at a million rows) waits for the saving as its 30 MB compressed.
    WorkbookError, as the saving says it, if one is not well-formed."""
    parts = {n: package.changed[n] for n in names if n in package.changed}
    package.packed.update(_checked_and_deflated(parts, package.tails))
    for name in parts:
        del package.changed[name]
        package.tails.pop(name, None)


def _checked_and_deflated(
    parts: dict[str, Part], tails: dict[str, DoneTail]
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
            if tail is None:
                jobs[name] = pool.submit(deflated, name, data, WORKBOOK_LEVEL)
            else:
                jobs[name] = pool.submit(deflated_before, name, data, WORKBOOK_LEVEL, tail.packed)
        try:
            for name, data in parts.items():
                # The rows another process checked are left out: what is around them must
                # still make a whole document, and they are a balanced run of elements.
                tail = tails.get(name)
                check_well_formed(*views(data), *((tail.rest,) if tail else ()))
        except expat.ExpatError as exc:
            raise WorkbookError(
                f"La partie {name} du classeur à écrire est invalide ({xml_fault(exc)}) ; "
                "l'original est intact et rien n'y a été noté : "
                "n'envoyez pas les lettres que cette exécution a pu écrire, la prochaine les "
                "refera."
            ) from exc
        return {name: job.result() for name, job in jobs.items()}


def _verify(tmp: Path, sums: dict[str, int]) -> None:
    """Re-open the written file: every part reads back whole (its CRC matches), and each
    changed part is exactly the bytes that were checked to be well-formed (sums: their
    CRC-32, taken of those bytes as they were compressed)."""
    try:
        with zipfile.ZipFile(tmp) as zf:
            for info in zf.infolist():  # reading a member to its end checks its CRC
                with zf.open(info) as fh:
                    while fh.read(1 << 22):
                        pass
                crc = sums.get(info.filename)
                if crc is not None and crc != info.CRC:
                    raise zipfile.BadZipFile(f"{info.filename} ne correspond pas")
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise WorkbookError(
            f"Le classeur écrit est invalide ({exc}) ; l'original est intact."
        ) from exc


def make_backup(path: Path, keep: int, now: dt.datetime) -> Path:
    """Copy the ledger into .relance-sauvegardes/ beside it; keep the last `keep` copies."""
    folder = path.parent / BACKUP_FOLDER
    fix = "supprimez ce lien (relance-xlsx recréera un vrai dossier) puis relancez"
    refuse_link(folder, "Le dossier des sauvegardes", fix)
    folder.mkdir(exist_ok=True)
    mark_hidden(folder)  # Windows shows dot-folders: the office sees only its workbook
    target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}{path.suffix}"
    with path.open("rb") as source:  # a backup cut short (disk full) is never kept
        write_atomically(
            target,
            lambda fh: shutil.copyfileobj(source, fh, 1 << 20),
            check=lambda partial: shutil.copystat(path, partial),
            suffix=".partial",
        )
    for old in _older_copies(folder, path, target, keep):
        old.unlink(missing_ok=True)
    return target


def _older_copies(folder: Path, path: Path, fresh: Path, keep: int) -> list[Path]:
    """The copies to delete so that `keep` are left, the fresh one included: the oldest by
    the date in their names. Only this workbook's own copies count (« grand-livre-2025-… »
    is another workbook's), a name whose date does not parse is left alone, and the fresh
    copy is never deleted, even when another name is dated later (a clock ahead, a file
    planted to push it out)."""
    own = re.compile(re.escape(path.stem) + r"-(\d{8}-\d{6}-\d{6})" + re.escape(path.suffix))
    dated = []
    for copy in folder.iterdir():
        found = own.fullmatch(copy.name)
        if found is None or copy.name == fresh.name:
            continue
        try:
            dated.append((dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S-%f"), copy))
        except ValueError:
            continue
    dated.sort()
    return [copy for _, copy in dated[: max(0, len(dated) - (keep - 1))]]


__all__ = [
    "BACKUP_FOLDER",
    "make_backup",
    "pack",
    "remove_stale_temporaries",
    "save_atomically",
]
