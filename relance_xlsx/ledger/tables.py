"""The sheets of a workbook, and the invoice table found among them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import python_calamine as calamine

from ..config import Settings
from ..errors import LedgerError
from ..ooxml import ExcelTable
from .choice import (
    HEADER_SEARCH_ROWS,
    SAMPLE_ROWS,
    TableGuess,
    candidates,
    choose,
    why,
)
from .clientless import clientless_error
from .fec import fec_signed
from .ledger411 import is_ledger411, ledger411_error
from .named import named_sheet_error
from .opening import grid_rows, sheet_grid
from .problems import Skip
from .receipts import receipts_error, receipts_refusal
from .records import OtherSheet
from .rivals import equal_rivals, rival_sheets
from .titledclient import per_client_sheets, with_title_client
from .unfit import no_table_error

# The rows under the header where a running « Balance » is looked for (ledger411.py).
_BALANCE_ROWS = 200


def worksheet_names(book: calamine.CalamineWorkbook) -> list[str]:
    """Names of the worksheets (not chart sheets), in workbook order."""
    return [m.name for m in book.sheets_metadata if "Work" in str(m.typ)]


class Sheets:
    """Each sheet parsed once: calamine parses the whole sheet even to read its first rows."""

    def __init__(self, book: calamine.CalamineWorkbook, path: Path = Path("classeur")) -> None:
        self.book, self.path = book, path
        self.parsed: dict[str, Any] = {}

    def rows(self, sheet: str, nrows: int | None = None) -> list[list[Any]]:
        if sheet not in self.parsed:
            self.parsed[sheet] = sheet_grid(self.book, self.path, sheet)
        return grid_rows(self.parsed[sheet], self.path, sheet, nrows)

    def heads(self, sheets: list[str]) -> dict[str, list[list[Any]]]:
        """The first rows of each readable sheet (for saying what was seen)."""
        out = {}
        for sheet in sheets:
            try:
                out[sheet] = self.rows(sheet, HEADER_SEARCH_ROWS)
            except Exception:  # an unreadable sheet has nothing to show
                continue
        return out


def find_table(
    book: calamine.CalamineWorkbook | Sheets,
    sheets: list[str],
    overrides: dict[str, str],
    tables: dict[str, list[ExcelTable]] | None = None,
) -> tuple[TableGuess | None, TableGuess | None, list[TableGuess]]:
    """The best invoice table of these sheets, the runner-up, scored (see choice.py), and
    the other sheets' tables as complete as the best."""
    reader = book if isinstance(book, Sheets) else Sheets(book)
    guesses: list[TableGuess] = []
    unreadable: list[LedgerError] = []
    for sheet in sheets:
        declared = (tables or {}).get(sheet, [])
        deepest = max([HEADER_SEARCH_ROWS, *(t.header_row for t in declared)])
        try:
            head = reader.rows(sheet, deepest + SAMPLE_ROWS)
        except LedgerError as exc:  # an unreadable sheet is not the ledger...
            unreadable.append(exc)
            continue
        guesses += candidates(sheet, head, declared, overrides)
    if not guesses and unreadable:
        raise unreadable[0]  # ...unless no sheet is: then why it could not be read is said
    best, runner_up = choose(guesses, sheets.index)
    return best, runner_up, equal_rivals(best, guesses)


def read_table(
    reader: Sheets,
    path: Path,
    candidates: list[str],
    sheets: list[str],
    settings: Settings,
    tables: dict[str, list[ExcelTable]],
    set_aside: list[str],
    named: bool = False,
) -> tuple[TableGuess, str, list[list[Any]], tuple[list[str], list[OtherSheet]]]:
    """The table's guess, why it was chosen, the whole grid of its sheet, and the warning
    when another sheet's table is as good (its invoices are not read) with what each owes.
    No table in the sheets read: the refusal of a sheet set aside (set_aside) is the reason
    said. A sheet the user named is never replaced by another one."""
    guess, runner_up, rivals = find_table(reader, candidates, settings.columns, tables)
    left_out = [s for s in sheets if s not in candidates]
    if guess is None and named and candidates:
        raise named_sheet_error(
            path, candidates[0], reader.rows(candidates[0], HEADER_SEARCH_ROWS),
            settings.columns, [s for s in left_out if s != settings.writeback.journal_sheet],
            lambda s: find_table(reader, [s], settings.columns, tables)[0] is not None,
        )  # fmt: skip
    if guess is None and left_out:
        # The sheet named as journal may be the invoices themselves (a wrong journal_sheet):
        # read it, and let the write-back refuse that name in its own sentence.
        guess, runner_up, rivals = find_table(reader, left_out, settings.columns, tables)
    if guess is None and set_aside:
        raise LedgerError(set_aside[0])
    if guess is None:
        heads = {s: reader.rows(s, HEADER_SEARCH_ROWS) for s in candidates}
        raise receipts_refusal(path, heads, settings.columns) or no_table_error(
            path, heads, settings.columns
        )
    if guess.purchases:
        raise LedgerError(
            f"{path.name} ne contient que des factures d'achats ({guess.where()}, "
            f"{guess.purchases}) : ce sont les factures de vos fournisseurs, ce que vous devez, "
            "et relance-xlsx ne relance jamais un fournisseur ; indiquez le classeur de vos "
            "ventes, ou nommez la colonne du client dans la section [columns] de relance.toml "
            "si ce tableau est bien celui de vos clients."
        )
    if guess.receipts:
        raise LedgerError(receipts_error(path.name, guess.where(), guess.receipts))
    grid = reader.rows(guess.sheet)
    below = grid[guess.header_index + 1 : guess.header_index + 1 + _BALANCE_ROWS]
    head = grid[guess.header_index]
    if is_ledger411(head, below, settings.columns):  # review-pubwb8 H3, pubre H3, pubre2 H1
        raise ledger411_error(path.name, guess.sheet, head, guess.header_index)
    fec_signed(grid, guess.header_index, guess.positions.get("amount"))
    guess, grid, titled = with_title_client(guess, grid)
    if clientless := clientless_error(path, guess, grid, settings.columns):
        raise clientless
    no_client = "client" not in guess.positions and not titled
    heads = {s: reader.rows(s, HEADER_SEARCH_ROWS) for s in sheets} if no_client else {}
    if refusal := per_client_sheets(guess, heads):  # each sheet a client (review-pubwb7 H7)
        raise refusal
    return (
        guess,
        why(guess, runner_up),
        grid,
        rival_sheets(guess, rivals, reader.rows, settings.policy),
    )


def table_rows(
    grid: list[list[Any]], guess: TableGuess, tables: list[ExcelTable]
) -> tuple[list[list[Any]], list[Skip]]:
    """The rows under the header; an Excel table's totals row (and below) is never data."""
    data = grid[guess.header_index + 1 :]
    table = next((t for t in tables if t.name == guess.table), None)
    if table is None or not table.totals_rows:
        return data, []
    end = table.last_row - table.totals_rows  # Excel row of the last data row
    total = Skip(end + 1, f"ligne des totaux du tableau Excel « {table.name} »")
    return grid[guess.header_index + 1 : end], [total]
