"""Run the weekly batch: read, decide, write letters, write back; send the drafts later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import on_first_use

if TYPE_CHECKING:
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
    from .digest import AGAIN_PAGE, changed_sentence, preview_digest, what_changed
    from .faces import (
        ALL_KINDS,
        MAX_STATEMENT_MB,
        SETTINGS_WHERE,
        SURE,
        TO_DECIDE,
        PostingList,
        bundled_templates,
        check_email_template,
        check_template,
        law_issues,
        missing_phrase,
        recent_lists,
        refused_dates,
        refused_numbers,
        reused_numbers,
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
        content_hash,
        drafts_of,
        has_keyring,
        keyring_name,
        kind_label,
        ledger_row,
        letter_as_pdf,
        letters_need,
        open_elsewhere,
        page_words,
        password_known,
        pdf_program,
        save_password,
        send_test_message,
        setting_label,
    )

# Each name's module, imported on first use: `relance check` needs the ledger only, not the
# letters, the bank, the mail and the workbook's writing this face also offers (issue 35).
_WHERE = {
    "MatchResult": "..bank",
    "HoldBack": "..ledger",
    "Progress": "..progress",
    "CheckResult": "..results",
    "InvoiceResult": "..results",
    "LetterResult": "..results",
    "ReportResult": "..results",
    "RunResult": "..results",
    "SendResult": "..results",
    "journal_entries": "..workbook",
    "status_updates": "..workbook",
    "check": ".checking",
    "AGAIN_PAGE": ".digest",
    "changed_sentence": ".digest",
    "preview_digest": ".digest",
    "what_changed": ".digest",
    "ALL_KINDS": ".faces",
    "MAX_STATEMENT_MB": ".faces",
    "SETTINGS_WHERE": ".faces",
    "SURE": ".faces",
    "TO_DECIDE": ".faces",
    "PostingList": ".faces",
    "bundled_templates": ".faces",
    "check_email_template": ".faces",
    "check_template": ".faces",
    "law_issues": ".faces",
    "missing_phrase": ".faces",
    "recent_lists": ".faces",
    "refused_dates": ".faces",
    "refused_numbers": ".faces",
    "reused_numbers": ".faces",
    "sample_context": ".faces",
    "save_numbers": ".faces",
    "match": ".matching",
    "dossier": ".ondemand",
    "list_folders": ".registered",
    "report": ".reports",
    "run": ".runs",
    "prepare_send": ".sending",
    "send": ".sending",
    "PASSWORD_ENV": ".toolbox",
    "Cell": ".toolbox",
    "Draft": ".toolbox",
    "OpenElsewhere": ".toolbox",
    "content_hash": ".toolbox",
    "drafts_of": ".toolbox",
    "has_keyring": ".toolbox",
    "keyring_name": ".toolbox",
    "kind_label": ".toolbox",
    "letters_need": ".toolbox",
    "ledger_row": ".toolbox",
    "letter_as_pdf": ".toolbox",
    "open_elsewhere": ".toolbox",
    "page_words": ".toolbox",
    "password_known": ".toolbox",
    "pdf_program": ".toolbox",
    "save_password": ".toolbox",
    "send_test_message": ".toolbox",
    "setting_label": ".toolbox",
}


__getattr__ = on_first_use(__name__, globals(), _WHERE)


__all__ = [
    "AGAIN_PAGE",
    "ALL_KINDS",
    "MAX_STATEMENT_MB",
    "PASSWORD_ENV",
    "SETTINGS_WHERE",
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
    "changed_sentence",
    "check",
    "check_email_template",
    "check_template",
    "content_hash",
    "dossier",
    "drafts_of",
    "has_keyring",
    "journal_entries",
    "keyring_name",
    "kind_label",
    "law_issues",
    "ledger_row",
    "letter_as_pdf",
    "letters_need",
    "list_folders",
    "match",
    "missing_phrase",
    "open_elsewhere",
    "page_words",
    "password_known",
    "pdf_program",
    "prepare_send",
    "preview_digest",
    "recent_lists",
    "refused_dates",
    "refused_numbers",
    "report",
    "reused_numbers",
    "run",
    "sample_context",
    "save_numbers",
    "save_password",
    "send",
    "send_test_message",
    "setting_label",
    "status_updates",
    "what_changed",
]
