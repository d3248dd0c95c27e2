"""The week's post, once the letters are written: the posting list, the PDF bundles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..letters import Letter, LetterRows, Printed
from .joining import join_letters
from .listfind import archived_name
from .posting import LIST_NAME, posting_lines, with_numbers, write_posting_list
from .typed import read_list

BUNDLE_PDF = "a_imprimer.pdf"
REGISTERED_PDF = "recommandes.pdf"


@dataclass(frozen=True)
class Post:
    """What the mailroom gets besides the letters: the PDF bundles and the posting list."""

    posting_list: Path | None = None
    bundle_pdf: Path | None = None
    registered_pdf: Path | None = None
    posting_pdf: Path | None = None
    # The first page of each letter in its PDF bundle, by the letter's .docx.
    starts: dict[Path, int] = field(default_factory=dict)


def write_posting(
    registered: Sequence[Letter],
    data: LetterRows,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    workbook: str = "",
) -> tuple[Path | None, list[str]]:
    """The posting list of the registered letters (None without any), and a warning when the
    office's list of this folder had to be kept aside.

    Numbers already typed on this folder's list (a run done again the same day) are kept. A
    list of an earlier run (a folder given to --out each week) is kept as « liste_recommandes
    du <date>.xlsx », still read back. A list that cannot be read back whole is not
    overwritten: it is kept under another name, with the numbers typed on it. workbook: the
    ledger's file name, kept in the list's hidden sheet.
    """
    if not registered:
        return None, []
    target = out / LIST_NAME
    lines = posting_lines(registered, data)
    warnings = []
    keep_earlier_list(out, as_of)
    if target.is_file():
        before = read_list(target)
        if (before.problem and not before.cells) or before.notes:
            kept = _kept_aside(target)
            warnings.append(
                f"La liste de dépôt {before.name} ne se relit pas entière (voir l'avertissement "
                f"qui la nomme) : elle est gardée sous le nom « {kept.name} », une nouvelle liste "
                "la remplace ; recopiez-y les n° de recommandé déjà notés."
            )
        else:
            lines = with_numbers(lines, before.lines)
    creditor = (registered[0].context or {}).get("creditor", {})
    sender = ", ".join(
        p for p in (str(creditor.get("name", "")), str(creditor.get("address", ""))) if p
    )
    written = write_posting_list(lines, target, sender=sender, as_of=as_of, workbook=workbook)
    return written, warnings


def keep_earlier_list(out: Path, as_of: dt.date) -> Path | None:
    """A folder --out gives again: its earlier run's list kept as « liste_recommandes du
    <date>.xlsx » (read back by the next runs), before this run reads it, so that what it
    says of that list names the file it is now. Its new name, or None."""
    target = out / LIST_NAME
    if not target.is_file():
        return None
    day = read_list(target).day
    if day is None or day == as_of:
        return None
    kept = _free_name(target.with_name(archived_name(day.isoformat())))
    target.replace(kept)
    return kept


def _free_name(path: Path) -> Path:
    """The path, or « … (2).xlsx », « … (3).xlsx »… when it is taken."""
    n = 2
    found = path
    while found.exists():
        found = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return found


def _kept_aside(target: Path) -> Path:
    """The office's list renamed « liste_recommandes (ancienne).xlsx » (or « (ancienne 2) »…)."""
    n = 1
    while True:
        label = "ancienne" if n == 1 else f"ancienne {n}"
        kept = target.with_name(f"{target.stem} ({label}){target.suffix}")
        if not kept.exists():
            target.replace(kept)
            return kept
        n += 1


def join_bundles(printed: Printed, pdfs: dict[Path, Path], folder: Path, duplex: bool) -> Post:
    """a_imprimer.pdf and recommandes.pdf, from the letters' own PDFs, in print order."""
    starts: dict[Path, int] = {}
    made: list[Path | None] = []
    for letters, name in ((printed.ordinary, BUNDLE_PDF), (printed.registered, REGISTERED_PDF)):
        if not letters:
            made.append(None)
            continue
        parts = [(pdfs[x.path], x.plan.language) for x in letters]
        joined = join_letters(parts, folder / name, duplex=duplex)
        starts.update(zip((x.path for x in letters), joined.starts, strict=True))
        made.append(joined.path)
    return Post(None, made[0], made[1], None, starts)


__all__ = [
    "BUNDLE_PDF",
    "REGISTERED_PDF",
    "Post",
    "join_bundles",
    "keep_earlier_list",
    "write_posting",
]
