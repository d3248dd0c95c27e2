"""Run the weekly batch: read, decide, write letters, write back; send the drafts later."""

from ..bank import MatchResult
from ..ledger import HoldBack
from ..progress import Progress
from ..results import (
    CheckResult,
    InvoiceResult,
    LetterResult,
    ReportResult,
    RunResult,
    SendResult,
)
from ..workbook import journal_entries, status_updates
from .checking import check
from .faces import (
    ALL_KINDS,
    MAX_STATEMENT_MB,
    SURE,
    TO_DECIDE,
    PostingList,
    bundled_templates,
    check_template,
    law_issues,
    recent_lists,
    refused_dates,
    refused_numbers,
    sample_context,
    save_numbers,
)
from .matching import match
from .ondemand import dossier
from .registered import list_folders
from .reports import report
from .runs import run
from .sending import prepare_send, send
from .toolbox import (
    PASSWORD_ENV,
    Cell,
    Draft,
    OpenElsewhere,
    drafts_of,
    has_keyring,
    keyring_name,
    kind_label,
    ledger_row,
    letter_as_pdf,
    open_elsewhere,
    password_known,
    pdf_program,
    save_password,
    send_test_message,
    setting_label,
)

__all__ = [
    "ALL_KINDS",
    "MAX_STATEMENT_MB",
    "PASSWORD_ENV",
    "SURE",
    "TO_DECIDE",
    "Cell",
    "CheckResult",
    "Draft",
    "HoldBack",
    "InvoiceResult",
    "LetterResult",
    "MatchResult",
    "OpenElsewhere",
    "PostingList",
    "Progress",
    "ReportResult",
    "RunResult",
    "SendResult",
    "bundled_templates",
    "check",
    "check_template",
    "dossier",
    "drafts_of",
    "has_keyring",
    "journal_entries",
    "keyring_name",
    "kind_label",
    "law_issues",
    "ledger_row",
    "letter_as_pdf",
    "list_folders",
    "match",
    "open_elsewhere",
    "password_known",
    "pdf_program",
    "prepare_send",
    "recent_lists",
    "refused_dates",
    "refused_numbers",
    "report",
    "run",
    "sample_context",
    "save_numbers",
    "save_password",
    "send",
    "send_test_message",
    "setting_label",
    "status_updates",
]
