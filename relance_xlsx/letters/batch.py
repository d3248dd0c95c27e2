"""Render a run's letters and their print bundle, on both cores when the batch is big."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..progress import Progress, Quiet
from .bundle import BundleWriter, Fragment, build_bundle, bundle_key, letter_fragment
from .compiled import compiled_template
from .payqr import add_payment_qr
from .render import jinja_env, render_letter

# Below this many letters a second process costs more (start-up, imports) than it saves.
PARALLEL_FROM = 300


@dataclass(frozen=True)
class LetterJob:
    """One letter to write: its template, its context and where it goes."""

    template: Path
    context: dict[str, Any]
    target: Path


@dataclass(frozen=True)
class _Task:
    job: LetterJob
    bundled: bool  # the fast bundle wants this letter's body back
    last: bool


def render_letters(
    jobs: Sequence[LetterJob], bundle: Path, progress: Progress, *, workers: int | None = None
) -> Path:
    """Write every letter, then the print bundle in the jobs' order; return the bundle's path."""
    templates = {job.template: compiled_template(job.template, jinja_env) for job in jobs}
    keys = {bundle_key(t) if t is not None else None for t in templates.values()}
    first = templates[jobs[0].template]
    writer = BundleWriter(first, bundle) if len(keys) == 1 and first is not None else None
    tasks = [_Task(job, writer is not None, i == len(jobs) - 1) for i, job in enumerate(jobs)]
    with ExitStack() as stack:
        # The pool's processes start before the progress bar's thread does.
        results = _results(tasks, _workers(len(jobs), workers), stack)
        progress.start("Lettres", len(jobs))
        try:
            _gather(results, writer, progress)
        except BrokenProcessPool:  # a worker could not start (or died): do it all here
            writer = BundleWriter(first, bundle) if writer is not None else None  # type: ignore[arg-type]
            _gather(map(_render, tasks), writer, Quiet())
        progress.stop()
    if writer is not None:
        return writer.close()
    return build_bundle([job.target for job in jobs], bundle)


def _gather(
    results: Iterator[Fragment | None], writer: BundleWriter | None, progress: Progress
) -> None:
    """Take the rendered letters in order into the bundle."""
    for fragment in results:
        if writer is not None and fragment is not None:
            writer.add(fragment)
        progress.advance()


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
    template = compiled_template(job.template, jinja_env)
    if template is None:  # only docxtpl itself can render this template
        render_letter(job.template, job.context, job.target)
        return None
    rendered = template.render(job.context)
    add_payment_qr(rendered, job.context)
    template.write(rendered, job.target)
    return letter_fragment(template, rendered, last=task.last) if task.bundled else None


__all__ = ["PARALLEL_FROM", "LetterJob", "render_letters"]
