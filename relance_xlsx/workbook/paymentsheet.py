"""The payments sheet `match --apply` writes into: the office's own (« Règlements »,
« Encaissements ») as the reader finds it, else one created with its headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..ledger import PaymentsTable, SheetRef, find_payments, open_workbook, worksheet_names
from ..ooxml import (
    NS_MAIN,
    NewCell,
    Package,
    SheetXml,
    Styles,
    excel_serial,
    widen_dimension,
)
from .journal import create_sheet

if TYPE_CHECKING:
    from .payments import PaymentWrite

SHEET = "Règlements"
SHEET_HEADERS = ("N° facture", "Date règlement", "Montant réglé", "Référence bancaire")


@dataclass(frozen=True)
class FoundSheet:
    """The payments sheet found in the workbook, and its last used row."""

    table: PaymentsTable
    last_row: int


def payments_table(ledger: SheetRef, journal: str) -> FoundSheet | None:
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
    return FoundSheet(table, last)


def append_rows(
    package: Package, found: FoundSheet | None, payments: list[PaymentWrite], date_style: int
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
    return f"feuille « {name} » ({len(payments)} règlement(s) daté(s))"


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


__all__ = ["SHEET", "SHEET_HEADERS", "FoundSheet", "append_rows", "payments_table"]
