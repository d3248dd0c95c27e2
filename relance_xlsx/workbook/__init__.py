"""What a run writes into the workbook: the status columns and the journal sheet."""

from __future__ import annotations

from .changes import (
    journal_entries,
    status_updates,
)
from .history import bank_history, journal_demands, journal_lines, letters_sent, penalties_paid
from .journal import (
    PAYMENT_FULL,
    PAYMENT_PARTIAL,
    PENALTIES_PAID,
    SURPLUS,
    JournalEntry,
    add_journal,
    existing_keys,
    line_key,
)
from .lock import MATCH, RUN, SEND, ledger_lock, lock_path
from .openlocks import lock_files, lock_owner
from .payments import PaymentsDone, PaymentWrite, write_payments
from .plausible import implausible, refuse_implausible
from .writeback import (
    WritebackResult,
    append_journal,
    check_targets,
    preflight,
    write_back,
)

__all__ = [
    "MATCH",
    "PAYMENT_FULL",
    "PAYMENT_PARTIAL",
    "PENALTIES_PAID",
    "RUN",
    "SEND",
    "SURPLUS",
    "JournalEntry",
    "PaymentWrite",
    "PaymentsDone",
    "WritebackResult",
    "add_journal",
    "append_journal",
    "bank_history",
    "check_targets",
    "existing_keys",
    "implausible",
    "journal_demands",
    "journal_entries",
    "journal_lines",
    "ledger_lock",
    "letters_sent",
    "line_key",
    "lock_files",
    "lock_owner",
    "lock_path",
    "penalties_paid",
    "preflight",
    "refuse_implausible",
    "status_updates",
    "write_back",
    "write_payments",
]
