"""Reading the workbook into canonical invoices: the table, its columns, values and problems."""

from __future__ import annotations

from .assumed import said_in_run
from .buyers import (
    EPIC,
    KIND_NAMES,
    LAPSING,
    PUBLIC_ENTERPRISE,
    PUBLIC_PERSONS,
    TERM_ARTICLE,
    TERM_DAYS,
    buyer_kind,
)
from .clients import key_of
from .coded import (
    Coded,
    parse_amounts,
    round_cents,
)
from .columns import (
    match_headers,
)
from .compensation import COMPENSATIONS, compensate
from .early import before_due_now, counted_level, letters_after_due, reminded_before_due
from .grid import (
    Grid,
)
from .holdback import HOLD_HEADER, HoldBack, hold_rows, hold_sentence
from .homonyms import named_apart
from .labels import (
    FIELD_LABELS,
    label,
)
from .legalpersons import legal_person
from .levels import (
    ACKNOWLEDGED_LABEL,
    ACTION_LABELS,
    ALL_KINDS,
    CLAIMED_LABEL,
    FORMAL_NOTICE,
    KIND_BY_LEVEL,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_LABELS,
    KIND_PRE_DUE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
    KIND_STATEMENT,
    KIND_THANKS,
    LEVEL_LABELS,
    LITIGATION,
    POSTAL_DAYS,
    PRE_DUE_LABEL,
    PRINT_ORDER,
    REMINDER_1,
    REMINDER_2,
    THANKED_LABEL,
    presumed_receipt,
)
from .opening import (
    open_workbook,
    readable,
    sheet_rows,
)
from .payments import PaymentsTable, find_payments
from .peek import Cell, sheet_row
from .problems import (
    Decision,
    Problem,
    Skip,
)
from .reader import (
    Fingerprint,
    Ledger,
    SheetRef,
    candidate_sheets,
    read_ledger,
    worksheet_names,
)
from .rowmarks import legend_like
from .rows import (
    COLUMNS,
)
from .skips import TOTAL as TOTAL_ROW
from .statuses import (
    status_meaning,
    status_says_paid,
)
from .terms import (
    Terms,
    due_from_terms,
    parse_terms,
)
from .territory import country_of, sued_abroad
from .text import without_placeholders
from .usable import WRITABLE_SUFFIXES, implausible, unwritable_format, would_stop
from .values import (
    Amount,
    parse_amount,
    parse_date,
    parse_flag,
    parse_hold,
    parse_text,
)
from .workdays import day_off, declaration_deadline, next_working_day, public_holidays

__all__ = [
    "ACKNOWLEDGED_LABEL",
    "ACTION_LABELS",
    "ALL_KINDS",
    "CLAIMED_LABEL",
    "COLUMNS",
    "COMPENSATIONS",
    "EPIC",
    "FIELD_LABELS",
    "FORMAL_NOTICE",
    "HOLD_HEADER",
    "KIND_BY_LEVEL",
    "KIND_CLAIM",
    "KIND_FORMAL_NOTICE",
    "KIND_LABELS",
    "KIND_NAMES",
    "KIND_PRE_DUE",
    "KIND_REMINDER_1",
    "KIND_REMINDER_2",
    "KIND_STATEMENT",
    "KIND_THANKS",
    "LAPSING",
    "LEVEL_LABELS",
    "LITIGATION",
    "POSTAL_DAYS",
    "PRE_DUE_LABEL",
    "PRINT_ORDER",
    "PUBLIC_ENTERPRISE",
    "PUBLIC_PERSONS",
    "REMINDER_1",
    "REMINDER_2",
    "TERM_ARTICLE",
    "TERM_DAYS",
    "THANKED_LABEL",
    "TOTAL_ROW",
    "WRITABLE_SUFFIXES",
    "Amount",
    "Cell",
    "Coded",
    "Decision",
    "Fingerprint",
    "Grid",
    "HoldBack",
    "Ledger",
    "PaymentsTable",
    "Problem",
    "SheetRef",
    "Skip",
    "Terms",
    "before_due_now",
    "buyer_kind",
    "candidate_sheets",
    "compensate",
    "counted_level",
    "country_of",
    "day_off",
    "declaration_deadline",
    "due_from_terms",
    "find_payments",
    "hold_rows",
    "hold_sentence",
    "implausible",
    "key_of",
    "label",
    "legal_person",
    "legend_like",
    "letters_after_due",
    "match_headers",
    "named_apart",
    "next_working_day",
    "open_workbook",
    "parse_amount",
    "parse_amounts",
    "parse_date",
    "parse_flag",
    "parse_hold",
    "parse_terms",
    "parse_text",
    "presumed_receipt",
    "public_holidays",
    "read_ledger",
    "readable",
    "reminded_before_due",
    "round_cents",
    "said_in_run",
    "sheet_row",
    "sheet_rows",
    "status_meaning",
    "status_says_paid",
    "sued_abroad",
    "unwritable_format",
    "without_placeholders",
    "worksheet_names",
    "would_stop",
]
