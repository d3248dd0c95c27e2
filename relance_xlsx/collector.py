"""Python's cycle collector, paused while a run makes millions of small objects at once."""

from __future__ import annotations

import ctypes
import functools
import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


def _after_fork() -> None:
    """A forked child (the ledger read ahead) starts with a free lock: another thread of the
    parent may have held it at the fork, and no thread of the child would ever release it."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cycle collector for a bulk step, and restore it as it was.

    Cells, values, rows and results hold no reference cycles, yet each collection walks
    every one of them: at a million rows this is 2 s of the 3.4 s calamine takes to make
    the cells, and several seconds of building the results.
    """
    global _pauses, _was_enabled
    # The page runs in threads: pauses nest, and the last one out restores the collector.
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def give_back() -> None:
    """Hand the memory freed so far back to the system (glibc's malloc_trim), before a step
    that needs a lot of it: freed blocks between live ones otherwise stay the process's.
    Nothing where the C library has no such call (Windows, macOS, musl)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


__all__ = ["give_back", "paused"]
