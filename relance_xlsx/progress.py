"""How the library reports long steps; the CLI draws them as progress bars."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """What the pipeline tells about long steps; the CLI shows it as a progress bar."""

    def start(self, label: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def stop(self) -> None: ...


class Quiet:
    """Reports nothing: the default for library callers and tests."""

    def start(self, label: str, total: int) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def stop(self) -> None:
        return None


__all__ = ["Progress", "Quiet"]
