"""Payments from bank statements written into the workbook, through the same safe write-back
as a run: lock, backup, checked atomic replace, nothing else changed.

Where they go: the ledger's « Montant réglé » and « Date règlement » cells when it has them,
else its « Reste dû », else rows of a payments sheet (« Règlements ») the reader understands;
a ledger with both a paid column and a payments sheet gets both. One « Date règlement » holds
one date: an invoice paid more than once gets every payment, dated, in the payments sheet
(the earlier one copied from the ledger's cells), so that the interest runs on each from its
own day. Each payment is a line of the journal, its reference the bank entry's key.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import Writeback
from ..ledger import (
    PaymentsTable,
    SheetRef,
    find_payments,
    key_of,
    open_workbook,
    worksheet_names,
)
from ..ooxml import (
    NS_MAIN,
    NewCell,
    Package,
    SheetXml,
    Styles,
    col_letter,
    excel_serial,
    save_atomically,
    widen_dimension,
)
from .journal import (
    JournalEntry,
    add_journal,
    create_sheet,
    set_full_calc_on_load,
)
from .writeback import preflight, unchanged

SHEET = "Règlements"
SHEET_HEADERS = ("N° facture", "Date règlement", "Montant réglé", "Référence bancaire")


@dataclass(frozen=True)
class PaymentWrite:
    """One payment of one invoice, from one bank entry."""

    row: int  # the invoice's Excel row
    invoice: str
    client: str
    day: dt.date  # the credit's booking date
    amount: float
    paid_before: float  # what the ledger says was paid before it
    owed_before: float  # what the invoice owed before it
    key: str  # the bank entry's key: recognises it when imported again
    bank_ref: str  # the bank's own reference, for the payments sheet
    said: str  # for the journal: « Virement du 18/11/2026 : 1 234,56 € (releve.csv) »
    paid_on_before: dt.date | None = None  # the ledger's « Date règlement » before it
    imputed: float = 0.0  # paid by imputation in the frame only (ledger/imputation.py)

    @property
    def partial(self) -> bool:
        """Whether the invoice still owes something after it."""
        return round(self.owed_before - self.amount, 2) > 0.005


@dataclass(frozen=True)
class PaymentsDone:
    """What was written: payments, journal lines, where, the backup, what to know."""

    written: int
    journal_lines: int
    target: str
    backup: Path | None
    warnings: tuple[str, ...] = ()


def write_payments(
    ledger: SheetRef,
    payments: list[PaymentWrite],
    journal: list[JournalEntry],
    options: Writeback,
    *,
    now: dt.datetime,
) -> PaymentsDone:
    """Write the payments and the journal's lines, atomically, with a backup."""
    path = ledger.path
    preflight(path, ledger.fingerprint)
    package = Package.open(str(path))
    styles = Styles(package)
    date_style = styles.date_style()
    part = package.sheet_part(ledger.sheet)
    sheet = SheetXml(package.read(part))
    cells, in_cells, warnings = _ledger_cells(ledger, sheet, payments, date_style)
    table = _payments_table(ledger, options.journal_sheet)
    to_sheet = _sheet_rows(ledger, payments, table, in_cells)
    targets = []
    if cells:
        data, _ = sheet.edit_rows(cells, styles.date_styles())
        package.write(part, data)
        named = [ledger.headers[ledger.positions[f]] for f in _fields(ledger)]
        targets.append("colonne(s) " + ", ".join(f"« {h} »" for h in named))
    if to_sheet:
        targets.append(_append_rows(package, table, to_sheet, date_style))
    lines = len(add_journal(package, options.journal_sheet, journal, date_style))
    if not package.changed:
        return PaymentsDone(0, 0, "", None, tuple(warnings))
    if sheet.has_formulas:
        set_full_calc_on_load(package)  # « Reste dû » = Montant − Réglé, recalculated by Excel
    backup = save_atomically(
        package, path, options.backups_to_keep, now, guard=unchanged(ledger.fingerprint)
    )
    return PaymentsDone(len(payments), lines, " et ".join(targets), backup, tuple(warnings))


def _fields(ledger: SheetRef) -> list[str]:
    """The ledger's columns a payment is written into (paid and its date, or the balance)."""
    if "paid" in ledger.positions:
        return [f for f in ("paid", "payment_date") if f in ledger.positions]
    return ["balance"] if "balance" in ledger.positions else []


def _ledger_cells(
    ledger: SheetRef, sheet: SheetXml, payments: list[PaymentWrite], date_style: int
) -> tuple[dict[int, list[NewCell]], set[int], list[str]]:
    """The ledger's cells to write, the payments they hold, and what could not be written."""
    fields = _fields(ledger)
    if not fields:
        return {}, set(), []
    money = ledger.positions[fields[0]]
    formulas = _formula_rows(sheet, money)
    by_row: dict[int, list[PaymentWrite]] = {}
    for p in payments:
        by_row.setdefault(p.row, []).append(p)
    cells: dict[int, list[NewCell]] = {}
    done: set[int] = set()
    warnings = []
    for row, paid in by_row.items():
        if row in formulas:
            warnings.append(
                f"Ligne {row} : la colonne « {ledger.headers[money]} » est une formule ; le "
                f"règlement est écrit dans la feuille des règlements."
            )
            continue
        total = round(sum(p.amount for p in paid), 2)
        if fields[0] == "paid":
            value = round(paid[0].paid_before - paid[0].imputed + total, 2)
        else:
            value = round(paid[0].owed_before + paid[0].imputed - total, 2)
        new = [NewCell(money, number=value)]
        if "payment_date" in fields:
            day = max([p.day for p in paid] + [d for d in [paid[0].paid_on_before] if d])
            new.append(NewCell(ledger.positions["payment_date"], serial=excel_serial(day),
                               style=date_style))  # fmt: skip
        cells[row] = new
        done |= {id(p) for p in paid}
    return cells, done, warnings


