"""What a run found wrong with the ledger: problems (row kept out) and skipped rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """A row, column and value the tool could not use, and why (in French)."""

    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: Severity = "error"

    def describe(self) -> str:
        """One French line naming where the problem is and what it is."""
        parts = []
        if self.row is not None:
            parts.append(f"ligne {self.row}")
        if self.column:
            parts.append(f"colonne « {self.column} »")
        if self.value is not None:
            parts.append(f"valeur « {self.value} »")
        where = ", ".join(parts)
        return f"{where} : {self.message}" if where else self.message


@dataclass(frozen=True)
class Skip:
    """A row that is not an invoice (blank, total…), with the reason it was passed over."""

    row: int
    reason: str


@dataclass(frozen=True)
class Decision:
    """What the reading decided for a number of rows, listed by `check` with its count: a
    status read as paid or not to chase, a placeholder invoice number, a totals row…"""

    what: str
    count: int


def totals_decisions(totals: list[Skip]) -> tuple[Decision, ...]:
    """The rows of totals passed over, each said as a decision of the read."""
    return tuple(Decision(f"Lignes écartées : {s.reason}", 1) for s in totals)


__all__ = ["Decision", "Problem", "Severity", "Skip", "totals_decisions"]
