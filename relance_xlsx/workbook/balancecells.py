"""The ledger's own typed « Reste dû » / « Amount Due » beside its paid column, brought up to
date when `match --apply` writes a payment (review-pubwb7 M2): lowered by what was received,
never below 0; a formula cell is never touched (Excel recomputes it); a cell that holds no
amount is left as it is, and said."""

from __future__ import annotations

import re

from ..ledger import SheetRef, open_workbook, parse_amount
from ..ooxml import NewCell, SheetXml, col_letter


def formula_rows(sheet: SheetXml, column: int) -> set[int]:
    """The rows whose cell in this column holds a formula (one pass over the sheet)."""
    if not sheet.has_formulas:
        return set()
    p = re.escape(sheet.prefix)
    letters = col_letter(column).encode()
    pattern = rb"<" + p + rb'c r="' + letters + rb'(\d+)"[^>]*?>\s*<' + p + rb"f[\s>/]"
    return {int(m.group(1)) for m in re.finditer(pattern, sheet.data)}


def balance_cells(
    ledger: SheetRef, sheet: SheetXml, received: dict[int, float]
) -> tuple[dict[int, NewCell], list[str]]:
    """The typed balance cells to write, by row (what each row received taken off), and
    what could not be brought up to date."""
    if "paid" not in ledger.positions or "balance" not in ledger.positions or not received:
        return {}, []
    column = ledger.positions["balance"]
    header = ledger.headers[column]
    typed = sorted(set(received) - formula_rows(sheet, column))
    if not typed:
        return {}, []
    book = open_workbook(ledger.path)
    try:
        grid = book.get_sheet_by_name(ledger.sheet)
        rows = grid.to_python(skip_empty_area=False, nrows=max(typed))
    finally:
        book.close()
    cells: dict[int, NewCell] = {}
    left: list[int] = []
    for row in typed:
        values = rows[row - 1] if row - 1 < len(rows) else []
        try:
            before = parse_amount(values[column], None) if column < len(values) else None
        except ValueError:
            before = None
        if before is None:
            left.append(row)
            continue
        new = max(0.0, round(float(before.value) - received[row], 2))
        cells[row] = NewCell(column, number=new)
    if not left:
        return cells, []
    lines = ", ".join(str(r) for r in left)
    return cells, [
        f"Colonne « {header} » non mise à jour : ligne(s) {lines} sans montant lisible ; "
        "corrigez-la à la main (le montant réglé est écrit)."
    ]


def stale_totals(
    ledger: SheetRef, sheet: SheetXml, columns: list[int], totals: tuple[int, ...], below: int
) -> list[str]:
    """What to know of the totals rows (« Subtotal », « TOTAL ») under a row written (below:
    the first one) whose cells in the columns written are typed amounts, not formulas: they
    still add up the old figures (review-pubwb7 M2), and are never rewritten by the tool."""
    rows = [r for r in totals if r > below]
    if not rows or not columns:
        return []
    book = open_workbook(ledger.path)
    try:
        grid = book.get_sheet_by_name(ledger.sheet).to_python(
            skip_empty_area=False, nrows=max(rows)
        )
    finally:
        book.close()
    formulas = {column: formula_rows(sheet, column) for column in columns}
    stale: list[str] = []
    for row in rows:
        values = grid[row - 1] if row - 1 < len(grid) else []
        for column in columns:
            value = values[column] if column < len(values) else None
            typed = isinstance(value, int | float) and not isinstance(value, bool)
            if typed and row not in formulas[column]:
                stale.append(f"{col_letter(column)}{row}")
    if not stale:
        return []
    return [
        f"Lignes de total non mises à jour : {', '.join(stale)} sont des montants tapés (pas "
        "des formules) et comptent encore les montants d'avant ces règlements ; corrigez-les "
        "à la main ou remplacez-les par une formule (=SOMME(…))."
    ]


__all__ = ["balance_cells", "formula_rows", "stale_totals"]
