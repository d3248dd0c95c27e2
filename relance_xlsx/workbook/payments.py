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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import Writeback
from ..ledger import (
    SheetRef,
    key_of,
)
from ..ooxml import (
    NewCell,
    Package,
    SheetXml,
    Styles,
    excel_serial,
    save_atomically,
)
from .balancecells import balance_cells, formula_rows, stale_totals
from .journal import (
    JournalEntry,
    add_journal,
    set_full_calc_on_load,
)
from .paymentsheet import SHEET, SHEET_HEADERS, FoundSheet, append_rows, payments_table
from .writeback import preflight, unchanged


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
    totals: tuple[int, ...] = (),
) -> PaymentsDone:
    """Write the payments and the journal's lines, atomically, with a backup; what to know
    of the totals rows (Excel row numbers) left with the old figures."""
    path = ledger.path
    preflight(path, ledger.fingerprint)
    package = Package.open(str(path))
    styles = Styles(package)
    date_style = styles.date_style()
    part = package.sheet_part(ledger.sheet)
    sheet = SheetXml(package.read(part))
    cells, in_cells, warnings = _ledger_cells(ledger, sheet, payments, date_style)
    balances, said = balance_cells(ledger, sheet, _received(payments, in_cells))
    for row, cell in balances.items():
        cells[row] = [*cells[row], cell]
    warnings += said
    table = payments_table(ledger, options.journal_sheet)
    to_sheet = _sheet_rows(ledger, payments, table, in_cells)
    targets = []
    if cells:
        data, _ = sheet.edit_rows(cells, styles.date_styles())
        package.write(part, data)
        targets.append(_cells_said(ledger, bool(balances)))
        warnings += _undated(payments, to_sheet, in_cells, ledger)
        written = sorted({c.column for row in cells.values() for c in row})
        money = [c for c in written if c != ledger.positions.get("payment_date")]
        warnings += stale_totals(ledger, sheet, money, totals, min(cells))
    if to_sheet:
        targets.append(append_rows(package, table, to_sheet, date_style))
    lines = len(add_journal(package, options.journal_sheet, journal, date_style))
    if not package.changed:
        return PaymentsDone(0, 0, "", None, tuple(warnings))
    if sheet.has_formulas:
        set_full_calc_on_load(package)  # « Reste dû » = Montant − Réglé, recalculated by Excel
    backup = save_atomically(
        package, path, options.backups_to_keep, now, guard=unchanged(ledger.fingerprint)
    )
    return PaymentsDone(len(payments), lines, " et ".join(targets), backup, tuple(warnings))


def _received(payments: list[PaymentWrite], in_cells: set[int]) -> dict[int, float]:
    """What each row's ledger cells received."""
    out: dict[int, float] = {}
    for p in payments:
        if id(p) in in_cells:
            out[p.row] = round(out.get(p.row, 0.0) + p.amount, 2)
    return out


def _cells_said(ledger: SheetRef, balance: bool) -> str:
    """The ledger's columns written, and whether they hold the payments' dates."""
    fields = _fields(ledger) + (["balance"] if balance else [])
    named = ", ".join(f"« {ledger.headers[ledger.positions[f]]} »" for f in fields)
    return f"colonne(s) {named}" + ("" if "payment_date" in fields else " (montants, sans date)")


def _undated(
    payments: list[PaymentWrite],
    to_sheet: list[PaymentWrite],
    in_cells: set[int],
    ledger: SheetRef,
) -> list[str]:
    """What to know of payments whose date is written nowhere (a « Reste dû » only)."""
    if "payment_date" in ledger.positions:
        return []
    kept = {id(p) for p in to_sheet}
    return [
        f"Facture n° {p.invoice} : règlement du {p.day:%d/%m/%Y} écrit dans la colonne "
        f"« {ledger.headers[ledger.positions['balance']]} » sans sa date (un règlement "
        "antérieur n'est pas daté) : les pénalités de retard ne courent que jusqu'à la date "
        "que vous inscrirez."
        for p in payments
        if id(p) in in_cells and id(p) not in kept and "balance" in ledger.positions
    ]  # fmt: skip


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
    formulas = formula_rows(sheet, money)
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


def _sheet_rows(
    ledger: SheetRef, payments: list[PaymentWrite], found: FoundSheet | None, in_cells: set[int]
) -> list[PaymentWrite]:
    """The payments the payments sheet gets: those no ledger cell holds, all of them when
    the office keeps such a sheet, and every dated payment of an invoice paid more than
    once (the earlier one copied from the ledger's cells, with its date)."""
    listed = found.table.payments if found is not None else {}
    by_row: dict[int, list[PaymentWrite]] = {}
    for p in payments:
        by_row.setdefault(p.row, []).append(p)
    out: list[PaymentWrite] = []
    # Without a date column the ledger's cells keep no date: the sheet keeps it, so that a
    # full payment keeps its late-payment rights as a partial one does (review-pubwb7 M1).
    dated = "payment_date" in ledger.positions
    for paid in by_row.values():
        first = paid[0]
        in_ledger = all(id(p) in in_cells for p in paid)
        before = first.paid_before - first.imputed
        several = "paid" in ledger.positions and (before > 0.005 or len(paid) > 1)
        if in_ledger and found is None and not several and (dated or _balance_only(ledger, paid)):
            continue
        if several:
            out += _earlier(first, listed.get(key_of(first.invoice), ()))
        out += paid
    return out


def _balance_only(ledger: SheetRef, paid: list[PaymentWrite]) -> bool:
    """Whether only a « Reste dû » holds these payments and a sheet would misstate them: the
    reader takes the sheet's total as what was paid, so an earlier undated payment of the
    invoice would be lost (the date is then left unwritten, said by the apply's warning)."""
    before = paid[0].paid_before - paid[0].imputed
    return "paid" not in ledger.positions and before > 0.005


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
