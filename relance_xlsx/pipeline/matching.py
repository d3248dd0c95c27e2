"""`relance match`: the bank statements' credits matched to the ledger's open invoices; with
apply, the sure ones written into the workbook through the safe write-back."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..bank import (
    REVIEW_NAME,
    SURE,
    Book,
    MatchResult,
    Proposal,
    Statement,
    match_entries,
    read_statement,
    write_review,
)
from ..config import Settings
from ..ledger import Ledger, read_ledger
from ..progress import Progress, Quiet, step
from ..wording import money
from ..workbook import (
    MATCH,
    PaymentsDone,
    PaymentWrite,
    bank_history,
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
    written to rapprochement.xlsx (in out_dir, by default relances/<date>/ beside the ledger).
    With apply, the ledger's lock is held, a workbook open in Excel is refused, and an entry
    already applied (the journal says so) is never applied again.
    """
    settings = settings or Settings()
    progress = progress or Quiet()
    with ledger_lock(ledger_path, MATCH) if apply else contextlib.nullcontext():
        with step(progress, "Lecture du classeur"):
            ledger = read_ledger(ledger_path, settings, as_of=as_of)
        if apply:
            preflight(ledger_path, ledger.fingerprint)  # open in Excel: refused before anything
        with step(progress, "Lecture des relevés"):
            read = tuple(read_statement(Path(p)) for p in statements)
        with step(progress, "Rapprochement"):
            proposals = _proposals(ledger, read, settings)
        result = MatchResult(str(ledger_path), as_of.isoformat(), apply, read, tuple(proposals))
        if apply:
            with step(progress, "Mise à jour du classeur"):
                result = _apply(ledger, result, settings, as_of, now or dt.datetime.now())
        out = out_dir or ledger_path.resolve().parent / "relances" / as_of.isoformat()
        review = write_review(result, out / REVIEW_NAME)
    return dataclasses.replace(result, review=str(review))


def _proposals(ledger: Ledger, read: tuple[Statement, ...], settings: Settings) -> list[Proposal]:
    """One proposal per credit, against the invoices as the ledger has them now."""
    letters, applied = bank_history(ledger.path, settings.writeback.journal_sheet)
    book = Book(ledger.frame, settings.policy.tolerance, letters)
    return match_entries([e for s in read for e in s.entries], book, applied)


def _apply(
    ledger: Ledger, result: MatchResult, settings: Settings, as_of: dt.date, now: dt.datetime
) -> MatchResult:
    """The sure proposals written into the workbook, each payment a journal line."""
    sure = [p for p in result.proposals if p.status == SURE and p.allocations]
    payments = _payments(ledger, sure)
    if not payments:
        return result
    done: PaymentsDone = write_payments(
        ledger.sheet_ref, payments, settings.writeback, as_of=as_of, now=now
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


def _payments(ledger: Ledger, sure: list[Proposal]) -> list[PaymentWrite]:
    """Each allocation of the sure proposals as a payment of one invoice row."""
    frame = ledger.frame.set_index("row")
    paid_before = frame["paid"].to_dict()
    out = []
    for p in sure:
        e = p.entry
        said = f"Virement du {e.date:%d/%m/%Y} : {money(e.amount)} ({e.source})"
        for a in p.allocations:
            out.append(
                PaymentWrite(
                    a.row,
                    a.invoice,
                    a.client,
                    e.date,
                    a.amount,
                    float(paid_before.get(a.row, 0.0)),
                    a.outstanding,
                    e.key,
                    e.bank_ref,
                    said,
                )
            )
    return out


__all__ = ["match"]
