"""What a run and a check return: frozen results, rendered as a table or JSON by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .problems import Problem, Skip


@dataclass(frozen=True)
class InvoiceResult:
    """One invoice in the JSON: what it owes, its level after the run, and why."""

    row: int
    invoice: str
    client: str
    due: str | None
    days_late: int | None
    outstanding: float
    level: int
    action: str
    interest: float
    indemnity: float
    letter: str | None
    reason: str


@dataclass(frozen=True)
class LetterResult:
    """One letter written (or, in a dry run, that would be written)."""

    path: str
    client: str
    kind: str
    invoices: list[str]
    total_due: float


@dataclass(frozen=True)
class RunResult:
    """Everything a run did; rendered as a table or as JSON by the CLI."""

    ledger: str
    sheet: str
    header_row: int
    as_of: str
    dry_run: bool
    invoices: list[InvoiceResult]
    letters: list[LetterResult]
    problems: list[Problem]
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    out_dir: str | None = None
    bundle: str | None = None
    pdfs: list[str] = field(default_factory=list)
    rows_written: int = 0
    journal_lines: int = 0
    backup: str | None = None
    config: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document (fields are added over time, never renamed)."""
        data = asdict(self)
        data["problems"] = [_problem_json(p) for p in self.problems]
        data["skipped"] = [asdict(s) for s in self.skipped]
        return data


@dataclass(frozen=True)
class CheckResult:
    """What `relance check` found: the table, the mapping, the problems."""

    ledger: str
    sheet: str
    sheets: list[str]
    header_row: int
    columns: dict[str, str]
    invoices: int
    problems: list[Problem]
    skipped: list[Skip]
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document of `check --json`."""
        data = asdict(self)
        data["problems"] = [_problem_json(p) for p in self.problems]
        data["skipped"] = [asdict(s) for s in self.skipped]
        return data


def _problem_json(p: Problem) -> dict[str, Any]:
    return {
        "row": p.row,
        "column": p.column,
        "value": p.value,
        "message": p.message,
        "severity": p.severity,
    }


__all__ = ["CheckResult", "InvoiceResult", "LetterResult", "RunResult"]
