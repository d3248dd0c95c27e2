"""Write the status into the user's workbook, change nothing else, and save atomically."""

from __future__ import annotations

import datetime as dt
import gc
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import collector
from ..config import Writeback
from ..errors import WorkbookError
from ..ledger import Fingerprint, SheetRef, unwritable_format
from ..ooxml import (
    NewCell,
    Package,
    SheetXml,
    Styles,
    add_column_widths,
    inflate_member,
    made_valid,
    pack,
    rowsplit,
    save_atomically,
    strings_made_valid,
    style_at,
    widen_dimension,
)
from .columns import (
    HOLD_FIELD,
    REGISTERED_FIELD,
    WIDTHS,
    StatusUpdate,
    extend_tables,
    headers_of,
    refuse_taken_headers,
    status_cells,
    status_columns,
)
from .journal import JournalEntry, add_journal, existing_keys, set_full_calc_on_load
from .journalread import remember_appended
from .openlocks import lock_files, lock_owner


@dataclass(frozen=True)
class WritebackResult:
    """What the write-back did."""

    rows_written: int
    journal_lines: int
    columns_added: tuple[str, ...]
    backup: Path | None


def preflight(path: Path, fingerprint: Fingerprint | None = None) -> None:
    """Refuse, in one sentence, to write a workbook that is open, changed or not writable."""
    unwritable = unwritable_format(path)
    if unwritable:
        raise WorkbookError(f"{unwritable}.")
    locks = lock_files(path)
    if locks:
        owner = lock_owner(locks[0])
        by = f" par {owner}" if owner else ""
        # A program that crashed leaves its owner file: nobody has the workbook open then.
        who = "Excel" if locks[0].name.startswith("~$") else "LibreOffice"
        raise WorkbookError(
            f"{path.name} est ouvert{by} dans Excel ou LibreOffice ({locks[0].name}) ; "
            f"fermez-le puis réessayez ; si personne ne l'a ouvert ({who} fermé brutalement), "
            f"supprimez le fichier caché {locks[0].name} à côté du classeur."
        )
    if _marked_read_only(path):
        raise WorkbookError(
            f"{path.name} est marqué en lecture seule : comme Excel, relance-xlsx ne remplace "
            "pas un fichier protégé contre l'écriture ; retirez cette marque (Propriétés du "
            "fichier) si le classeur doit être mis à jour, ou relancez avec --no-write-back."
        )
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        raise WorkbookError(
            f"Le dossier ou le fichier {path} n'est pas modifiable ; vérifiez "
            "les droits d'écriture."
        )
    if fingerprint is not None and Fingerprint.of(path).sha256 != fingerprint.sha256:
        raise WorkbookError(
            f"{path.name} a été modifié depuis sa lecture ; relancez pour repartir de la "
            "version actuelle."
        )


def _marked_read_only(path: Path) -> bool:
    """The file's read-only mark (Windows' attribute, no write bit on Unix), which the
    administrator (root) could ignore: a file marked so is never replaced."""
    try:
        return not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False


def check_targets(ledger: SheetRef, options: Writeback, *, registered: bool = False) -> None:
    """Refuse, before any letter is written, a write-back that could not be done right."""
    if options.journal_sheet == ledger.sheet:
        raise WorkbookError(
            f"[writeback] journal_sheet nomme la feuille des factures « {ledger.sheet} » : "
            "le journal a besoin de sa propre feuille ; choisissez un autre nom dans "
            "relance.toml."
        )
    _, added = status_columns(ledger, registered=registered)
    refuse_taken_headers(ledger, options, added)
    existing_keys(str(ledger.path), options.journal_sheet)


