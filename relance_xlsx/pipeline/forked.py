"""Work done in a forked process while this one does other work: the steps after the
write-back (the report, the litigation files) kept one core busy while the other waited.

On Linux the work runs in a child forked at once (it inherits the run's heap, nothing is
sent to it); elsewhere, or when no process can be made, it runs here when its result is
asked for. A child that fails in any way (an error, killed, a result that cannot travel)
has its work done again here: the error the user sees is the one the work raises without a
child, raised by the same code. A run that stops (an error, Ctrl-C) kills the child.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


class Forked(Generic[T]):
    """work() in a child process from now on; its result with result(), once."""

    def __init__(self, work: Callable[[], T], *, fork: bool = True) -> None:
        self._work = work
        self._child: Any = None
        self._reader: Connection | None = None
        if not fork or not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2:
            return
        context = multiprocessing.get_context("fork")
        try:
            reader, writer = context.Pipe(duplex=False)
            child = context.Process(target=_serve, args=(work, writer), daemon=True)
            child.start()
        except OSError:  # no process (memory, limits): the work is done here
            return
        writer.close()
        self._child, self._reader = child, reader

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def result(self) -> T:
        """The work's result: the child's, or made here if there is no child or it failed."""
        reader, self._reader = self._reader, None
        if reader is None:
            return self._work()
        try:
            done, value = reader.recv()
        except (EOFError, OSError, pickle.UnpicklingError, AttributeError, TypeError):
            done, value = False, None  # died, or its result did not travel
        finally:
            reader.close()
            self.stop()
        if done:
            return cast(T, value)
        return self._work()  # again here: the same result, or the same error raised

    def stop(self) -> None:
        """Kill the child if it still runs, and wait for it: none is left behind."""
        child, self._child = self._child, None
        if child is None:
            return
        if child.is_alive():
            child.kill()
        child.join()
        child.close()


def _serve(work: Callable[[], Any], writer: Connection) -> None:
    """In the child: do the work, send back (True, its result), or (False, None) on error."""
    try:
        value = work()
    except BaseException:  # the parent does the work again and raises it itself
        with contextlib.suppress(Exception):
            writer.send((False, None))
        return
    try:
        writer.send((True, value))
    except Exception:  # a result that does not pickle: made again by the parent
        with contextlib.suppress(Exception):
            writer.send((False, None))


__all__ = ["Forked"]
