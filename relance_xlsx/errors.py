"""One family of errors: every failure the user can act on is a RelanceError."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, decided in one place (cli)."""

    OK = 0
    ERROR = 1
    USAGE = 2


class RelanceError(Exception):
    """A run cannot start or cannot finish; the message says what to do, in French."""

    def __init__(
        self,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.sheet = sheet
        self.row = row
        self.column = column

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"feuille « {self.sheet} »")
        if self.row is not None:
            where.append(f"ligne {self.row}")
        if self.column:
            where.append(f"colonne « {self.column} »")
        return f"{self.message} ({', '.join(where)})" if where else self.message


class ConfigError(RelanceError):
    """The configuration file is missing, unreadable or holds an invalid value."""


class LedgerError(RelanceError):
    """The ledger cannot be read: missing file, not a workbook, no invoice table."""


class NoInvoiceTable(LedgerError):
    """No table of the workbook names invoices; it carries the [columns] lines to suggest,
    the fields (invoice, client, amount, invoice_date) no column was found for, and whether
    any row of titles was seen at all, in which workbook (its file name)."""

    def __init__(
        self,
        message: str,
        suggestion: dict[str, str],
        missing: tuple[str, ...] = (),
        headed: bool = True,
        workbook: str = "",
    ) -> None:
        super().__init__(message)
        self.suggestion = suggestion
        self.missing = missing
        self.headed = headed
        self.workbook = workbook


class TemplateError(RelanceError):
    """A letter template is broken: syntax error, unknown variable, stray placeholder."""


class WorkbookError(RelanceError):
    """The workbook cannot be written back: open in Excel, changed, read-only, bad format."""


class WorkbookChanged(WorkbookError):
    """The workbook changed since the preview the person confirmed: nothing was run."""


class LibreOfficeError(RelanceError):
    """LibreOffice is missing or failed to convert the letters to PDF."""


class EmailError(RelanceError):
    """E-mails cannot be prepared or sent: no drafts, no server, refused login, no password."""


class RunDateError(RelanceError):
    """The run's date is earlier than the last run the workbook's journal records."""


class StatementError(RelanceError):
    """A bank statement cannot be read: missing, too big, not a format a bank exports."""


__all__ = [
    "ConfigError",
    "EmailError",
    "ExitCode",
    "LedgerError",
    "LibreOfficeError",
    "NoInvoiceTable",
    "RelanceError",
    "RunDateError",
    "StatementError",
    "TemplateError",
    "WorkbookChanged",
    "WorkbookError",
]
