"""What a run, a check, a report and a send return: frozen records, rendered as a table or
JSON by the command line and as pages by the local page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import on_first_use

if TYPE_CHECKING:
    from .aside import Invoices
    from .checks import CheckResult
    from .commands import ReportResult, SendResult
    from .decision import (
        NOT_CHASED,
        KindTotal,
        LetterLine,
        NotChased,
        Summary,
        not_chased,
        short_reason,
        summary_of,
    )
    from .lines import letter_lines
    from .records import (
        InvoiceResult,
        LetterResult,
        PaidLate,
        RunResult,
        invoice_documents,
        invoice_results,
        invoices_json,
        letter_result,
        paid_late_by_client,
    )

# Each name's module, imported on first use: a check's result needs none of the letters, the
# mailroom and the mail the run's and the send's results import (issue 35).
_WHERE = {
    "ReportResult": ".commands",
    "SendResult": ".commands",
    "NOT_CHASED": ".decision",
    "KindTotal": ".decision",
    "LetterLine": ".decision",
    "NotChased": ".decision",
    "Summary": ".decision",
    "letter_lines": ".lines",
    "not_chased": ".decision",
    "short_reason": ".decision",
    "summary_of": ".decision",
    "CheckResult": ".checks",
    "InvoiceResult": ".records",
    "LetterResult": ".records",
    "PaidLate": ".records",
    "RunResult": ".records",
    "Invoices": ".aside",
    "invoice_documents": ".records",
    "invoice_results": ".records",
    "invoices_json": ".records",
    "letter_result": ".records",
    "paid_late_by_client": ".records",
}


__getattr__ = on_first_use(__name__, globals(), _WHERE)


__all__ = [
    "NOT_CHASED",
    "CheckResult",
    "InvoiceResult",
    "Invoices",
    "KindTotal",
    "LetterLine",
    "LetterResult",
    "NotChased",
    "PaidLate",
    "ReportResult",
    "RunResult",
    "SendResult",
    "Summary",
    "invoice_documents",
    "invoice_results",
    "invoices_json",
    "letter_lines",
    "letter_result",
    "not_chased",
    "paid_late_by_client",
    "short_reason",
    "summary_of",
]
