"""Work on every letter of a run, in order, on both cores when there are many: the letters'
contexts and checks (24 s of CPU at a million invoices) were made in the main process alone
while the other core waited for the letters to render."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar, cast

from ..progress import Progress
from .batch import PARALLEL_FROM

T = TypeVar("T")

# The work of the pools being run, which forked workers inherit (each is sent an index, never
# the rows it reads): by batch, two runs of the page's threads may overlap.
_INHERITED: dict[int, Callable[[int], object]] = {}
_batches = itertools.count()


def in_order(count: int, work: Callable[[int], T], progress: Progress, label: str) -> Iterator[T]:
    """work(0) … work(count - 1), in order: in two forked processes on Linux for a big run (the
    results come back pickled), else here. The progress bar (label, count) is started again
    once the processes are made: none is forked while its thread runs."""
    workers = min(2, os.cpu_count() or 1) if count >= PARALLEL_FROM else 1
    if workers == 1 or not sys.platform.startswith("linux"):
        yield from map(work, range(count))
        return
    batch = next(_batches)
    _INHERITED[batch] = work
    progress.stop()
    done, started = 0, False
    try:
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.freeze
        ) as pool:
            chunk = max(1, min(32, count // (workers * 8)))
            results = pool.map(_inherited, itertools.repeat(batch), range(count), chunksize=chunk)
            progress.start(label, count)
            started = True
            try:
                for result in results:
                    done += 1
                    yield cast(T, result)  # work's own result, pickled
            except BaseException:  # an error, or the caller stopped: no more letters made
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    except (BrokenProcessPool, OSError):  # no fork (memory), a worker died: the rest here
        if not started:
            progress.start(label, count)
        yield from map(work, range(done, count))
    finally:
        _INHERITED.pop(batch, None)


def _inherited(batch: int, index: int) -> object:
    """In a forked worker: the batch's work on this index (its inherited heap frozen: the
    cycle collector never walks the run's rows)."""
    return _INHERITED[batch](index)


__all__ = ["in_order"]
