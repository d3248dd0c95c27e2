"""What a run, a check, a report and a send return: frozen records, rendered as a table or
JSON by the command line and as pages by the local page."""

from .commands import ReportResult, SendResult
from .decision import (
    NOT_CHASED,
    KindTotal,
    LetterLine,
    NotChased,
    Summary,
    letter_lines,
    not_chased,
    short_reason,
    summary_of,
)
from .records import (
    CheckResult,
    InvoiceResult,
    LetterResult,
    PaidLate,
    RunResult,
    invoice_results,
    letter_result,
    paid_late_by_client,
)

__all__ = [
    "NOT_CHASED",
    "CheckResult",
    "InvoiceResult",
    "KindTotal",
    "LetterLine",
    "LetterResult",
    "NotChased",
    "PaidLate",
    "ReportResult",
    "RunResult",
    "SendResult",
    "Summary",
    "invoice_results",
    "letter_lines",
    "letter_result",
    "not_chased",
    "paid_late_by_client",
    "short_reason",
    "summary_of",
]
