"""Run the weekly batch: read, decide, write letters, write back; send the drafts later."""

from ..bank import MatchResult
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

__all__ = [
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "MatchResult",
    "Progress",
    "ReportResult",
    "RunResult",
    "SendResult",
    "check",
    "dossier",
    "journal_entries",
    "match",
    "prepare_send",
    "report",
    "run",
    "send",
    "status_updates",
]
