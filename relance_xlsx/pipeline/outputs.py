"""What a run writes besides the workbook (letters, bundle, drafts), removed on a disk error."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..ledger import Ledger, Problem
from ..letters import (
    Letter,
    write_held,
    write_letters,
)
from ..mail import (
    Messages,
    draft_run,
)
from ..policy import Decisions
from ..progress import Progress
from ..userfiles import refuse_linked_output


def refuse_links(ledger: Path, out: Path) -> None:
    """No symbolic link from the ledger's folder down to the output folder, nor inside it:
    writing a letter at a link's name would write through it, over whatever file it points
    to (a shared folder, a planted link to ~/.bashrc). The run's own files are never links."""
    refuse_linked_output(ledger, out)


@dataclass(frozen=True)
class Files:
    """What a run wrote besides the workbook, and what it noticed while writing."""

    bundle: Path | None = None
    pdfs: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def write_files(
    ready: list[Letter],
    held: list[Letter],
    messages: Messages,
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    pdf: bool,
    progress: Progress,
    now: dt.datetime,
) -> Files:
    """The letters to post and their bundle, the letters to complete, the e-mail drafts."""
    refuse_links(ledger.path, out)
    with _removed_on_disk_error(out):
        if held:
            write_held(held, settings, out, progress)
        if not ready:
            return Files()
        bundle, pdfs = write_letters(ready, settings, out, pdf, progress)
        if not messages.pending:
            return Files(bundle, pdfs)
        drafts, problems, warnings = draft_run(
            messages, ledger, decisions.frame, settings, out, as_of, pdf, progress, now
        )
        return Files(bundle, pdfs, drafts, problems, warnings)


@contextlib.contextmanager
def _removed_on_disk_error(out: Path) -> Iterator[None]:
    """On an OSError (a full disk), remove what was written meanwhile: no half letter stays."""
    before = _files_under(out)
    try:
        yield
    except OSError:
        _remove_partial(out, before)
        raise


def _files_under(folder: Path) -> dict[Path, tuple[int, int]]:
    """Every file under a folder, with its size and modification time."""
    if not folder.is_dir():
        return {}
    return {
        p: (s.st_size, s.st_mtime_ns) for p in folder.rglob("*") if (s := p.stat()) and p.is_file()
    }


def _remove_partial(out: Path, before: dict[Path, tuple[int, int]]) -> None:
    """Remove what this run wrote (new or rewritten files, then emptied folders)."""
    for path, stamp in _files_under(out).items():
        if before.get(path) != stamp:
            path.unlink(missing_ok=True)
    folders = sorted((p for p in out.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts))
    for folder in [*folders, out]:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only an empty one


__all__ = ["Files", "refuse_links", "write_files"]
