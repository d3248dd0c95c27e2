"""What a run and a check return: frozen results, rendered as a table or JSON by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

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
        # asdict() deep-copies every value: 10 s for a million invoices; these are flat.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("invoices", "letters", "problems", "skipped"):
            data[name] = [dict(vars(item)) for item in data[name]]
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
        return asdict(self)


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


def invoice_results(
    ledger: Ledger, decisions: Decisions, letter_of: dict[Any, str]
) -> list[InvoiceResult]:
    """One result per invoice of the ledger, with the letter it went into."""
    f, d = ledger.frame, decisions.frame
    # Whole columns at once: per-cell DataFrame access is ~10 µs, too slow at a million rows.
    due = f["due_date"].dt.strftime("%Y-%m-%d").astype(object)
    due = due.where(f["due_date"].notna(), None)
    late = d["days_late"].astype(object).where(d["days_late"].notna(), None)
    columns = zip(
        f.index,
        f["row"].to_numpy(),
        f["invoice"].to_numpy(dtype=object),
        f["client"].to_numpy(dtype=object),
        due.to_numpy(dtype=object),
        late.to_numpy(dtype=object),
        f["outstanding"].to_numpy(),
        d["level"].to_numpy(),
        d["action"].to_numpy(dtype=object),
        d["interest"].to_numpy(),
        d["indemnity"].to_numpy(),
        d["reason"].to_numpy(dtype=object),
        strict=True,
    )
    return [
        InvoiceResult(
            row=int(c[1]),
            invoice=str(c[2] or ""),
            client=str(c[3] or ""),
            due=c[4],
            days_late=int(c[5]) if c[5] is not None else None,
            outstanding=round(float(c[6]), 2),
            level=int(c[7]),
            action=str(c[8]),
            interest=float(c[9]),
            indemnity=float(c[10]),
            letter=letter_of.get(c[0]),
            reason=str(c[11]),
        )
        for c in columns
    ]


__all__ = [
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "RunResult",
    "SendResult",
    "invoice_results",
]
