"""The day's output folder beside the workbook, relances/<date>, belongs to one workbook: two
workbooks of one folder run the same day wrote into the same one, the second's letters,
bundles and report over the first's, and the page reopened on the first linked the other's
letters (review-clerk4 H1). A run marks the folder it writes with its workbook's name; another
workbook's run that day writes relances/<date> <its name> instead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

MARK = ".classeur"  # the name of the workbook whose run the day's folder holds
FOLDER = "relances"


def day_folder(ledger: Path, as_of: dt.date | str) -> Path:
    """relances/<date> beside the workbook, or relances/<date> <its name> when that folder
    holds another workbook's run."""
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    home = ledger.resolve().parent / FOLDER
    owner = _owner(home / day)
    return home / day if owner in (None, ledger.name) else home / f"{day} {ledger.stem}"


def claim_day_folder(ledger: Path, out: Path) -> None:
    """Mark a day's folder beside the workbook as its run's, once the run has written it
    (nothing for a folder of --out elsewhere, one not made, or one already marked)."""
    if not out.is_dir() or out.resolve().parent != ledger.resolve().parent / FOLDER:
        return
    try:
        if _owner(out) is None:
            (out / MARK).write_text(ledger.name, encoding="utf-8")
    except OSError:  # a mark is a help, never a reason to stop the run
        pass


def _owner(folder: Path) -> str | None:
    try:
        return (folder / MARK).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


__all__ = ["claim_day_folder", "day_folder"]
