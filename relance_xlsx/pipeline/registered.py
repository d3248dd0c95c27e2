"""The LRAR numbers typed on earlier posting lists: found, checked, noted in the frame."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import Settings
from ..ledger import Ledger
from ..mailroom import (
    Listed,
    Recorded,
    journaled,
    keep_earlier_list,
    posting_lists,
    read_list,
    record_numbers,
    sent_key,
)
from ..workbook import JournalEntry, check_targets, dated_numbers, journal_lines


def typed_numbers(
    ledger: Ledger,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    warnings: list[str],
    *,
    write: bool,
    keep: bool = False,
) -> list[Recorded]:
    """The numbers to write into « N° recommandé », from the posting lists of the recent runs
    beside the ledger (relances/<date>/, or any folder beside it) and beside this run's
    folder; what cannot be read or written is added to warnings, one sentence each.

    They are noted in the ledger's frame at once, so that this run's journal lines and
    litigation files already name them. A run that writes the workbook checks first that the
    « N° recommandé » column fits (before any letter is written). keep: a run that writes its
    folder first keeps an earlier run's list there under its date (what is said of it names
    that file).
    """
    if keep:
        keep_earlier_list(out, as_of)
    found = [read_list(path) for path in posting_lists(list_folders(ledger.path, out), as_of)]
    lists = _own_lists(found, ledger, warnings)
    sent = sent_letters(ledger.path, settings.writeback.journal_sheet, lists)
    lists = journaled(lists, sent, warnings)
    header = ledger.columns.get("registered_no", settings.writeback.registered_header)
    column = f"« {header} » de la feuille « {ledger.sheet} »"
    listed = [x for x in lists if x.day]
    dated = dated_numbers(ledger.path, settings.writeback.journal_sheet)
    recorded, notes = record_numbers(ledger.frame, listed, column, as_of=as_of, dated=dated)
    warnings += notes
    if any(not r.dated_only for r in recorded) and write:
        check_targets(ledger.sheet_ref, settings.writeback, registered=True)
    for r in recorded:
        ledger.frame.at[r.index, "registered_no"] = r.number
    return recorded


def list_folders(ledger: Path, out: Path | None) -> list[Path]:
    """Where the posting lists of a workbook's runs are looked for, by the run and by the
    page alike: relances/, any folder beside the workbook (one given to --out), and beside
    the run's own folder. A list in a folder not named by its date is found by the date its
    hidden sheet keeps."""
    home = ledger.resolve().parent
    return [home / "relances", home, *([out.resolve().parent] if out is not None else [])]


def sent_letters(
    path: Path, sheet: str, lists: list[Listed]
) -> frozenset[tuple[dt.date, str, str]]:
    """The letters the journal records as written for the clients of these lists: (day,
    file name, invoice)."""
    if not path.is_file():
        return frozenset()
    clients = {line.client for x in lists for line in x.lines if line.number.strip()}
    return frozenset(
        sent_key(e.run_date, e.letter, e.invoice)
        for client in clients
        for e in journal_lines(path, sheet, client)
        if e.letter and e.invoice
    )


def _own_lists(lists: list[Listed], ledger: Ledger, warnings: list[str]) -> list[Listed]:
    """The lists written for this workbook (or before they said which): another workbook's
    in the same folder are left alone, said in one line."""
    name = ledger.path.name.casefold()
    mine = [not x.workbook or x.workbook.casefold() == name for x in lists]
    # Said only of a workbook no longer beside this one (renamed?): one that is there keeps
    # its own lists, nothing to do about them.
    home = ledger.path.resolve().parent
    others = [
        x
        for x, own in zip(lists, mine, strict=True)
        if not own and not (home / Path(x.workbook).name).is_file()
    ]
    if others:
        named = ", ".join(f"{x.name} (classeur « {x.workbook} »)" for x in others[:3])
        more = f" et {len(others) - 3} autre(s)" if len(others) > 3 else ""
        warnings.append(
            f"Listes de recommandés d'un autre classeur, non lues pour {ledger.path.name} : "
            f"{named}{more} ; si ce classeur a été renommé, notez ses n° de recommandé dans "
            "sa colonne « N° recommandé »."
        )
    return [x for x, own in zip(lists, mine, strict=True) if own]


def registered_entries(
    ledger: Ledger, recorded: list[Recorded], as_of: dt.date
) -> list[JournalEntry]:
    """One journal line per invoice whose LRAR number this run writes."""
    frame = ledger.frame
    return [
        JournalEntry(
            as_of,
            r.invoice,
            r.client,
            _text(frame.at[r.index, "level_text"]),
            _registered_text(r),
            float(frame.at[r.index, "outstanding"]),
            0.0,
            0.0,
            r.letter,
        )
        for r in recorded
    ]


def _registered_text(r: Recorded) -> str:
    """« LRAR n° … (déposée le 23/11/2026) » with the date of posting typed on the list;
    without it, the list's date, which says when the letters were printed, not posted."""
    if r.posted is not None:
        return f"LRAR n° {r.number} (déposée le {r.posted:%d/%m/%Y})"
    return f"LRAR n° {r.number} (liste d'envoi du {r.listed:%d/%m/%Y})"


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


__all__ = ["list_folders", "registered_entries", "typed_numbers"]
