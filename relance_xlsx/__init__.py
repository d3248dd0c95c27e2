"""relance-xlsx: the weekly dunning run over a French invoice ledger kept in Excel.

The library the command line and the page are built on::

    import datetime as dt
    from pathlib import Path
    import relance_xlsx

    settings = relance_xlsx.load_settings(Path("relance.toml"))
    result = relance_xlsx.run(Path("factures.xlsx"), settings, as_of=dt.date(2026, 11, 22))
    print(len(result.letters), "lettres dans", result.out_dir)
"""

from __future__ import annotations

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
    WorkbookError,
)

if TYPE_CHECKING:
    from .pipeline import (
        CheckResult,
        InvoiceResult,
        LetterResult,
        MatchResult,
        ReportResult,
        RunResult,
        SendResult,
        check,
        dossier,
        match,
        prepare_send,
        report,
        run,
        send,
    )

__version__ = "0.2.0"

_PIPELINE = {
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
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'relance_xlsx' has no attribute {name!r}")


__all__ = [
    "CheckResult",
    "ConfigError",
    "Creditor",
    "EmailError",
    "ExitCode",
    "InvoiceResult",
    "LedgerError",
    "LetterResult",
    "Letters",
    "LibreOfficeError",
    "MatchResult",
    "NoInvoiceTable",
    "Policy",
    "RelanceError",
    "ReportResult",
    "RunResult",
    "SendResult",
    "Settings",
    "Smtp",
    "StatementError",
    "TemplateError",
    "WorkbookError",
    "Writeback",
    "__version__",
    "check",
    "dossier",
    "find_config",
    "load_settings",
    "match",
    "prepare_send",
    "report",
    "run",
    "send",
    "settings_from_dict",
]
