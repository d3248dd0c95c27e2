"""Write the status into the user's workbook, change nothing else, and save atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..config import Writeback
from ..errors import WorkbookError
from ..ledger import Fingerprint, SheetRef
from ..ooxml import (
    NS_MAIN,
    REL_TABLE,
    NewCell,
    Package,
    SheetXml,
    Styles,
    add_column_widths,
    col_index,
    col_letter,
    excel_serial,
    rowsplit,
    save_atomically,
    style_at,
    widen_dimension,
)
from .journal import JournalEntry, add_journal, existing_keys, set_full_calc_on_load
from .openlocks import lock_files, lock_owner

WRITABLE_SUFFIXES = {".xlsx", ".xlsm"}
MAX_COLUMNS = 16384  # XFD, the last column Excel can hold
STATUS_FIELDS = ("reminder_level", "reminder_date", "reminder_status")
_WIDTHS = {"reminder_level": 18.0, "reminder_date": 14.0, "reminder_status": 60.0}


@dataclass(frozen=True)
class StatusUpdate:
    """The three status cells of one row; level and date are left alone when None."""

    row: int
    label: str | None
    date: dt.date | None
    status: str


@dataclass(frozen=True)
class WritebackResult:
    """What the write-back did."""

    rows_written: int
    journal_lines: int
    columns_added: tuple[str, ...]
    backup: Path | None


def preflight(path: Path, fingerprint: Fingerprint | None = None) -> None:
    """Refuse, in one sentence, to write a workbook that is open, changed or not writable."""
    if path.suffix.lower() not in WRITABLE_SUFFIXES:
        raise WorkbookError(
            f"{path.name} est au format {path.suffix} : relance-xlsx ne met à jour que les "
            "fichiers .xlsx et .xlsm ; enregistrez-le au format .xlsx, ou relancez avec "
            "--no-write-back."
        )
    locks = lock_files(path)
    if locks:
        owner = lock_owner(locks[0])
        by = f" par {owner}" if owner else ""
        raise WorkbookError(
            f"{path.name} est ouvert{by} dans Excel ou LibreOffice ({locks[0].name}) ; "
            "fermez-le puis relancez."
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


def status_columns(ledger: SheetRef) -> tuple[dict[str, int], list[str]]:
    """Positions of the three status columns; missing ones go after the last used header."""
    positions = {f: ledger.positions[f] for f in STATUS_FIELDS if f in ledger.positions}
    last = max((i for i, h in enumerate(ledger.headers) if h), default=-1)
    added = []
    for field in STATUS_FIELDS:
        if field not in positions:
            last += 1
            positions[field] = last
            added.append(field)
    if last >= MAX_COLUMNS:
        raise WorkbookError(
            f"Pas de place pour les colonnes de suivi dans la feuille « {ledger.sheet} » : "
            f"il en faut {len(added)} après la dernière colonne utilisée et Excel s'arrête à "
            "la colonne XFD ; ajoutez les en-têtes « Niveau de relance », « Date de relance » "
            "et « Statut relance » dans des colonnes libres, ou relancez avec --no-write-back."
        )
    return positions, added


def check_targets(ledger: SheetRef, options: Writeback) -> None:
    """Refuse, before any letter is written, a write-back that could not be done right."""
    if options.journal_sheet == ledger.sheet:
        raise WorkbookError(
            f"[writeback] journal_sheet nomme la feuille des factures « {ledger.sheet} » : "
            "le journal a besoin de sa propre feuille ; choisissez un autre nom dans "
            "relance.toml."
        )
    status_columns(ledger)
    existing_keys(str(ledger.path), options.journal_sheet)


def write_back(
    ledger: SheetRef,
    updates: list[StatusUpdate],
    journal: list[JournalEntry],
    options: Writeback,
    *,
    now: dt.datetime,
) -> WritebackResult:
    """Write status cells and journal lines into the ledger file, atomically, with a backup."""
    path = ledger.path
    preflight(path, ledger.fingerprint)
    package = Package.open(str(path))
    part = package.sheet_part(ledger.sheet)
    styles = Styles(package)
    date_style = styles.date_style()
    positions, added = status_columns(ledger)
    headers = {
        "reminder_level": options.level_header,
        "reminder_date": options.date_header,
        "reminder_status": options.status_header,
    }
    sheet = SheetXml(package.read(part))
    cells: dict[int, tuple[NewCell, ...]] = {}
    if added:
        last_header = max((i for i, h in enumerate(ledger.headers) if h), default=0)
        header_style = style_at(sheet.data, sheet, ledger.header_row, last_header)
        cells[ledger.header_row] = tuple(
            NewCell(positions[f], text=headers[f], style=header_style, keep_style=False)
            for f in added
        )
    # Rows with the same status share one tuple of cells: a few hundred distinct statuses
    # for a hundred thousand rows.
    made: dict[tuple[str | None, dt.date | None, str], tuple[NewCell, ...]] = {}
    for u in updates:
        key = (u.label, u.date, u.status)
        new = made.get(key)
        if new is None:
            new = made[key] = _status_cells(u, positions, date_style)
        cells[u.row] = cells[u.row] + new if u.row in cells else new
    prefix, has_formulas = sheet.prefix, sheet.has_formulas
    widths = {positions[f]: _WIDTHS[f] for f in added}

    def before_rows(opening: bytes, max_col: int) -> bytes:
        """The dimension and the new columns' widths, in what comes before the rows."""
        return add_column_widths(widen_dimension(opening, max_col), widths, prefix)

    # A big sheet's rows are edited partly in a second process while the journal is written.
    with rowsplit.RowEdit(sheet, cells, styles.date_styles()) as edit:
        lines = add_journal(package, options.journal_sheet, journal, date_style) if journal else 0
        if cells:
            data, _ = edit.result(before_rows)
            if added:
                _extend_tables(
                    package,
                    part,
                    ledger.header_row,
                    [positions[f] for f in added],
                    [headers[f] for f in added],
                )
            package.write(part, data, tail=edit.tail)
    # The sheet as read is not needed while saving (at a million rows, 430 MB).
    del sheet, edit
    if not package.changed:
        return WritebackResult(0, 0, (), None)
    if has_formulas:
        set_full_calc_on_load(package)
    guard = unchanged(ledger.fingerprint)
    backup = save_atomically(package, path, options.backups_to_keep, now, guard=guard)
    return WritebackResult(len(updates), lines, tuple(headers[f] for f in added), backup)


