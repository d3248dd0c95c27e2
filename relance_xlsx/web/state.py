"""What the page remembers while it is open: the workbook, the one job running, the files
it may serve, the recent workbooks, the last sign of life from the browser."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RelanceError
from ..userfiles import write_bytes_atomically
from ..wording import describe_error
from .plain import page_error

RECENT_MAX = 8


def home_folder() -> Path:
    """Where the page keeps its list of recent workbooks (one small JSON file)."""
    base = os.environ.get("APPDATA") or os.environ.get("XDG_CONFIG_HOME") or "~/.config"
    return Path(base).expanduser() / "relance-xlsx"


class JobProgress:
    """The library's Progress, kept for the page to poll: the step, how far, how many."""

    def __init__(self) -> None:
        self.label, self.done, self.total = "Préparation", 0, 0

    def start(self, label: str, total: int) -> None:
        """A step begins."""
        self.label, self.done, self.total = label, 0, total

    def advance(self, n: int = 1) -> None:
        """Some of the step is done."""
        self.done += n

    def stop(self) -> None:
        """The step is over."""
        self.done = self.total


@dataclass
class Job:
    """One piece of work of the page (preview, run, sending), run in a thread."""

    kind: str  # "apercu", "traitement", "envoi"
    progress: JobProgress = field(default_factory=JobProgress)
    result: Any = None
    error: str | None = None
    finished: bool = False

    def as_json(self) -> dict[str, Any]:
        """What the page's script polls."""
        p = self.progress
        return {
            "kind": self.kind,
            "label": p.label,
            "done": p.done,
            "total": p.total,
            "finished": self.finished,
            "error": self.error,
        }


class UiState:
    """The page's memory. One job at a time: a second is refused while one runs."""

    def __init__(self, token: str, ledger: Path | None, recent_file: Path | None) -> None:
        self.token = token
        self.ledger = ledger
        self.recent_file = recent_file
        self.home: Path | None = None  # where Documents, Desktop… are (None: the user's)
        # The previews' own folder (a temporary one): nothing there is the office's file.
        self.preview_root = Path(tempfile.gettempdir())
        self.job: Job | None = None
        self.preview: Any = None  # the RunResult of the last preview
        self.seen: str | None = None  # the workbook's content hash when it was previewed
        self.preview_note: str | None = None  # why that preview was made, said with it
        self.last_run: Any = None  # the RunResult of the last real run
        self.sent: Any = None
        self.ran_at: dt.datetime | None = None  # when the last real run ended
        # The date of the run: today by default, kept from one step to the next.
        self.day = dt.date.today()
        self.holds: list[Any] = []  # HoldBack chosen in the preview (« Ne pas envoyer »)
        self.closed = False  # « Quitter » was clicked: every page says it is closed
        # What « Tester l'envoi » gave, shown once by the settings page: ("sent"|"tried", text).
        self.notice: tuple[str, str] | None = None
        self.roots: set[Path] = set()  # the only folders files are served from
        self.last_seen = time.monotonic()
        self.seen_once = False
        self.quit = threading.Event()
        self._lock = threading.Lock()

    def start(self, kind: str, work: Callable[[JobProgress], Any]) -> bool:
        """Start work in a thread; False when a job is already running."""
        with self._lock:
            if self.job is not None and not self.job.finished:
                return False
            job = self.job = Job(kind)

        def target() -> None:
            try:
                job.result = work(job.progress)
            except RelanceError as exc:
                job.error = page_error(exc)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:  # OSError, a library's own error, a bug: in French
                job.error = describe_error(exc)
            finally:
                job.finished = True

        threading.Thread(target=target, name=f"relance-{kind}", daemon=True).start()
        return True

    def busy(self) -> bool:
        """Whether a job is running now."""
        return self.job is not None and not self.job.finished

    def serve_from(self, folder: str | Path | None) -> None:
        """Allow the files of this output folder to be opened from the page."""
        if folder:
            self.roots.add(Path(folder).resolve())

    def servable(self, name: str) -> Path | None:
        """The file asked for, if it lies inside one of the output folders; else None."""
        try:
            path = Path(name).resolve()
        except (OSError, ValueError):
            return None
        inside = any(path.is_relative_to(root) for root in self.roots)
        return path if inside and path.is_file() else None

    def alive(self) -> None:
        """The page said it is still open."""
        self.last_seen, self.seen_once = time.monotonic(), True

    def recent(self) -> list[str]:
        """This person's workbooks opened before, most recent first, those still on disk.

        The list is kept in this user's own folder (APPDATA, XDG_CONFIG_HOME) and names its
        owner: a list left by someone else (a shared profile, a copied folder) is not shown.
        """
        if self.recent_file is None or not self.recent_file.is_file():
            return []
        try:
            data = json.loads(self.recent_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, dict) or data.get("user") != _user():
            return []
        names = data.get("files", [])
        return [n for n in names if isinstance(n, str) and _readable(n)][:RECENT_MAX]

    def remember(self, ledger: Path) -> None:
        """Put this workbook first in the recent list (best effort: never fails the page)."""
        if self.recent_file is None:
            return
        names = [str(ledger)] + [n for n in self.recent() if n != str(ledger)]
        try:
            self.recent_file.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"user": _user(), "files": names[:RECENT_MAX]}).encode("utf-8")
            # the names of one's files are one's own
            write_bytes_atomically(self.recent_file, data, mode=0o600)
        except OSError:
            pass


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment: no recent list either
        return ""


def _readable(name: str) -> bool:
    path = Path(name)
    return path.is_file() and os.access(path, os.R_OK)


__all__ = ["Job", "JobProgress", "UiState", "home_folder"]
