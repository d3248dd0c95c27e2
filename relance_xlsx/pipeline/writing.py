"""The write-back in two steps: what it writes, gathered while the letters render (no file is
touched), then the writing itself, once every letter is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..config import Settings
from ..ledger import HoldBack, Ledger
from ..letters import Letter, LetterRows, reference_of_letter
from ..mail import Unjournaled, mark_journaled, pending_for_ledger
from ..mailroom import Recorded
from ..policy import Decisions, owed_principal, paid_in_court_rows
from ..workbook import (
    JournalEntry,
    WritebackResult,
    journal_entries,
    letters_sent,
    recovered_entries,
    redone_entries,
    status_updates,
    write_back,
)
from .registered import registered_entries


@dataclass(frozen=True)
class WriteBack:
    """What the write-back writes: status cells, journal lines, LRAR numbers, and the e-mails
    whose journal lines it writes."""

    updates: list[Any]  # StatusUpdate
    entries: list[JournalEntry]
    numbers: list[tuple[int, str]]
    pending: list[Unjournaled]


def gather_write_back(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    letters: tuple[dict[Any, str], frozenset[Any]],
    reference_of: dict[Any, str],
    held: dict[Any, HoldBack],
    recorded: list[Recorded],
) -> WriteBack:
    """Status cells, LRAR numbers and journal lines for the workbook, with e-mails not
    journaled yet (letters: each invoice's letter, and the invoices whose penalties it does
    not claim). Reads the workbook's journal, writes nothing."""
    letter_of, unclaimed = letters
    updates = status_updates(ledger.frame, decisions.frame, as_of, held)
    entries = journal_entries(
        ledger.frame, decisions.frame, letter_of, as_of, reference_of, held, unclaimed
    )
    entries += registered_entries(ledger, recorded, as_of)
    entries += redone_lines(ledger, as_of)
    # The letters the ledger alone recorded, before its level and date are overwritten.
    sent = letters_sent(ledger.path, settings.writeback.journal_sheet)
    entries = recovered_entries(ledger.frame, decisions.frame, sent) + entries
    pending = pending_for_ledger(ledger.path)
    entries += [e for item in pending for e in item.entries]
    numbers = [(r.row, r.number) for r in recorded if not r.dated_only]
    return WriteBack(updates, entries, numbers, pending)


def redone_lines(ledger: Ledger, as_of: dt.date) -> list[JournalEntry]:
    """A line per invoice whose litigation file this run redoes (pipeline/redone.py), with
    the principal it still claims: the next run redoes it only when less is owed."""
    rows = np.flatnonzero(paid_in_court_rows(ledger.frame, as_of)).tolist()
    if not rows:
        return []
    owed = [owed_principal(ledger.frame.iloc[i]) for i in rows]
    return redone_entries(ledger.frame, rows, owed, as_of)


def commit_write_back(
    ledger: Ledger, gathered: WriteBack, settings: Settings, now: dt.datetime
) -> WritebackResult:
    """Write what was gathered into the workbook (atomically, with its backup), then mark the
    e-mails journaled. A table without any invoice (every row a draft, blank or a total) is
    left as it is: no empty status columns added, no backup."""
    if not len(ledger.frame) and not any(
        (gathered.updates, gathered.entries, gathered.numbers, gathered.pending)
    ):
        return WritebackResult(0, 0, (), None)
    done = write_back(
        ledger.sheet_ref,
        gathered.updates,
        gathered.entries,
        settings.writeback,
        now=now,
        registered=gathered.numbers,
    )
    for item in gathered.pending:
        mark_journaled(item.folder, item.files)
    return done


def journal_references(ready: list[Letter], data: LetterRows, as_of: dt.date) -> dict[Any, str]:
    """Each invoice's letter's RF reference, for its journal line: the bank matcher reads it."""
    out = {}
    for letter in ready:
        reference = reference_of_letter(letter.plan, data, as_of)
        if reference:
            out.update(dict.fromkeys(letter.plan.rows, reference))
    return out


__all__ = ["WriteBack", "commit_write_back", "gather_write_back", "journal_references"]
