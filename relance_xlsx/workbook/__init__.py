"""What a run writes into the workbook: the status columns and the journal sheet."""

from __future__ import annotations

from .changes import (
    journal_entries,
    status_updates,
)
from .history import journal_demands, journal_lines
from .journal import (
    JournalEntry,
    add_journal,
    existing_keys,
)
from .lock import ledger_lock, lock_path
from .openlocks import lock_files, lock_owner
from .plausible import refuse_implausible
from .writeback import (
    WritebackResult,
    append_journal,
    check_targets,
    preflight,
    write_back,
)

__all__ = [
    "JournalEntry",
    "WritebackResult",
    "add_journal",
    "append_journal",
    "check_targets",
    "existing_keys",
    "journal_demands",
    "journal_entries",
    "journal_lines",
    "ledger_lock",
    "lock_files",
    "lock_owner",
    "lock_path",
    "preflight",
    "refuse_implausible",
    "status_updates",
    "write_back",
]
