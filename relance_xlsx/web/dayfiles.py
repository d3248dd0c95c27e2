"""A day's run found again on disk: when the page is opened after the day's run, its
letters, print bundle and report are linked from the output folder beside the workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import day_folder

# The run's own names (letters/bundle.py, pipeline/figures.py): the bundle and the report.
BUNDLE = "a_imprimer"
REGISTERED = "recommandes"  # the registered letters' bundle (issue 33): not a letter
REPORT = "rapport"
POSTING = "liste_recommandes"  # the registered letters' posting list (mailroom)


@dataclass(frozen=True)
class DayFiles:
    """What a day's output folder holds: letters (Word, with their PDF when made), the print
    bundle, the report, the e-mails prepared."""

    folder: Path
    letters: list[tuple[Path, Path | None]] = field(default_factory=list)
    bundle: list[Path] = field(default_factory=list)
    report: list[Path] = field(default_factory=list)
    emails: int = 0
    # The registered letters' bundle and their posting list (review-clerk4 M3: left out).
    registered: list[Path] = field(default_factory=list)
    posting: list[Path] = field(default_factory=list)


def day_files(ledger: Path, as_of: str) -> DayFiles:
    """The files of the run of as_of, in relances/<date> beside the workbook (none when the
    folder is not there: a run written elsewhere with --out)."""
    folder = day_folder(ledger, as_of)
    if not folder.is_dir():
        return DayFiles(folder)
    pdf = folder / "pdf"
    letters = [
        (p, pdf / f"{p.stem}.pdf" if (pdf / f"{p.stem}.pdf").is_file() else None)
        for p in sorted(folder.glob("*.docx"))
        if p.stem not in (BUNDLE, REGISTERED) and not p.name.startswith("~$")
    ]
    bundle = sorted([*pdf.glob(f"{BUNDLE}.pdf"), *folder.glob(f"{BUNDLE}.*")], reverse=True)
    report = sorted(folder.glob(f"{REPORT}.*"), key=lambda p: p.suffix != ".pdf")
    emails = len(list((folder / "emails").glob("*.eml")))
    registered = sorted([*pdf.glob(f"{REGISTERED}.pdf"), *folder.glob(f"{REGISTERED}.*")])
    posting = sorted(folder.glob(f"{POSTING}.*"), key=lambda p: p.suffix != ".pdf")
    return DayFiles(folder, letters, bundle, report, emails, registered, posting)


def after_run(as_of: str, letters: int, today: dt.date | None = None) -> str:
    """What a preview made after its day's run says of its letters: they go with the next
    run (the day's run is made once), from the day after."""
    day = dt.date.fromisoformat(as_of)
    done = f"Le traitement du {day:%d/%m/%Y} est déjà fait"
    if not letters:
        return f"{done} : rien de plus ne partira ce jour-là."
    nxt = day + dt.timedelta(days=1)
    when = "de demain" if day == (today or dt.date.today()) else f"du {nxt:%d/%m/%Y}"
    these = "ces lettres partiront" if letters > 1 else "cette lettre partira"
    return f"{done} : {these} au prochain traitement (à partir {when})."


__all__ = ["DayFiles", "after_run", "day_files"]
