"""Read the invoice table of a workbook into a canonical DataFrame (found in tables.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import collector
from ..config import Settings
from ..errors import LedgerError
from ..ooxml import excel_tables
from .ahead import pack_frame, read_ahead, unpack_frame
from .balances import apply_settlements, find_settlements
from .choice import TableGuess
from .clients import find_clients
from .compensation import compensate
from .credits import settle_by_credits
from .forbidden import forbidden_problems
from .homonyms import with_clients
from .kinds import refuse_credit_register
from .named import candidate_sheets, readable_candidates
from .opening import Readable, known, open_workbook, readable
from .problems import totals_decisions
from .records import Fingerprint, Ledger, SheetRef
from .rowmarks import row_marks
from .rows import Normalised, normalise_rows
from .tables import Sheets, find_table, read_table, table_rows, worksheet_names
from .titled import currencies_said, vat_free
from .unsaved import formula_warnings, refuse_unsaved_amount


def read_ledger(
    path: Path, settings: Settings, *, as_of: dt.date, sheet: str | None = None
) -> Ledger:
    """Read the invoice table of a workbook: rows, skipped rows and problems."""
    fingerprint = Fingerprint.of(path) if path.is_file() else None
    # A big ledger is read in a child meanwhile, as if no sheet were refused; its read is
    # used only if the check finds nothing to refuse (see ahead.py). A verdict already
    # reached (the same file read again) leaves nothing to do meanwhile.
    ahead_of = fingerprint is not None and not known(path, settings.limits)
    work = functools.partial(_shipped, path, settings, as_of, sheet, fingerprint)
    with read_ahead(path, work) if ahead_of else contextlib.nullcontext() as ahead:
        # Before calamine inflates anything here, and before any letter; the same scan
        # counts the formulas without a value.
        verdict = readable(path, settings.limits) if fingerprint is not None else Readable()
        early = ahead.result() if ahead is not None and not verdict.refused else None
    if early is not None:
        ledger, frame, notes = early
        counts = verdict.formulas.get(ledger.sheet, {})
        rows = len(ledger.frame) + len(ledger.skipped)
        refuse_unsaved_amount(counts, ledger.headers, ledger.positions, settings.columns, rows)
        more = formula_warnings(counts, ledger.headers)
        warnings = (*ledger.warnings[:notes], *more, *ledger.warnings[notes:])
        bad = forbidden_problems(verdict.forbidden.get(ledger.sheet), ledger.headers)
        frame = unpack_frame(frame)
        return replace(ledger, frame=frame, warnings=warnings, problems=(*ledger.problems, *bad))
    return _read(path, settings, as_of, sheet, fingerprint, verdict)[0]


def _shipped(
    path: Path, settings: Settings, as_of: dt.date, sheet: str | None, fp: Fingerprint | None
) -> tuple[Ledger, object, int]:
    """In the child: the ledger read as if no sheet were refused, its frame packed apart."""
    ledger, notes = _read(path, settings, as_of, sheet, fp)
    return replace(ledger, frame=pd.DataFrame()), pack_frame(ledger.frame), notes


def _read(
    path: Path,
    settings: Settings,
    as_of: dt.date,
    sheet: str | None,
    fingerprint: Fingerprint | None,
    verdict: Readable | None = None,
) -> tuple[Ledger, int]:
    """The ledger read as the verdict allows (no verdict: every sheet, no formula counted),
    and the number of its first warnings before the formulas' (where those go)."""
    verdict = verdict or Readable()
    refused = verdict.refused
    book = open_workbook(path)
    try:
        sheets = worksheet_names(book)
        wanted = sheet or settings.sheet or None
        if wanted and wanted not in sheets:
            raise LedgerError(
                f"La feuille « {wanted} » n'existe pas dans {path.name} ; feuilles "
                f"présentes : {', '.join(sheets)}."
            )
        looked_at = candidate_sheets(sheets, wanted, settings.writeback.journal_sheet)
        candidates = readable_candidates(looked_at, refused)
        tables = excel_tables(path) if zipfile.is_zipfile(path) else {}
        reader = Sheets(book, path)
        with collector.paused():
            guess, choice, grid, (rival, elsewhere) = read_table(
                reader, path, candidates, [s for s in sheets if s not in refused], settings,
                tables, [refused[s] for s in looked_at if s in refused], bool(wanted),
            )  # fmt: skip
            others = [s for s in candidates if s != guess.sheet]
            clients = find_clients(reader.rows, others) if others else None
            payments = find_settlements(reader.rows, others)
    finally:
        book.close()
    header = grid[guess.header_index]
    headers = tuple("" if v in (None, "") else str(v).strip() for v in header)
    data, totals = table_rows(grid, guess, tables.get(guess.sheet, []))
    counts = verdict.formulas.get(guess.sheet, {})
    refuse_unsaved_amount(counts, headers, guess.positions, settings.columns, len(data))
    # The clients sheet's fields are read beside the invoices', never written back: the
    # ledger keeps the invoice table's own positions and headers.
    positions = guess.positions
    positions, vat_said = vat_free(positions, headers, grid)  # « TVA non applicable »: HT due
    positions, read_headers, joined, homonyms = with_clients(data, positions, headers, clients)
    said = currencies_said(path, guess.sheet, guess.positions, grid[: guess.header_index])
    rows = _rows(path, guess, grid, data, (positions, read_headers), settings, as_of, said)
    warnings = [*rival, *vat_said, *homonyms, *rows.notes]
    warnings += [f"Feuille ignorée — {refused[s]}" for s in sheets if s in refused]
    warnings += formula_warnings(counts, headers)
    paid_note, more = apply_settlements(
        rows.frame, payments, positions, settings.policy.tolerance, as_of
    )
    warnings += more
    problems = [*rows.problems, *settle_by_credits(rows.frame, settings.policy.tolerance)]
    compensate(rows.frame, settings.policy.tolerance)  # what is left free: for its interest
    assert fingerprint is not None  # open_workbook refused a missing file
    ledger = Ledger(
        path=path,
        sheet=guess.sheet,
        sheets=tuple(sheets),
        header_row=guess.header_index + 1,
        headers=headers,
        positions=guess.positions,
        frame=rows.frame,
        problems=(
            *problems,
            *forbidden_problems(verdict.forbidden.get(guess.sheet, ()), headers),
        ),
        skipped=tuple(sorted([*rows.skipped, *totals], key=lambda s: s.row)),
        fingerprint=fingerprint,
        warnings=tuple(warnings),
        choice=" ".join(filter(None, [choice, *guess.notes, joined, paid_note])),
        evidence=dict(guess.evidence),
        decisions=tuple(rows.decisions) + totals_decisions(totals),
        elsewhere=tuple(elsewhere),
    )
    return ledger, len(rows.notes)


def _rows(
    path: Path,
    guess: TableGuess,
    grid: list[list[Any]],
    data: list[list[Any]],
    columns: tuple[dict[str, int], tuple[str, ...]],
    settings: Settings,
    as_of: dt.date,
    said: tuple[dict[int, str], str | None, dict[str, frozenset[int]]],
) -> Normalised:
    """The table's rows read (columns: their positions and headers; said: the currencies
    the formats and the title show); a table of credit notes only is refused."""
    with collector.paused():
        first, policy = guess.header_index + 2, settings.policy
        rows = normalise_rows(data, first, dict(columns[0]), columns[1], policy, as_of, *said)
    refuse_credit_register(path.name, guess.where(), rows.frame)
    # A row struck through or coloured « payé » is held; hidden rows are counted.
    marks, hidden = row_marks(path, guess.sheet, rows.frame, grid, guess.header_index, columns[0])
    rows.notes.extend(marks)
    rows.decisions.extend(hidden)
    return rows


__all__ = [
    "Fingerprint",
    "Ledger",
    "SheetRef",
    "candidate_sheets",
    "find_table",
    "open_workbook",
    "read_ledger",
    "readable_candidates",
    "worksheet_names",
]
