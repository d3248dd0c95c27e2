"""Run the weekly batch: read, decide, write letters, write back. Returns a frozen result."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import collector
from ..config import Settings
from ..ledger import Ledger, read_ledger
from ..letters import (
    Letter,
    LetterRows,
    build_letters,
    held_rows,
    missing_addresses,
    reference_of_letter,
)
from ..mail import (
    Messages,
    mark_journaled,
    pending_for_ledger,
    plan_messages,
    without_email,
)
from ..policy import Decisions, hold_back
from ..progress import Progress, Quiet, step
from ..results import (
    RunResult,
    invoice_results,
    letter_result,
    paid_late_by_client,
)
from ..workbook import (
    WritebackResult,
    check_targets,
    journal_entries,
    ledger_lock,
    preflight,
    refuse_implausible,
    status_updates,
    write_back,
)
from .deciding import decide_ledger
from .declarations import declare_all
from .dossiers import FOLDER, litigation_clients, write_all
from .figures import figures_of, write_figures
from .outputs import Files, write_files


def run(
    ledger_path: Path,
    settings: Settings | None = None,
    *,
    as_of: dt.date,
    out_dir: Path | None = None,
    dry_run: bool = False,
    write_workbook: bool = True,
    pdf: bool = False,
    email: bool = False,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    statements: Sequence[str] = (),
) -> RunResult:
    """The weekly batch on one ledger, for the date as_of, with these settings.

    statements: clients (by name) who also get their statement of account (relevé de
    compte), a letter that changes no invoice's level.

    A run that writes the workbook holds the ledger's lock from start to end: a second run
    on the same ledger is refused at once.
    """
    writes = write_workbook and not dry_run
    with ledger_lock(ledger_path) if writes else contextlib.nullcontext():
        return _run(
            ledger_path, settings or Settings(), as_of, out_dir, dry_run, writes, pdf, email,
            progress or Quiet(), now or dt.datetime.now(), list(statements),
        )  # fmt: skip


def _run(
    ledger_path: Path,
    settings: Settings,
    as_of: dt.date,
    out_dir: Path | None,
    dry_run: bool,
    write_workbook: bool,
    pdf: bool,
    email: bool,
    progress: Progress,
    now: dt.datetime,
    statements: list[str],
) -> RunResult:
    ledger = _read(ledger_path, settings, as_of, write_workbook, progress)
    with step(progress, "Décisions"):
        decisions, plans, unknown = decide_ledger(ledger, settings, as_of, statements)
    out = out_dir or ledger_path.resolve().parent / "relances" / as_of.isoformat()
    warnings = [*ledger.warnings, *decisions.warnings]
    warnings += [f"Relevé demandé pour « {name} » : aucun client de ce nom." for name in unknown]
    problems = list(ledger.problems)

    progress.start("Préparation des lettres", len(plans))
    with collector.paused():
        data = LetterRows(ledger.frame, decisions.frame, plans, decisions.interest_periods)
    problems += missing_addresses(plans, data)
    letters, notes = build_letters(
        plans, data, settings, as_of, decisions.rate, out, progress, fill=not dry_run or email
    )
    warnings += notes
    progress.stop()
    ready, held = [x for x in letters if x.sendable], [x for x in letters if not x.sendable]
    # Messages are rendered before any letter is written: a broken e-mail template stops early.
    messages = plan_messages(ready, ledger, settings) if email else Messages()
    problems += messages.problems
    files = Files()
    if not dry_run:
        files = write_files(ready, held, messages, ledger, decisions, settings, out, as_of, pdf,
                             progress, now)  # fmt: skip
        problems += files.problems
        warnings += files.warnings
    decisions = hold_back(decisions, ledger.frame, held_rows(held))
    report_path, dossiers, declarations = (None, [], []) if dry_run else _report(
        ledger, decisions, as_of, settings, out, pdf, progress, warnings)  # fmt: skip
    letter_of = {row: str(x.path) for x in ready for row in x.plan.rows}  # statements: none
    reference_of = _references(ready, data, as_of)
    with step(progress, "Résultats"), collector.paused():
        invoices = invoice_results(ledger, decisions, letter_of)
        letter_results, to_complete = [[letter_result(x, data) for x in g] for g in (ready, held)]
    done = WritebackResult(0, 0, (), None)
    if write_workbook:
        with step(progress, "Mise à jour du classeur"):
            done = _write_back(ledger, decisions, settings, as_of, letter_of, reference_of, now)
    return RunResult(
        ledger=str(ledger_path),
        sheet=ledger.sheet,
        header_row=ledger.header_row,
        as_of=as_of.isoformat(),
        dry_run=dry_run,
        invoices=invoices,
        letters=letter_results,
        problems=problems,
        skipped=list(ledger.skipped),
        warnings=warnings,
        out_dir=str(out),
        bundle=str(files.bundle) if files.bundle else None,
        pdfs=[str(p) for p in files.pdfs],
        rows_written=done.rows_written,
        journal_lines=done.journal_lines,
        backup=str(done.backup) if done.backup else None,
        config=str(settings.config_path) if settings.config_path else None,
        emails=[str(d) for d in files.drafts],
        no_email=messages.no_email if email else without_email(ready, ledger),
        to_complete=to_complete,
        templates=_template_folder(settings, warnings),
        paid_late=paid_late_by_client(ledger, decisions),
        report=report_path,
        dossiers=dossiers,
        declarations=declarations,
    )


def _references(ready: list[Letter], data: LetterRows, as_of: dt.date) -> dict[Any, str]:
    """Each invoice's letter's RF reference, for its journal line: the bank matcher reads it."""
    out = {}
    for letter in ready:
        reference = reference_of_letter(letter.plan, data, as_of)
        if reference:
            out.update(dict.fromkeys(letter.plan.rows, reference))
    return out


def _read(
    ledger_path: Path, settings: Settings, as_of: dt.date, write_workbook: bool, progress: Progress
) -> Ledger:
    """The ledger, and, before any letter, every reason not to write it back."""
    with step(progress, "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of)
    if write_workbook:
        refuse_implausible(ledger, settings.writeback.min_usable_share)
        preflight(ledger_path, ledger.fingerprint)
        check_targets(ledger.sheet_ref, settings.writeback)
    return ledger


def _report(
    ledger: Ledger,
    decisions: Decisions,
    as_of: dt.date,
    settings: Settings,
    out: Path,
    pdf: bool,
    progress: Progress,
    warnings: list[str],
) -> tuple[str | None, list[str], list[str]]:
    """rapport.xlsx (and its PDF with --pdf) beside the letters; the litigation files; the
    declarations of claim of the clients in collective proceedings."""
    with step(progress, "Rapport"):
        made = write_figures(
            figures_of(ledger, decisions, as_of, settings), out, pdf=pdf, soffice=settings.soffice
        )
    warnings += made.warnings
    handed = litigation_clients(decisions, ledger)
    files: dict[str, list[str]] = {}
    if handed:
        # Written straight as XML, about 1 ms a file (python-docx took 25 ms).
        with step(progress, "Dossiers de contentieux"):
            files = write_all(ledger, decisions, settings, as_of, out, handed, pdf)
        warnings.append(
            f"{len(handed)} client(s) remis au contentieux : leur dossier est dans "
            f"{out / FOLDER} (par exemple « {handed[0]} »)."
        )
    declared = declare_all(ledger, decisions, settings, as_of, out, pdf, progress, warnings)
    return made.xlsx, [written[0] for written in files.values() if written], declared


def _template_folder(settings: Settings, warnings: list[str]) -> str | None:
    """The user's template folder, if set; a folder that does not exist is said, not hidden."""
    if not settings.letters.template_dir:
        return None
    folder = settings.path(settings.letters.template_dir)
    if not folder.is_dir():
        warnings.append(
            f"Le dossier de modèles {folder} ([letters] template_dir) n'existe pas : les "
            "modèles fournis sont utilisés."
        )
        return None
    return str(folder)


def _write_back(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    letter_of: dict[Any, str],
    reference_of: dict[Any, str],
    now: dt.datetime,
) -> WritebackResult:
    """Status cells and journal lines into the workbook, with e-mails not journaled yet."""
    updates = status_updates(ledger.frame, decisions.frame, as_of)
    entries = journal_entries(ledger.frame, decisions.frame, letter_of, as_of, reference_of)
    pending = pending_for_ledger(ledger.path)
    entries += [e for item in pending for e in item.entries]
    done = write_back(ledger.sheet_ref, updates, entries, settings.writeback, now=now)
    for item in pending:
        mark_journaled(item.folder, item.files)
    return done


__all__ = ["run"]
