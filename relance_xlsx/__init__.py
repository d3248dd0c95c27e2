"""relance-xlsx: the weekly dunning run over a French invoice ledger kept in Excel.

The library the command line and the page are built on::

    import datetime as dt
    from pathlib import Path
    import relance_xlsx

    settings = relance_xlsx.load_settings(Path("relance.toml"))
    result = relance_xlsx.run(Path("factures.xlsx"), settings, as_of=dt.date(2026, 11, 22))
    print(len(result.letters), "lettres dans", result.out_dir)
"""

# No `from __future__` here: it imports a module too, and must come after the guard below.
import os as _os
import sys as _sys

# `python -m relance_xlsx` (or `-m relance_xlsx.web`) started in the shared folder puts that
# folder first on the import path, so a `json.py` planted there would run in place of the
# standard library. This package is imported before its __main__ runs and is then found by
# its own path: drop the current folder while `-m` is still looking (sys.argv[0] is "-m").
# (os.getcwd: pathlib is not imported yet.)
if _sys.argv[:1] == ["-m"] and _sys.path[:1] in ([""], [_os.getcwd()]):  # noqa: PTH109
    del _sys.path[0]

from typing import TYPE_CHECKING, Any

from .config import (
    Creditor,
    Letters,
    Policy,
    Settings,
    Smtp,
    Writeback,
    find_config,
    load_settings,
    settings_from_dict,
)
from .errors import (
    ConfigError,
    EmailError,
    ExitCode,
    LedgerError,
    LibreOfficeError,
    NoInvoiceTable,
    RelanceError,
    StatementError,
    TemplateError,
    WorkbookChanged,
    WorkbookError,
)

if TYPE_CHECKING:
    from .ledger import HoldBack
    from .pipeline import (
        PASSWORD_ENV,
        CheckResult,
        Draft,
        InvoiceResult,
        LetterResult,
        MatchResult,
        OpenElsewhere,
        ReportResult,
        RunResult,
        SendResult,
        check,
        dossier,
        drafts_of,
        has_keyring,
        keyring_name,
        kind_label,
        letter_as_pdf,
        match,
        open_elsewhere,
        password_known,
        pdf_program,
        prepare_send,
        report,
        run,
        save_password,
        send,
        send_test_message,
        setting_label,
    )

__version__ = "0.2.0"

_PIPELINE = {
    "OpenElsewhere",
    "open_elsewhere",
    "pdf_program",
    "letter_as_pdf",
    "kind_label",
    "drafts_of",
    "send_test_message",
    "save_password",
    "password_known",
    "has_keyring",
    "keyring_name",
    "setting_label",
    "PASSWORD_ENV",
    "Draft",
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "Letters",
    "MatchResult",
    "RunResult",
    "SendResult",
    "check",
    "dossier",
    "match",
    "ReportResult",
    "prepare_send",
    "report",
    "run",
    "send",
}


def __getattr__(name: str) -> Any:
    # The pipeline (pandas, calamine, docx: a second to import) loads on first use, so the
    # helper processes started with `python -m relance_xlsx.ooxml.<module>` start at once.
    if name == "HoldBack":
        from .ledger import HoldBack

        return HoldBack
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'relance_xlsx' has no attribute {name!r}")


__all__ = [
    "PASSWORD_ENV",
    "CheckResult",
    "ConfigError",
    "Creditor",
    "Draft",
    "EmailError",
    "ExitCode",
    "HoldBack",
    "InvoiceResult",
    "LedgerError",
    "LetterResult",
    "Letters",
    "LibreOfficeError",
    "MatchResult",
    "NoInvoiceTable",
    "OpenElsewhere",
    "Policy",
    "RelanceError",
    "ReportResult",
    "RunResult",
    "SendResult",
    "Settings",
    "Smtp",
    "StatementError",
    "TemplateError",
    "WorkbookChanged",
    "WorkbookError",
    "Writeback",
    "__version__",
    "check",
    "dossier",
    "drafts_of",
    "find_config",
    "has_keyring",
    "keyring_name",
    "kind_label",
    "letter_as_pdf",
    "load_settings",
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
    "settings_from_dict",
]
