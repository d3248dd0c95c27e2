"""E-mails the server accepted whose journal lines are not written yet (workbook locked, run
killed): kept in the sent log as not journaled, and written at the next send or run."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..ledger import ACTION_LABELS
from ..userfiles import FileRefused, read_checked, write_bytes_atomically
from ..workbook import JournalEntry
from .emails import EMAIL_DIR, MANIFEST_NAME, Draft, Manifest
from .sending import SENT_LOG, read_sent_log, record_sent_log

EMAIL_ACTION = ACTION_LABELS["email"]


@dataclass(frozen=True)
class Unjournaled:
    """The accepted messages of one run folder whose journal lines are still to write."""

    folder: Path
    files: tuple[str, ...]
    entries: tuple[JournalEntry, ...]


def email_entries(manifest: Manifest, draft: Draft) -> list[JournalEntry]:
    """The journal lines of one accepted message: one per invoice it was about."""
    day = dt.date.fromisoformat(manifest.as_of)
    return [
        JournalEntry(
            day,
            line.invoice,
            draft.client,
            line.level,
            EMAIL_ACTION,
            line.outstanding,
            line.interest,
            line.indemnity,
            draft.file,
        )
        for line in draft.lines
    ]


def unjournaled(folder: Path, manifest: Manifest, log: dict[str, dict[str, object]]) -> Unjournaled:
    """Messages in the sent log not marked as journaled (a log from before the mark counts)."""
    drafts = [d for d in manifest.drafts if d.file in log and not log[d.file].get("journaled")]
    entries = [e for d in drafts for e in email_entries(manifest, d)]
    return Unjournaled(folder, tuple(d.file for d in drafts), tuple(entries))


def mark_journaled(folder: Path, files: tuple[str, ...] | list[str]) -> None:
    """Note in the sent log that these messages' journal lines are in the workbook."""
    if not files:
        return
    log = read_sent_log(folder)
    for name in files:
        if name in log:
            log[name] = {**log[name], "journaled": True}
    record_sent_log(folder, log)


def index_path(ledger: Path) -> Path:
    """Beside the ledger: the e-mail folders sent from, wherever --out put them."""
    return ledger.with_name(f".{ledger.name}.relance-envois.json")


def remember_folder(ledger: Path, folder: Path) -> None:
    """Note, before sending, the folder a send works in: a run finds its pending lines there."""
    index = index_path(ledger)
    known = [f for f in _indexed(index) if Path(f).is_dir()]
    here = str(folder.resolve())
    if here not in known:
        known.append(here)
    write_bytes_atomically(index, json.dumps(known, ensure_ascii=False, indent=1).encode("utf-8"))


def _indexed(index: Path) -> list[str]:
    try:
        data = json.loads(read_checked(index, max_mb=16).decode("utf-8"))
    except (OSError, ValueError, FileRefused):
        return []  # none yet, or damaged: the folders beside the ledger are still searched
    return [str(f) for f in data] if isinstance(data, list) else []


def _email_folders(ledger: Path) -> list[Path]:
    """The e-mail folders of runs beside the ledger (relances/<date>/emails/) and elsewhere."""
    beside = [m.parent for m in (ledger.parent / "relances").glob(f"*/{EMAIL_DIR}/{MANIFEST_NAME}")]
    folders = {os.path.realpath(f): f for f in [*beside, *map(Path, _indexed(index_path(ledger)))]}
    return [folders[k] for k in sorted(folders)]


def pending_for_ledger(ledger: Path) -> list[Unjournaled]:
    """Unjournaled messages of the runs of this ledger, wherever their folder is."""
    found = []
    real = os.path.realpath(ledger)
    for folder in _email_folders(ledger):
        if not (folder / SENT_LOG).is_file():
            continue
        try:
            manifest = Manifest.load(folder)
            log = read_sent_log(folder)
        except (OSError, ValueError, json.JSONDecodeError):
            continue  # `relance send` on that folder says what is wrong with it
        if os.path.realpath(folder / manifest.ledger) != real:
            continue
        item = unjournaled(folder, manifest, log)
        if item.entries:
            found.append(item)
    return found


__all__ = [
    "EMAIL_ACTION",
    "Unjournaled",
    "email_entries",
    "mark_journaled",
    "pending_for_ledger",
    "remember_folder",
    "unjournaled",
]
