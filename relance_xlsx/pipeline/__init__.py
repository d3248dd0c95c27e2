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
from .matching import match
from .ondemand import dossier
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
    "PASSWORD_ENV",
    "Cell",
    "CheckResult",
    "Draft",
    "HoldBack",
    "InvoiceResult",
    "LetterResult",
    "MatchResult",
    "OpenElsewhere",
    "Progress",
    "ReportResult",
    "RunResult",
    "SendResult",
    "check",
    "dossier",
    "drafts_of",
    "has_keyring",
    "journal_entries",
    "keyring_name",
    "kind_label",
    "ledger_row",
    "letter_as_pdf",
    "match",
    "open_elsewhere",
    "password_known",
    "pdf_program",
    "prepare_send",
    "report",
    "run",
    "save_password",
    "send",
    "send_test_message",
    "setting_label",
    "status_updates",
]
