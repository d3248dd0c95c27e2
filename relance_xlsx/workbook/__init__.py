"""What a run writes into the workbook: the status columns and the journal sheet."""

from __future__ import annotations

from .changes import (
    journal_entries,
    status_updates,
)
from .history import (
    bank_history,
    dated_numbers,
    envelope_days,
    is_notice,
    journal_demands,
    journal_lines,
    journal_notices,
    last_run_day,
    letters_sent,
    notice_envelopes,
    own_first_letters,
    penalties_paid,
    received_on,
)
from .imported import imported_payments
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
from .plausible import implausible, refuse_implausible, would_stop
from .recovered import RECOVERED, recovered_entries
from .redonefiles import REDONE, redone_entries, redone_owed
from .writeback import (
    WritebackResult,
    append_journal,
    check_targets,
    preflight,
    unwritable_format,
    write_back,
)

__all__ = [
    "MATCH",
    "PAYMENT_FULL",
    "PAYMENT_PARTIAL",
    "PENALTIES_PAID",
    "RECOVERED",
    "REDONE",
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
    "dated_numbers",
    "envelope_days",
    "existing_keys",
    "implausible",
    "imported_payments",
    "is_notice",
    "journal_demands",
    "journal_entries",
    "journal_lines",
    "journal_notices",
    "last_run_day",
    "ledger_lock",
    "letters_sent",
    "line_key",
    "lock_files",
    "lock_owner",
    "lock_path",
    "notice_envelopes",
    "own_first_letters",
    "penalties_paid",
    "preflight",
    "received_on",
    "recovered_entries",
    "redone_entries",
    "redone_owed",
    "refuse_implausible",
    "status_updates",
    "unwritable_format",
    "would_stop",
    "write_back",
    "write_payments",
]
