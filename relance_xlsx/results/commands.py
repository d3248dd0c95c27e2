"""What `relance report` and `relance send` return: frozen results, rendered as a table or
JSON by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..figures import ManagerReport
from ..mail import Delivery


@dataclass(frozen=True)
class ReportResult:
    """What `relance report` computed, and where rapport.xlsx (and its PDF) were written."""

    figures: ManagerReport
    xlsx: str | None = None
    pdf: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document of `report --json`: the figures, and the files."""
        return {
            **self.figures.to_json(),
            "xlsx": self.xlsx,
            "pdf": self.pdf,
            "warnings": self.warnings,
        }


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


__all__ = ["ReportResult", "SendResult"]
