"""Render a run's letters and their print bundle, on both cores when the batch is big."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .. import collector
from ..progress import Progress, Quiet
from .bundle import (
    BundleWriter,
    Fragment,
    Placement,
    build_bundle,
    bundle_key,
    letter_fragment,
)
from .compiled import compiled_template
from .layout import lay_out
from .payqr import add_payment_qr
from .plan import unpack
from .render import jinja_env, render_letter
from .sectionparts import template_kinds
from .typeset import typeset_letter

# Below this many letters a second process costs more (start-up, imports) than it saves.
PARALLEL_FROM = 300


@dataclass(frozen=True)
class LetterJob:
    """One letter to write: its template, its context and where it goes."""

    template: Path
    # A run's letters give it packed (plan.pack): unpacked by the process that renders it.
    context: dict[str, Any] | bytes
    target: Path

    def filled(self) -> dict[str, Any]:
        """The context, unpacked if it is packed."""
        return unpack(self.context) if isinstance(self.context, bytes) else self.context


@dataclass(frozen=True)
class _Task:
    job: LetterJob
    bundle: int  # which bundle the letter goes into
    place: Placement | None  # None: no fast bundle wants this letter's body back


def render_letters(
    jobs: Sequence[LetterJob],
    bundle: Path,
    progress: Progress,
    *,
    workers: int | None = None,
    duplex: bool = False,
) -> Path:
    """Write every letter, then the print bundle in the jobs' order; return the bundle's path."""
    made = render_bundles([(bundle, list(jobs))], progress, workers=workers, duplex=duplex)
    assert made[0] is not None  # a run writes letters only when it has some
    return made[0]


def render_bundles(
    groups: Sequence[tuple[Path, list[LetterJob]]],
    progress: Progress,
    *,
    workers: int | None = None,
    duplex: bool = False,
    meanwhile: Callable[[], None] | None = None,
) -> list[Path | None]:
    """Write every letter of every group, and each group's bundle in its jobs' order (None
    for a group without letters).

    Double-sided (duplex), each letter of a bundle starts on an odd page. meanwhile: the
    caller's own work, done in this process while the pool renders (called once).
    """
    asked = list(groups)
    groups = [(path, jobs) for path, jobs in asked if jobs]
    paths = {job.template for _, jobs in groups for job in jobs}
    templates = {path: compiled_template(path, jinja_env) for path in paths}
    keys = {path: bundle_key(t) for path, t in templates.items() if t is not None}
    writers: list[BundleWriter | None] = []
    tasks: list[_Task] = []
    for number, (path, jobs) in enumerate(groups):
        used = {job.template for job in jobs}  # a template's key read once, not per letter
        own = [templates[job.template] for job in jobs]
        fast = all(p in keys for p in used) and len({keys[p] for p in used}) == 1
        shared = frozenset(k for p in used for k in template_kinds(templates[p]))
        writers.append(BundleWriter(own[0], path) if fast and own[0] is not None else None)
        tasks += [
            _Task(job, number, Placement(i, i == len(jobs) - 1, duplex, shared) if fast else None)
            for i, job in enumerate(jobs)
        ]
    with ExitStack() as stack:
        # The pool's processes start before the progress bar's thread does.
        count = _workers(len(tasks), workers)
        results = _results(tasks, count, stack)
        progress.start("Lettres", len(tasks))
        try:
            pairs = zip(tasks, results, strict=True)
            _gather_beside(pairs, writers, progress, meanwhile if count > 1 else None)
        except BrokenProcessPool:  # a worker could not start (or died): do it all here
            writers = [BundleWriter(w.base, w.target) if w else None for w in writers]
            _gather(zip(tasks, map(_render, tasks), strict=True), writers, Quiet())
        progress.stop()
    if meanwhile is not None and count == 1:  # no pool to work beside
        meanwhile()
    made = {
        path: writer.close() if writer is not None else build_bundle([j.target for j in jobs], path)
        for writer, (path, jobs) in zip(writers, groups, strict=True)
    }
    return [made.get(path) for path, _ in asked]


def _gather(
    results: Iterator[tuple[_Task, Fragment | None]],
    writers: list[BundleWriter | None],
    progress: Progress,
) -> None:
    """Take the rendered letters in order into their bundles."""
    for task, fragment in results:
        writer = writers[task.bundle]
        if writer is not None and fragment is not None:
            writer.add(fragment)
        progress.advance()


def _gather_beside(
    results: Iterator[tuple[_Task, Fragment | None]],
    writers: list[BundleWriter | None],
    progress: Progress,
    meanwhile: Callable[[], None] | None,
) -> None:
    """The caller's work, done here while the pool renders (every letter was handed to it),
    then the rendered letters taken in order into their bundles."""
    if meanwhile is not None:
        # The caller's work makes rows and cells by the hundred thousand (the posting list,
        # each invoice's letter): the cycle collector walked the run's whole heap for them
        # (1.1 s at 200,000 invoices). What it leaves in cycles goes at the collector's next
        # pass over the young objects, once it is resumed.
        with collector.paused():
            meanwhile()
    _gather(results, writers, progress)


def _workers(count: int, asked: int | None) -> int:
    if asked is not None:
        return max(1, asked)
    return min(2, os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


# The tasks of the pools being run (by batch: two runs of the page's threads may overlap),
# which forked workers inherit: each is sent its index only, never its context (pickling
# thousands of contexts cost the parent as much as a worker spent rendering them).
_INHERITED: dict[int, list[_Task]] = {}
_batches = itertools.count()


def _results(tasks: list[_Task], workers: int, stack: ExitStack) -> Iterator[Fragment | None]:
    """Results in the tasks' order, from this process or from a small pool."""
    if workers == 1:
        return map(_render, tasks)
    # fork where it is safe (Linux): no re-import of the caller's main module, instant start.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    batch = next(_batches)
    if method == "spawn":
        # Spawned workers start as `python -c`, the current folder (the share) first on
        # their import path until they take this process's: not with this set (3.11+).
        os.environ["PYTHONSAFEPATH"] = "1"
    if method == "fork":
        _INHERITED[batch] = tasks
        # Called after the pool has shut down (registered before it is entered).
        stack.callback(_INHERITED.pop, batch, None)
    pool = stack.enter_context(
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    )
    chunk = max(1, min(32, len(tasks) // (workers * 8)))
    if method == "fork":
        return pool.map(partial(_render_inherited, batch), range(len(tasks)), chunksize=chunk)
    return pool.map(_render, tasks, chunksize=chunk)


def _render_inherited(batch: int, index: int) -> Fragment | None:
    """In a forked worker: the task at this index of the parent's batch."""
    return _render(_INHERITED[batch][index])


def _render(task: _Task) -> Fragment | None:
    """Write one letter; return its body for the bundle when the fast bundle is built."""
    job = task.job
    context = job.filled()
    template = compiled_template(job.template, jinja_env)
    if template is None:  # only docxtpl itself can render this template
        render_letter(job.template, context, job.target)
        return None
    rendered = template.render(context)
    add_payment_qr(rendered, context)
    lay_out(rendered, context)
    typeset_letter(rendered, context)
    # The bundle's section first: it typesets the letter's body with its own, at once.
    place = task.place
    fragment = letter_fragment(template, rendered, place) if place is not None else None
    template.write(rendered, job.target)
    return fragment


__all__ = ["PARALLEL_FROM", "LetterJob", "render_bundles", "render_letters"]
