"""The columns a run writes into the invoice sheet: the three status columns, and « Ne pas
relancer avant » when an invoice is held back; found by their header or added after the
last used column, and the Excel table around them grown to take them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from ..config import Writeback
from ..errors import WorkbookError
from ..ledger import HOLD_HEADER, SheetRef
from ..ooxml import NS_MAIN, REL_TABLE, NewCell, Package, col_index, col_letter, excel_serial

MAX_COLUMNS = 16384  # XFD, the last column Excel can hold
STATUS_FIELDS = ("reminder_level", "reminder_date", "reminder_status")
HOLD_FIELD = "hold_until"
# The LRAR number typed on a posting list: its column is added only when a number is written.
REGISTERED_FIELD = "registered_no"
WIDTHS = {
    "reminder_level": 18.0,
    "reminder_date": 14.0,
    "reminder_status": 60.0,
    HOLD_FIELD: 14.0,
    REGISTERED_FIELD: 22.0,
}


@dataclass(frozen=True)
class StatusUpdate:
    """The status cells of one row; level and date are left alone when None. hold_until:
    the « Ne pas relancer avant » date this run holds the invoice back to (None: untouched)."""

    row: int
    label: str | None
    date: dt.date | None
    status: str
    hold_until: dt.date | None = None


def headers_of(options: Writeback) -> dict[str, str]:
    """The header each written column gets when it is added."""
    return {
        "reminder_level": options.level_header,
        "reminder_date": options.date_header,
        "reminder_status": options.status_header,
        HOLD_FIELD: HOLD_HEADER,
        REGISTERED_FIELD: options.registered_header,
    }


_KEYS = {"reminder_level": "level_header", "reminder_date": "date_header",
         "reminder_status": "status_header"}  # fmt: skip


def refuse_taken_headers(ledger: SheetRef, options: Writeback, added: list[str]) -> None:
    """A column to add whose header is already another column's (« Client ») is refused: a
    second « Client » beside the real one would be read back as the client next month."""
    names = headers_of(options)
    taken = {" ".join(str(h).split()).casefold(): i for i, h in enumerate(ledger.headers) if h}
    for field in added:
        index = taken.get(" ".join(names[field].split()).casefold())
        if index is not None:
            key = _KEYS.get(field, field)
            raise WorkbookError(
                f"[writeback] {key} « {names[field]} » est déjà l'en-tête de la colonne "
                f"{col_letter(index)} de la feuille « {ledger.sheet} », qui est lue pour autre "
                "chose : relance-xlsx ajouterait une seconde colonne du même nom ; choisissez "
                "un autre en-tête dans relance.toml, ou relancez avec --no-write-back."
            )


def status_columns(
    ledger: SheetRef, hold: bool = False, *, registered: bool = False
) -> tuple[dict[str, int], list[str]]:
    """Positions of the status columns (and of « Ne pas relancer avant » when a run holds an
    invoice back, of « N° recommandé » when it writes LRAR numbers); missing ones go after
    the last used header."""
    fields = (
        *STATUS_FIELDS,
        *((HOLD_FIELD,) if hold else ()),
        *((REGISTERED_FIELD,) if registered else ()),
    )
    positions = {f: ledger.positions[f] for f in fields if f in ledger.positions}
    last = max((i for i, h in enumerate(ledger.headers) if h), default=-1)
    added = []
    for field in fields:
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


def status_cells(
    update: StatusUpdate, positions: dict[str, int], date_style: int
) -> tuple[NewCell, ...]:
    """The level, date and status cells of one update (only the status when no letter), and
    its « Ne pas relancer avant » date when it holds the invoice back."""
    status = NewCell(positions["reminder_status"], text=update.status)
    held = (
        (NewCell(positions[HOLD_FIELD], serial=excel_serial(update.hold_until), style=date_style),)
        if update.hold_until is not None
        else ()
    )
    if update.label is None:
        return (status, *held)
    day = update.date
    cells = (
        NewCell(positions["reminder_level"], text=update.label),
        NewCell(
            positions["reminder_date"],
            serial=excel_serial(day) if day else None,
            style=date_style if day else None,
        ),
        status,
        *held,
    )
    # Cells go in column order: « Ne pas relancer avant » may stand before the others.
    return tuple(sorted(cells, key=lambda c: c.column))


def extend_tables(
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
    "HOLD_FIELD",
    "MAX_COLUMNS",
    "REGISTERED_FIELD",
    "STATUS_FIELDS",
    "StatusUpdate",
    "extend_tables",
    "headers_of",
    "refuse_taken_headers",
    "status_cells",
    "status_columns",
]