# The status cells and journal rows are objects by the hundred thousand, none in a reference
# cycle: the cycle collector would walk the run's whole heap again and again meanwhile.
@collector.paused()
def write_back(
    ledger: SheetRef,
    updates: list[StatusUpdate],
    journal: list[JournalEntry],
    options: Writeback,
    *,
    now: dt.datetime,
    registered: Sequence[tuple[int, str]] = (),
) -> WritebackResult:
    """Write status cells and journal lines into the ledger file, atomically, with a backup.

    registered: LRAR numbers (Excel row, number) for the « N° recommandé » column.
    """
    # The garbage in reference cycles that the steps before left (an XlsxWriter workbook's
    # cells: 80 MB at 200,000 invoices) is freed before this step's peak, the run's highest:
    # the collector is paused until the end.
    gc.collect()
    collector.give_back()  # what the letters and their contexts held, before this peak
    path = ledger.path
    preflight(path, ledger.fingerprint)
    read = path.stat()  # the version edited (the guard checks it is still there at the end)
    package = Package.open(str(path))
    part = package.sheet_part(ledger.sheet)
    styles = Styles(package)
    date_style = styles.date_style()
    hold = any(u.hold_until is not None for u in updates)
    positions, added = status_columns(ledger, hold, registered=bool(registered))
    headers = headers_of(options)
    sheet = SheetXml(_sheet_bytes(package, part))
    cells: dict[int, tuple[NewCell, ...]] = {}
    if added:
        last_header = max((i for i, h in enumerate(ledger.headers) if h), default=0)
        header_style = style_at(sheet.data, sheet, ledger.header_row, last_header)
        cells[ledger.header_row] = tuple(
            NewCell(positions[f], text=headers[f], style=header_style, keep_style=False)
            for f in added
        )
    _row_cells(cells, updates, registered, positions, date_style)
    prefix, has_formulas = sheet.prefix, sheet.has_formulas
    widths = {positions[f]: WIDTHS[f] for f in added}

    def before_rows(opening: bytes, max_col: int) -> bytes:
        """The dimension and the new columns' widths, in what comes before the rows."""
        return add_column_widths(widen_dimension(opening, max_col), widths, prefix)

    # A big sheet's rows are edited partly in a second process while this one edits the
    # rest and writes the journal; the sheet as read is let go as soon as its part is edited.
    reread = lambda: SheetXml(_sheet_bytes(package, part), prefix)  # noqa: E731
    with rowsplit.RowEdit(sheet, cells, styles.date_styles(), reread) as edit:
        del sheet
        edit.edit_head()
        lines = add_journal(package, options.journal_sheet, journal, date_style) if journal else []
        if lines:  # checked and compressed now: its XML is let go before the sheet's comes
            pack(package, [package.sheet_part(options.journal_sheet)])
        if cells:
            data, _ = edit.result(before_rows)
            if added:
                extend_tables(
                    package,
                    part,
                    ledger.header_row,
                    [positions[f] for f in added],
                    [headers[f] for f in added],
                )
            package.write(part, data, tail=edit.tail)
            del data  # the package's, let go once compressed
    del edit  # the sheet as read, if still there, is not needed while saving (430 MB)
    if not package.changed and not package.packed:
        return WritebackResult(0, 0, (), None)
    if has_formulas:
        set_full_calc_on_load(package)
    strings_made_valid(package)  # a character XML forbids there: the reading named its cells
    guard = unchanged(ledger.fingerprint)
    backup = save_atomically(
        package, path, options.backups_to_keep, now, guard=guard,
        saved=_journal_known(path, options.journal_sheet, read, lines, package),
    )  # fmt: skip
    rows = len({u.row for u in updates} | {row for row, _ in registered})
    return WritebackResult(rows, len(lines), tuple(headers[f] for f in added), backup)


def _sheet_bytes(package: Package, part: str) -> bytes:
    """The ledger's sheet as read, inflated straight into one buffer (zipfile's way made it
    twice at once: 860 MB for a million rows' 430 MB)."""
    if part in package.changed:
        return package.read(part)
    # A character XML forbids (the ledger's read named its cell) is made valid here.
    return made_valid(inflate_member(Path(package.path), part))


def _journal_known(
    path: Path, sheet: str, read: os.stat_result, lines: list[JournalEntry], package: Package
) -> Callable[[os.stat_result], None] | None:
    """What tells the journal's reader the saved version's lines: the litigation files and
    declarations written next read them (a whole sheet parsed again otherwise). Not for a
    workbook in Excel's 1904 date system, whose dates the reader reads otherwise."""
    if b"date1904" in package.read("xl/workbook.xml"):
        return None
    return lambda saved: remember_appended(path, sheet, read, saved, lines)


def _row_cells(
    cells: dict[int, tuple[NewCell, ...]],
    updates: list[StatusUpdate],
    registered: Sequence[tuple[int, str]],
    positions: dict[str, int],
    date_style: int,
) -> None:
    """Each row's status cells and LRAR number, added to cells (by Excel row)."""
    # Rows with the same status share one tuple of cells: a few hundred distinct statuses
    # for a hundred thousand rows.
    made: dict[tuple[str | None, dt.date | None, str, dt.date | None], tuple[NewCell, ...]] = {}
    for u in updates:
        key = (u.label, u.date, u.status, u.hold_until)
        new = made.get(key)
        if new is None:
            new = made[key] = status_cells(u, positions, date_style)
        cells[u.row] = cells[u.row] + new if u.row in cells else new
    for row, number in registered:  # the LRAR numbers typed on a posting list
        new = (NewCell(positions[REGISTERED_FIELD], text=number),)
        cells[row] = cells[row] + new if row in cells else new


def unchanged(expected: Fingerprint) -> Callable[[Path], None]:
    """A check, run just before the replacement, that the file is still the one read."""

    def check(real: Path) -> None:
        # The user may have saved the workbook while this run worked: their version wins.
        if Fingerprint.of(real).sha256 != expected.sha256:
            raise WorkbookError(
                f"{real.name} a été modifié pendant l'exécution (enregistré dans Excel ?) : "
                "la mise à jour du classeur est abandonnée et votre version est conservée. "
                "Relancez pour repartir de la version actuelle."
            )

    return check


def append_journal(
    path: Path, entries: list[JournalEntry], options: Writeback, *, now: dt.datetime
) -> WritebackResult:
    """Add journal lines only (e-mails sent), with the same backup and atomic save."""
    preflight(path)
    read = Fingerprint.of(path)
    package = Package.open(str(path))
    lines = add_journal(package, options.journal_sheet, entries, Styles(package).date_style())
    if not package.changed:
        return WritebackResult(0, 0, (), None)
    backup = save_atomically(package, path, options.backups_to_keep, now, guard=unchanged(read))
    return WritebackResult(0, len(lines), (), backup)


__all__ = [
    "HOLD_FIELD",
    "StatusUpdate",
    "WritebackResult",
    "append_journal",
    "check_targets",
    "preflight",
    "status_columns",
    "unwritable_format",
    "write_back",
]
