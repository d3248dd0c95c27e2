"""What a read of the ledger gives: the invoice table, where it is, and what was decided."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .problems import Decision, Problem, Skip


@dataclass(frozen=True)
class Fingerprint:
    """Size, modification time and hash of the ledger file when it was read."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint:
        """Fingerprint a file as it is now."""
        stat = path.stat()
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return cls(stat.st_size, stat.st_mtime_ns, digest.hexdigest())


@dataclass(frozen=True)
class SheetRef:
    """Where the invoice table is: all the write-back needs to know of the ledger it read."""

    path: Path
    sheet: str
    header_row: int  # Excel row number of the header
    headers: tuple[str, ...]  # header texts, by 0-based column position
    positions: dict[str, int]  # canonical field -> 0-based column position
    fingerprint: Fingerprint


@dataclass(frozen=True)
class OtherSheet:
    """Another sheet as complete as the one read, and what is still owed on it (not read,
    not chased: review-pubwb7 MEDIUM-3)."""

    sheet: str
    invoices: tuple[str, ...]
    amount: float


@dataclass(frozen=True)
class Ledger:
    """The invoice table of a workbook, normalised, with what could not be used."""

    path: Path
    sheet: str
    sheets: tuple[str, ...]
    header_row: int  # Excel row number of the header
    headers: tuple[str, ...]  # header texts, by 0-based column position
    positions: dict[str, int]  # canonical field -> 0-based column position
    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    skipped: tuple[Skip, ...]
    fingerprint: Fingerprint
    warnings: tuple[str, ...] = field(default=())
    # Which table was chosen among the workbook's candidates, and why (French).
    choice: str = ""
    # Why each field was read from its column: its header, what the column holds (French).
    evidence: dict[str, str] = field(default_factory=dict)
    # What the reading decided for whole groups of rows (statuses, totals…), with counts.
    decisions: tuple[Decision, ...] = ()
    # The other sheets as complete as this one, with their invoices still owed (never read).
    elsewhere: tuple[OtherSheet, ...] = ()

    @property
    def columns(self) -> dict[str, str]:
        """Canonical field -> the header text it was found under."""
        return {name: self.headers[pos] for name, pos in self.positions.items()}

    @property
    def sheet_ref(self) -> SheetRef:
        """Where the table is, for the write-back."""
        return SheetRef(
            self.path, self.sheet, self.header_row, self.headers, self.positions, self.fingerprint
        )

    @property
    def invoice_count(self) -> int:
        """How many rows were read as invoices (with or without problems)."""
        return len(self.frame)


__all__ = ["Fingerprint", "Ledger", "OtherSheet", "SheetRef"]
