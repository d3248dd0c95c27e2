"""What `relance match` returns: the statements read, one proposal per credit, what was
applied, and the one JSON document scripts get."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .records import STATUSES, BankEntry, Proposal, Statement


@dataclass(frozen=True)
class MatchResult:
    """The outcome of matching statements to a ledger (and applying the sure proposals)."""

    ledger: str
    as_of: str
    apply: bool
    statements: tuple[Statement, ...]
    proposals: tuple[Proposal, ...]
    review: str | None = None  # rapprochement.xlsx
    applied: int = 0  # credits written into the workbook
    payments_written: int = 0  # invoice payments (a credit may pay several)
    journal_lines: int = 0
    target: str = ""  # where the payments went
    backup: str | None = None
    warnings: tuple[str, ...] = field(default=())
    # The same bank entry given again (overlapping statements): each with the one it repeats.
    duplicates: tuple[tuple[BankEntry, BankEntry], ...] = field(default=())

    def count(self, status: str) -> int:
        """How many proposals have this status."""
        return sum(1 for p in self.proposals if p.status == status)

    @property
    def debits(self) -> int:
        """Debits read and ignored (once each, when two statements overlap): all but those
        that take a customer's payment back."""
        again = sum(1 for e, _ in self.duplicates if e.amount <= 0)
        return sum(s.debits for s in self.statements) - again - self.taken_back

    @property
    def taken_back(self) -> int:
        """Debits that take a customer's payment back (each one left to the office)."""
        return sum(1 for p in self.proposals if p.entry.amount < 0)

    @property
    def credit_duplicates(self) -> int:
        """Credits given twice (overlapping statements) and counted once."""
        return sum(1 for e, _ in self.duplicates if e.amount > 0)

    def to_json(self) -> dict[str, Any]:
        """The stable document of `relance match --json` (fields added, never renamed)."""
        return {
            "ledger": self.ledger,
            "as_of": self.as_of,
            "apply": self.apply,
            "statements": [_statement(s) for s in self.statements],
            "proposals": [_proposal(p) for p in self.proposals],
            "counts": {s: self.count(s) for s in STATUSES},
            "duplicates": [_duplicate(e, first) for e, first in self.duplicates if e.amount > 0],
            "debits_ignored": self.debits,
            "debits_taking_back": self.taken_back,
            "applied": self.applied,
            "payments_written": self.payments_written,
            "journal_lines": self.journal_lines,
            "target": self.target or None,
            "backup": self.backup,
            "review": self.review,
            "warnings": list(self.warnings),
        }


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "path": s.path,
        "format": s.format,
        "entries": len(s.entries),
        "credits": len(s.credits),
        "debits": s.debits,
        "skipped": list(s.skipped),
        "description": s.description,
    }


def _duplicate(entry: BankEntry, first: BankEntry) -> dict[str, Any]:
    return {
        "source": entry.source,
        "line": entry.line,
        "date": entry.date.isoformat(),
        "amount": entry.amount,
        "label": entry.label,
        "key": entry.key,
        "same_as": {"source": first.source, "line": first.line},
    }


def _proposal(p: Proposal) -> dict[str, Any]:
    e = p.entry
    return {
        "source": e.source,
        "line": e.line,
        "date": e.date.isoformat(),
        "amount": e.amount,
        "label": e.label,
        "payer": e.payer,
        "remittance": e.remittance,
        "bank_ref": e.bank_ref,
        "key": e.key,
        "status": p.status,
        "rule": p.rule,
        "confidence": round(p.confidence, 2),
        "reason": p.reason,
        "invoices": [
            {
                "row": a.row,
                "invoice": a.invoice,
                "client": a.client,
                "amount": a.amount,
                "outstanding": a.outstanding,
                "remaining": a.remaining,
                "partial": a.partial,
                "gap": a.gap,
            }
            for a in p.allocations
        ],
        "candidates": list(p.candidates),
        "surplus": p.surplus,
        "penalties": [
            {
                "row": s.row,
                "invoice": s.invoice,
                "client": s.client,
                "interest": s.interest,
                "indemnity": s.indemnity,
                "reference": s.reference,
            }
            for s in p.penalties
        ],
    }


__all__ = ["MatchResult"]