def _formula_rows(sheet: SheetXml, column: int) -> set[int]:
    """The rows whose cell in this column holds a formula (one pass over the sheet)."""
    if not sheet.has_formulas:
        return set()
    p = re.escape(sheet.prefix)
    letters = col_letter(column).encode()
    pattern = rb"<" + p + rb'c r="' + letters + rb'(\d+)"[^>]*?>\s*<' + p + rb"f[\s>/]"
    return {int(m.group(1)) for m in re.finditer(pattern, sheet.data)}


@dataclass(frozen=True)
class _Sheet:
    """The payments sheet found in the workbook, and its last used row."""

    table: PaymentsTable
    last_row: int


def _payments_table(ledger: SheetRef, journal: str) -> _Sheet | None:
    """The workbook's payments sheet, as the reader finds it (None when there is none)."""
    book = open_workbook(ledger.path)
    try:
        others = [s for s in worksheet_names(book) if s not in (ledger.sheet, journal)]

        def rows_of(sheet: str, nrows: int | None) -> list[list[Any]]:
            grid = book.get_sheet_by_name(sheet)
            if nrows:
                return list(grid.to_python(skip_empty_area=False, nrows=nrows))
            return list(grid.to_python(skip_empty_area=False))

        table = find_payments(rows_of, others) if others else None
        if table is None:
            return None
        rows = rows_of(table.sheet, None)
    finally:
        book.close()
    last = max(
        (i + 1 for i, r in enumerate(rows) if any(c not in ("", None) for c in r)), default=0
    )
    return _Sheet(table, last)


def _append_rows(
    package: Package, found: _Sheet | None, payments: list[PaymentWrite], date_style: int
) -> str:
    """Rows after the last one of the payments sheet (created, with its headers, if none)."""
    if found is None:
        name = _free_name(package)
        part = create_sheet(package, name)
        invoice, day, amount = 0, 1, 2
        reference: int | None = 3
        rows = {1: [NewCell(i, text=h) for i, h in enumerate(SHEET_HEADERS)]}
        first = 2
    else:
        name = found.table.sheet
        part = package.sheet_part(name)
        invoice, day, amount = found.table.columns
        reference = _reference_column(found.table)
        rows, first = {}, found.last_row + 1
    for n, p in enumerate(payments, start=first):
        cells = [
            NewCell(invoice, text=p.invoice),
            NewCell(day, serial=excel_serial(p.day), style=date_style),
            NewCell(amount, number=p.amount),
        ]
        if reference is not None:
            cells.append(NewCell(reference, text=p.bank_ref or p.key))
        rows[n] = cells
    sheet = SheetXml(package.read(part))
    data, max_col = sheet.edit_rows(rows, Styles(package).date_styles())
    package.write(part, widen_dimension(data, max_col, first + len(payments) - 1))
    return f"feuille « {name} »"


def _free_name(package: Package) -> str:
    """« Règlements », or the first free variant when a sheet of the office has that name."""
    sheets = package.xml("xl/workbook.xml").iter(f"{{{NS_MAIN}}}sheet")
    taken = {str(n.get("name", "")).lower() for n in sheets}
    for name in (SHEET, f"{SHEET} banque", *(f"{SHEET} {i}" for i in range(2, 100))):
        if name.lower() not in taken:
            return name
    return f"{SHEET} relance"


def _reference_column(table: PaymentsTable) -> int | None:
    """A « Référence » column of the office's payments sheet, if it has one."""
    used = set(table.columns)
    for i, header in enumerate(table.headers):
        folded = header.lower()
        if i not in used and ("référence" in folded or "reference" in folded or "réf" in folded):
            return i
    return None


def _sheet_rows(
    ledger: SheetRef, payments: list[PaymentWrite], found: _Sheet | None, in_cells: set[int]
) -> list[PaymentWrite]:
    """The payments the payments sheet gets: those no ledger cell holds, all of them when
    the office keeps such a sheet, and every dated payment of an invoice paid more than
    once (the earlier one copied from the ledger's cells, with its date)."""
    listed = found.table.payments if found is not None else {}
    by_row: dict[int, list[PaymentWrite]] = {}
    for p in payments:
        by_row.setdefault(p.row, []).append(p)
    out: list[PaymentWrite] = []
    for paid in by_row.values():
        first = paid[0]
        in_ledger = all(id(p) in in_cells for p in paid)
        before = first.paid_before - first.imputed
        several = "paid" in ledger.positions and (before > 0.005 or len(paid) > 1)
        if in_ledger and found is None and not several:
            continue
        if several:
            out += _earlier(first, listed.get(key_of(first.invoice), ()))
        out += paid
    return out


def _earlier(first: PaymentWrite, listed: tuple[tuple[Any, float], ...]) -> list[PaymentWrite]:
    """The payment the ledger's cells hold and the payments sheet does not list yet, as a
    row of the sheet, when its date is known (an undated one stays in the column only)."""
    missing = round(first.paid_before - first.imputed - sum(a for _, a in listed), 2)
    if missing <= 0.005 or first.paid_on_before is None:
        return []
    return [
        replace(
            first, day=first.paid_on_before, amount=missing, key="",
            bank_ref="Report de la colonne du grand livre",
        )
    ]  # fmt: skip


__all__ = ["SHEET", "SHEET_HEADERS", "PaymentWrite", "PaymentsDone", "write_payments"]
