"""What `relance check` returns: the table found, the mapping, the problems.

A module of its own, importing only the ledger's records: a check loads none of the
letters, the mailroom or the policy the run's results need (issue 35)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..ledger import Decision, Problem, Skip


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
    # Which table was chosen and why, and the runner-up (French).
    choice: str = ""
    # The relance.toml that --suggest-config wrote the guessed [columns] into.
    config_written: str | None = None
    # Each field read: {"field", "label" (French), "header", "evidence" (why that column)}.
    fields: list[dict[str, str]] = field(default_factory=list)
    # What the reading decided for groups of rows (statuses, totals, placeholders), counted.
    decisions: list[Decision] = field(default_factory=list)
    # Why `relance run` would refuse this workbook (French; its exit code 1), or None.
    would_stop: str | None = None
    # The table's headers read as no field (« client_adresse » before it was known).
    unread: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document of `check --json`."""
        return asdict(self)


__all__ = ["CheckResult"]
