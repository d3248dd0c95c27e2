"""What a run and a check return: frozen results, rendered as a table or JSON by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from .ledger import Ledger
from .policy import Decisions
from .problems import Problem, Skip
from .sending import Delivery


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
    emails: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)

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


@dataclass(frozen=True)
class SendResult:
    """What `relance send` did: one delivery per draft, and the journal lines written."""

    folder: str
    server: str
    deliveries: list[Delivery]
    journal_lines: int = 0
    backup: str | None = None

    def count(self, status: str) -> int:
        """How many deliveries ended with this status (sent, refused, failed, already_sent)."""
        return sum(1 for d in self.deliveries if d.status == status)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document of `send --json`."""
        data = asdict(self)
        data["counts"] = {s: self.count(s) for s in ("sent", "refused", "failed", "already_sent")}
        return data


def _problem_json(p: Problem) -> dict[str, Any]:
    return {
        "row": p.row,
        "column": p.column,
        "value": p.value,
        "message": p.message,
        "severity": p.severity,
    }


def invoice_results(
    ledger: Ledger, decisions: Decisions, letter_of: dict[Any, str]
) -> list[InvoiceResult]:
    """One result per invoice of the ledger, with the letter it went into."""
    f, d = ledger.frame, decisions.frame
    out = []
    for idx in f.index:
        due = f.at[idx, "due_date"]
        late = d.at[idx, "days_late"]
        out.append(
            InvoiceResult(
                row=int(f.at[idx, "row"]),
                invoice=str(f.at[idx, "invoice"] or ""),
                client=str(f.at[idx, "client"] or ""),
                due=due.date().isoformat() if pd.notna(due) else None,
                days_late=int(late) if pd.notna(late) else None,
                outstanding=round(float(f.at[idx, "outstanding"]), 2),
                level=int(d.at[idx, "level"]),
                action=str(d.at[idx, "action"]),
                interest=float(d.at[idx, "interest"]),
                indemnity=float(d.at[idx, "indemnity"]),
                letter=letter_of.get(idx),
                reason=str(d.at[idx, "reason"]),
            )
        )
    return out


__all__ = [
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "RunResult",
    "SendResult",
    "invoice_results",
]
