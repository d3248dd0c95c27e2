"""A header mapping being judged by its columns' content: what each rule reads and changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .columns import header_words
from .profile import Profiles


class Case:
    """The mapping being judged, the profiles of its columns, and what was said."""

    def __init__(
        self, positions: Mapping[str, int], row: Sequence[Any], profiles: Profiles, fixed: set[str]
    ) -> None:
        self.pos = dict(positions)
        self.names = {j: str(v).strip() for j, v in enumerate(row) if isinstance(v, str)}
        self.names = {j: n for j, n in self.names.items() if n}
        self.profiles = profiles
        self.fixed = fixed
        # The columns relance.toml named, whatever field they stand for now: never moved.
        self.fixed_columns = {j for f, j in positions.items() if f in fixed}
        self.evidence: dict[str, str] = {}
        self.notes: list[str] = []

    def name(self, column: int) -> str:
        """The column's header as written (« colonne 5 » when it has none)."""
        return self.names.get(column, f"colonne {column + 1}")

    def words(self, column: int) -> set[str]:
        """The folded words of the column's header."""
        return set(header_words(self.names.get(column, "")).split())

    def free(self) -> list[int]:
        """Columns with a header that no field uses."""
        used = set(self.pos.values())
        return [j for j in sorted(self.names) if j not in used]

    def movable(self, field: str) -> int | None:
        """The field's column, unless relance.toml named it (the user's word wins)."""
        return None if self.is_fixed(field) else self.pos.get(field)

    def move(self, old: str, new: str, evidence: str, note: str) -> None:
        """The column read as old is read as new, with the evidence `check` shows and the
        note the run says."""
        self.pos[new] = self.pos.pop(old)
        self.evidence[new] = evidence
        self.notes.append(note)

    def is_fixed(self, field: str) -> bool:
        """Whether relance.toml named this field or the column it holds."""
        return field in self.fixed or self.pos.get(field, -1) in self.fixed_columns

    def numeric(self, column: int) -> bool:
        """Whether the column holds amounts (not a counter, not references)."""
        p = self.profiles[column]
        return p.filled > 0 and p.numbers >= 0.8 and not (p.counter or p.sequence)


def percent(share: float) -> str:
    """0.95 -> « 95 % »."""
    return f"{round(share * 100)} %"


__all__ = ["Case", "percent"]
