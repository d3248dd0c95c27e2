"""One run at a time on a ledger: a lock file beside it, held for the whole run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import WorkbookError
from ..ooxml import mark_hidden, remove_stale_temporaries


def lock_path(ledger: Path) -> Path:
    """The lock beside the ledger's real file (a symbolic link shares its target's lock)."""
    target = Path(os.path.realpath(ledger))
    return target.with_name(f".{target.name}.relance-verrou")


@contextmanager
def ledger_lock(ledger: Path) -> Iterator[None]:
    """Hold the ledger's lock, or refuse at once in one sentence if another run holds it."""
    path = lock_path(ledger)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
        mark_hidden(path)  # beside the office's workbook, hidden in Explorer too
    except Timeout:
        raise WorkbookError(
            f"Une autre exécution de relance-xlsx travaille déjà sur {ledger.name} ; "
            "attendez qu'elle se termine puis relancez."
        ) from None
    try:
        remove_stale_temporaries(ledger)  # holding the lock: any left is from a dead run
        yield
    finally:
        lock.release()


__all__ = ["ledger_lock", "lock_path"]
