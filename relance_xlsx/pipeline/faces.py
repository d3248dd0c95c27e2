"""The domains' names the shells use besides a run, given here so that the CLI and the page
import the library's face (pipeline), never a domain: the bank statement's limits and match
kinds, the posting list's read and save, the templates and their checks."""

from __future__ import annotations

from ..bank import MAX_STATEMENT_MB, SURE, TO_DECIDE
from ..ledger import ALL_KINDS
from ..letters import (
    SETTINGS_WHERE,
    bank_warnings,
    bundled_templates,
    check_email_template,
    check_template,
    law_issues,
    missing_phrase,
    safe_filename,
    sample_context,
)
from ..mailroom import (
    PostingList,
    recent_lists,
    refused_dates,
    refused_numbers,
    reused_numbers,
    save_numbers,
)
from ..userfiles import day_folder


def case_folder(client: str) -> str:
    """The folder of a client's litigation file under contentieux/ (casefile.client_folders
    numbers it when two clients would share it)."""
    return safe_filename(client, "dossier", set()).removesuffix(".docx")


__all__ = [
    "ALL_KINDS",
    "MAX_STATEMENT_MB",
    "SETTINGS_WHERE",
    "SURE",
    "TO_DECIDE",
    "PostingList",
    "bank_warnings",
    "bundled_templates",
    "case_folder",
    "check_email_template",
    "check_template",
    "day_folder",
    "law_issues",
    "missing_phrase",
    "recent_lists",
    "refused_dates",
    "refused_numbers",
    "reused_numbers",
    "sample_context",
    "save_numbers",
]
