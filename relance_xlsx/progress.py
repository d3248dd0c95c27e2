"""How the library reports long steps; the CLI draws them as progress bars."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    """What the pipeline tells about long steps; the CLI shows it as a progress bar.

    total 0 means a step whose length is unknown (an open-ended bar).
    """

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


@contextmanager
def step(progress: Progress, label: str) -> Iterator[None]:
    """A step without a count (reading, deciding, writing): an open-ended bar while it runs."""
    progress.start(label, 0)
    try:
        yield
    finally:
        progress.stop()


__all__ = ["Progress", "Quiet", "step"]
