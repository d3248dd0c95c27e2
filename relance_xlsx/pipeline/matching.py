"""`relance match`: the bank statements' credits matched to the ledger's open invoices; with
apply, the sure ones written into the workbook through the safe write-back."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..bank import (
    REVIEW_NAME,
    SURE,
    BankEntry,
    Book,
    MatchResult,
    Proposal,
    Statement,
    distinct,
    match_entries,
    read_statement,
    reversal_warnings,
    write_review,
)
from ..config import Settings
from ..ledger import TOTAL_ROW, Ledger, read_ledger
from ..progress import Progress, Quiet, step
from ..userfiles import day_folder, linked_ledger, output_held
from ..wording import money
from ..workbook import (
    MATCH,
    PAYMENT_FULL,
    PAYMENT_PARTIAL,
    PENALTIES_PAID,
    SURPLUS,
    JournalEntry,
    PaymentsDone,
    PaymentWrite,
    bank_history,
    imported_payments,
    ledger_lock,
    preflight,
    write_payments,
)


def match(
    ledger_path: Path,
    statements: Sequence[Path],
    settings: Settings | None = None,
    *,
    as_of: dt.date,
    apply: bool = False,
    out_dir: Path | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> MatchResult:
    """Match the statements' credits to the ledger; with apply, write the sure ones.

    Without apply nothing is written into the workbook: the proposals are returned and
    written to rapprochement.xlsx (in out_dir, by default relances/<date>/ beside the ledger;
    an earlier one is never overwritten). With apply, the ledger's lock is held, a workbook
    open in Excel is refused, and an entry already applied (the journal says so) is never
    applied again; the same entry in two statements given together is one credit.
    """
    settings = settings or Settings()
    progress = progress or Quiet()
    out = out_dir or day_folder(ledger_path, as_of)
    lock = ledger_lock(ledger_path, MATCH) if apply else contextlib.nullcontext()
    with output_held(ledger_path, out), lock:  # refused before the lock, before any write
        with step(progress, "Lecture du classeur"):
            ledger = read_ledger(ledger_path, settings, as_of=as_of)
        if apply:
            preflight(ledger_path, ledger.fingerprint)  # open in Excel: refused before anything
        with step(progress, "Lecture des relevés"):
            read = tuple(read_statement(Path(p)) for p in statements)
        with step(progress, "Rapprochement"):
            proposals, duplicates = _proposals(ledger, read, settings, as_of)
        result = MatchResult(
            str(ledger_path), as_of.isoformat(), apply, read, tuple(proposals),
            duplicates=tuple(duplicates),
            warnings=(
                *filter(None, [linked_ledger(ledger_path, writes=apply, outputs=True)]),
                *reversal_warnings(proposals),
            ),
        )  # fmt: skip
        if apply:
            with step(progress, "Mise à jour du classeur"):
                result = _apply(ledger, result, settings, as_of, now or dt.datetime.now())
        review = write_review(result, out / REVIEW_NAME)
    return dataclasses.replace(result, review=str(review))


def _proposals(
    ledger: Ledger, read: tuple[Statement, ...], settings: Settings, as_of: dt.date
) -> tuple[list[Proposal], list[tuple[BankEntry, BankEntry]]]:
    """One proposal per credit, against the invoices as the ledger has them now; the
    entries given twice set aside."""
    letters, applied = bank_history(ledger.path, settings.writeback.journal_sheet)
    # A gap the run's own tolerance would not call paid would leave a cent to chase.
    gap = min(settings.bank.tolerance, settings.policy.tolerance)
    book = Book(ledger.frame, settings.policy.tolerance, letters, gap)
    kept, duplicates = distinct(e for s in read for e in s.entries)
    imported = imported_payments(ledger.path, settings.writeback.journal_sheet)
    return match_entries(kept, book, applied, as_of, imported), duplicates


def _apply(
    ledger: Ledger, result: MatchResult, settings: Settings, as_of: dt.date, now: dt.datetime
) -> MatchResult:
    """The sure proposals written into the workbook, each payment a journal line."""
    sure = [p for p in result.proposals if p.status == SURE and p.allocations]
    payments, journal = _payments(ledger, sure, as_of)
    if not payments:
        return result
    totals = tuple(s.row for s in ledger.skipped if s.reason == TOTAL_ROW)
    done: PaymentsDone = write_payments(
        ledger.sheet_ref, payments, journal, settings.writeback, now=now, totals=totals
    )
    return dataclasses.replace(
        result,
        applied=len(sure),
        payments_written=done.written,
        journal_lines=done.journal_lines,
        target=done.target,
        backup=str(done.backup) if done.backup else None,
        warnings=(*result.warnings, *done.warnings),
    )


def _payments(
    ledger: Ledger, sure: list[Proposal], as_of: dt.date
) -> tuple[list[PaymentWrite], list[JournalEntry]]:
    """Each allocation of the sure proposals as a payment of one invoice row, in the order
    of the bank's dates (what each invoice still owes running down from one to the next),
    and the journal's lines: the payments, the penalties paid, a surplus."""
    frame = ledger.frame.set_index("row")
    paid_before = frame["paid"].to_dict()
    imputed = {
        r: round(sum(i[2] for i in found), 2) for r, found in frame["imputed"].items() if found
    }
    paid_on = frame["payment_date"].to_dict()
    initial = frame["outstanding"].to_dict()
    owed: dict[int, float] = {}
    payments: list[PaymentWrite] = []
    journal: list[JournalEntry] = []
    for p in sorted(sure, key=lambda p: (p.entry.date, p.entry.source, p.entry.line)):
        e = p.entry
        said = f"Virement du {e.date:%d/%m/%Y} : {money(e.amount)} ({Path(e.source).name})"
        for a in p.allocations:
            before = owed.get(a.row, round(float(initial.get(a.row, a.outstanding)), 2))
            owed[a.row] = 0.0 if a.gap else max(0.0, round(before - a.amount, 2))
            text = said + _gap_said(a.gap)
            payments.append(
                PaymentWrite(
                    a.row, a.invoice, a.client, e.date, a.amount,
                    float(paid_before.get(a.row, 0.0)), before, e.key, e.bank_ref, text,
                    _day(paid_on.get(a.row)), imputed.get(a.row, 0.0),
                )
            )  # fmt: skip
            action = PAYMENT_PARTIAL if owed[a.row] > 0.005 else PAYMENT_FULL
            journal.append(_line(as_of, a.invoice, a.client, action, owed[a.row], text, e.key))
        for s in p.penalties:
            text = f"{said} : pénalités de la lettre {s.reference}"
            journal.append(
                dataclasses.replace(
                    _line(as_of, s.invoice, s.client, PENALTIES_PAID, 0.0, text, e.key),
                    interest=s.interest, indemnity=s.indemnity,
                )
            )  # fmt: skip
        if p.surplus > 0:
            a = p.allocations[-1]
            text = (
                f"{said} : excédent de {money(p.surplus)} non affecté (à rembourser ou à imputer)"
            )
            journal.append(_line(as_of, a.invoice, a.client, SURPLUS, owed[a.row], text, e.key))
    return payments, journal


def _line(
    as_of: dt.date, invoice: str, client: str, action: str, owed: float, said: str, key: str
) -> JournalEntry:
    return JournalEntry(as_of, invoice, client, "", action, max(0.0, owed), 0.0, 0.0, said, key)


def _day(value: object) -> dt.date | None:
    """A ledger date (a pandas Timestamp, or NaT when the cell is empty) as a date."""
    if value is None or pd.isna(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _gap_said(gap: float) -> str:
    if not gap:
        return ""
    more = "de plus" if gap > 0 else "de moins"
    return f" ; écart de {money(abs(gap))} {more} accepté, facture soldée"


__all__ = ["match"]
