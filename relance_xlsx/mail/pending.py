"""E-mails the server accepted whose journal lines are not written yet (workbook locked, run
killed): kept in the sent log as not journaled, and written at the next send or run."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..ledger import ACTION_LABELS
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


def pending_for_ledger(ledger: Path) -> list[Unjournaled]:
    """Unjournaled messages of the runs kept beside the ledger (relances/<date>/emails/)."""
    found = []
    real = os.path.realpath(ledger)
    for manifest_path in sorted(
        (ledger.parent / "relances").glob(f"*/{EMAIL_DIR}/{MANIFEST_NAME}")
    ):
        folder = manifest_path.parent
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
    "unjournaled",
]