def _status_cells(
    update: StatusUpdate, positions: dict[str, int], date_style: int
) -> tuple[NewCell, ...]:
    """The level, date and status cells of one update (only the status when no letter)."""
    status = NewCell(positions["reminder_status"], text=update.status)
    if update.label is None:
        return (status,)
    day = update.date
    return (
        NewCell(positions["reminder_level"], text=update.label),
        NewCell(
            positions["reminder_date"],
            serial=excel_serial(day) if day else None,
            style=date_style if day else None,
        ),
        status,
    )


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
    return WritebackResult(0, lines, (), backup)


def _extend_tables(
    package: Package, sheet_part: str, header_row: int, new_cols: list[int], names: list[str]
) -> None:
    """Grow an Excel table whose header is the ledger's to take the new columns."""
    for table_part in package.related(sheet_part, REL_TABLE):
        root = package.xml(table_part)
        first, _, last = root.get("ref", "").partition(":")
        if not last:
            continue
        _start_col, start_row = _split(first)
        end_col, end_row = _split(last)
        if start_row != header_row or end_col + 1 != min(new_cols):
            continue
        new_end = f"{col_letter(max(new_cols))}{end_row}"
        root.set("ref", f"{first}:{new_end}")
        auto = root.find(f"{{{NS_MAIN}}}autoFilter")
        if auto is not None:
            a_first = auto.get("ref", first).partition(":")[0]
            a_last_row = _split(auto.get("ref", last).partition(":")[2] or last)[1]
            auto.set("ref", f"{a_first}:{col_letter(max(new_cols))}{a_last_row}")
        columns = root.find(f"{{{NS_MAIN}}}tableColumns")
        if columns is None:
            continue
        next_id = max((int(c.get("id", "0")) for c in columns), default=0) + 1
        for offset, name in enumerate(names):
            etree.SubElement(
                columns, f"{{{NS_MAIN}}}tableColumn", id=str(next_id + offset), name=name
            )
        columns.set("count", str(len(columns)))
        package.write(
            table_part,
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
        )


def _split(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    return col_index(letters.replace("$", "")), int("".join(ch for ch in ref if ch.isdigit()))


__all__ = [
    "StatusUpdate",
    "WritebackResult",
    "append_journal",
    "check_targets",
    "preflight",
    "status_columns",
    "write_back",
]
