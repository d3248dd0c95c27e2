"""Where the posting lists of the recent runs are: each run's folder, or a folder given to
--out whatever its name, found again by the date the list keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .posting import LIST_NAME
from .typed import folder_day, keys_day

# A posting list is read back for this many days after its date: numbers are typed within
# days, and a run need not open years of lists.
READ_BACK_DAYS = 120


def posting_lists(folders: Iterable[Path], as_of: dt.date, *, later: bool = False) -> list[Path]:
    """The posting lists of the runs in the subfolders of these folders (relances/<date>/, or
    a folder given to --out, whatever its name), recent ones only (and those dated after
    as_of, with later)."""
    found: dict[Path, None] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        paths = [*folder.glob(f"*/{LIST_NAME}"), *folder.glob(f"*/{archived_name('*')}")]
        for path in sorted(paths):
            day = list_day(path)
            if day and (later or day <= as_of) and (as_of - day).days <= READ_BACK_DAYS:
                found[path.absolute()] = None  # not resolved: a link is named as found
    return list(found)


def archived_name(day: str) -> str:
    """The name of a list of an earlier run kept in a folder --out gives again."""
    return f"{Path(LIST_NAME).stem} du {day}{Path(LIST_NAME).suffix}"


def list_day(path: Path) -> dt.date | None:
    """The letters' date of a posting list: its folder's name when it is a date, else the
    date its hidden sheet keeps (a folder given to --out), else, for a list that cannot be
    read, the day it was last saved (so that its problem is said, for a while)."""
    day = folder_day(path)
    return day if day is not None else keys_day(path)


__all__ = ["READ_BACK_DAYS", "archived_name", "list_day", "posting_lists"]
