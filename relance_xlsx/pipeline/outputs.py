"""What a run writes besides the workbook (letters, bundle, drafts), removed on a disk error."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import Settings
from ..ledger import Ledger, Problem
from ..letters import (
    Letter,
    LetterRows,
    Printed,
    is_registered,
    letters_to_pdf,
    write_held,
    write_letters,
)
from ..mail import (
    Messages,
    draft_run,
)
from ..mailroom import Post, join_bundles, write_posting
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
    # The registered letters' Word bundle, and the posting list and PDF bundles.
    registered_bundle: Path | None = None
    post: Post = field(default_factory=Post)

    def page(self, letter: Letter) -> int | None:
        """The page of its PDF bundle on which a letter starts (None without --pdf)."""
        return self.post.starts.get(letter.path)

    def described(self) -> dict[str, Any]:
        """The run result's fields about these files."""
        return {
            "bundle": path_text(self.bundle),
            "pdfs": [str(p) for p in self.pdfs],
            "emails": [str(d) for d in self.drafts],
            "registered_bundle": path_text(self.registered_bundle),
            "registered_pdf": path_text(self.post.registered_pdf),
            "posting_list": path_text(self.post.posting_list),
            "posting_list_pdf": path_text(self.post.posting_pdf),
            "bundle_pdf": path_text(self.post.bundle_pdf),
        }

    drafts: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def write_files(
    ready: list[Letter],
    held: list[Letter],
    messages: Messages,
    ledger: Ledger,
    decisions: Decisions,
    data: LetterRows,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    pdf: bool,
    progress: Progress,
    now: dt.datetime,
    meanwhile: Callable[[], None] = lambda: None,
) -> Files:
    """The letters to post and their bundles, the posting list of the registered ones, the
    letters to complete, the e-mail drafts.

    meanwhile: the caller's work that needs none of these files, done (once) in this process
    while the worker processes render the letters, not after them.
    """
    refuse_links(ledger.path, out)
    with _removed_on_disk_error(out):
        if held:
            write_held(held, settings, out, progress)
        if not ready:
            meanwhile()
            return Files()
        registered = [x for x in ready if is_registered(x, settings)]
        listed: list[tuple[Path | None, list[str]]] = []

        def beside() -> None:  # the posting list reads the letters' records, not their files
            name = ledger.path.name
            listed.append(write_posting(registered, data, settings, out, as_of, name))
            meanwhile()

        printed = write_letters(ready, settings, out, progress, beside)
        posting, kept = listed[0]
        post, pdfs = (
            _pdfs(printed, posting, settings, out, progress) if pdf else (Post(posting), [])
        )
        files = Files(printed.bundle, pdfs, registered_bundle=printed.registered_bundle, post=post,
                      warnings=kept)  # fmt: skip
        if not messages.pending:
            return files
        drafts, problems, warnings = draft_run(
            messages, ledger, decisions.frame, settings, out, as_of, pdf, progress, now
        )
        return replace(files, drafts=drafts, problems=problems, warnings=kept + warnings)


def _pdfs(
    printed: Printed, posting: Path | None, settings: Settings, out: Path, progress: Progress
) -> tuple[Post, list[Path]]:
    """Every letter and the posting list as PDF (one LibreOffice batch), then the bundles
    joined from the letters' own PDFs: the bundle is the letters, page for page."""
    files = [x.path for x in printed.letters] + ([posting] if posting else [])
    by_file = dict(zip(files, letters_to_pdf(files, out, settings, progress), strict=True))
    post = join_bundles(printed, by_file, out / "pdf", settings.print.duplex)
    post = replace(
        post, posting_list=posting, posting_pdf=by_file.get(posting) if posting else None
    )
    joined = [p for p in (post.bundle_pdf, post.registered_pdf, post.posting_pdf) if p]
    return post, [*joined, *(by_file[x.path] for x in printed.letters)]


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


def path_text(path: Path | None) -> str | None:
    """A path as the result gives it (None stays None)."""
    return str(path) if path is not None else None


__all__ = ["Files", "path_text", "refuse_links", "write_files"]
