"""Run the weekly batch: read, decide, write letters, write back. Returns a frozen result."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import collector
from ..config import Settings
from ..errors import WorkbookChanged
from ..ledger import HoldBack, Ledger, hold_rows, read_ledger, said_in_run
from ..letters import (
    PENALTY_KINDS,
    PREPARING,
    Letter,
    LetterPlan,
    LetterRows,
    build_letters,
    creditor_gaps,
    held_rows,
    missing_addresses,
)
from ..mail import Messages, plan_messages, waiting_for_address, without_email
from ..policy import Decisions, hold_back
from ..progress import Progress, Quiet, step
from ..results import Invoices, RunResult
from ..userfiles import day_folder, linked_ledger, output_held
from ..workbook import (
    WritebackResult,
    check_targets,
    ledger_lock,
    preflight,
    refuse_implausible,
    would_stop,
)
from .around import decision_sheet, done_before, report_and_dossiers, template_folder, too_early
from .deciding import decide_ledger, letter_rows
from .digest import AGAIN_RUN, changed_sentence, what_changed
from .outputs import Files, write_files
from .registered import typed_numbers
from .writing import commit_write_back, gather_write_back, journal_references


@dataclass(frozen=True)
class _Job:
    """What one run was asked to do."""

    ledger_path: Path
    settings: Settings
    as_of: dt.date
    out: Path
    dry_run: bool
    write_workbook: bool
    pdf: bool
    email: bool
    progress: Progress
    now: dt.datetime
    statements: list[str]
    hold: list[HoldBack]
    asked_write: bool  # the workbook's write-back asked for (a dry run writes nothing)
    expect: str | None  # the workbook's content hash as previewed (None: any)


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
    hold: Sequence[HoldBack] = (),
    invoices_as_json: bool = False,
    expect: str | None = None,
) -> RunResult:
    """The weekly batch on one ledger, for the date as_of, with these settings.

    statements: clients (by name) who also get their statement of account (relevé de
    compte), a letter that changes no invoice's level. hold: clients or invoices held back
    from this run's letters (« Ne pas envoyer »), until a date and for a reason, written into
    the workbook (« Ne pas relancer avant ») and its journal so that later runs keep them.

    A run that writes the workbook holds the ledger's lock from start to end: a second run
    on the same ledger is refused at once. invoices_as_json: their JSON text instead (orjson).
    expect: the content hash (sha256) of the workbook as previewed; read otherwise, nothing
    is done (WorkbookChanged).
    """
    writes = write_workbook and not dry_run
    out = out_dir or day_folder(ledger_path, as_of)
    job = _Job(
        ledger_path, settings or Settings(), as_of, out, dry_run, writes, pdf, email,
        progress or Quiet(), now or dt.datetime.now(), list(statements), list(hold),
        write_workbook, expect,
    )  # fmt: skip
    with contextlib.ExitStack() as held:
        if not dry_run:  # refused before the lock, before anything is read or written
            held.enter_context(output_held(ledger_path, out))
            if pdf or email:
                job.settings.soffice_for(ledger_path)
        lock = ledger_lock(ledger_path) if writes else contextlib.nullcontext()
        # A dry run makes no cycle to collect. The invoices' JSON worker stops with the run.
        with collector.paused() if dry_run else lock, contextlib.ExitStack() as stack:
            return _run(job, stack if invoices_as_json else None)


# The write-back is gathered and written in one pause of the cycle collector: between its
# steps' own pauses it walked the run's whole heap (0.5 s at 200,000 invoices), for garbage
# the write-back's own collection frees at its start.
def _run(job: _Job, aside: contextlib.ExitStack | None) -> RunResult:
    settings, as_of, out, progress = job.settings, job.as_of, job.out, job.progress
    ledger, held_now, unheld, would_stop = _read(job)
    warnings = [*ledger.warnings, *said_in_run(ledger.decisions)]
    recorded = typed_numbers(
        ledger, settings, out, as_of, warnings, write=job.write_workbook, keep=not job.dry_run
    )
    with step(progress, "Décisions"):
        decisions, plans, unknown = decide_ledger(ledger, settings, as_of, job.statements)
    invoices = Invoices(aside, ledger, decisions)  # with aside, made beside the letters
    warnings += decisions.warnings
    warnings += [f"Relevé demandé pour « {name} » : aucun client de ce nom." for name in unknown]
    warnings += [f"« {n} » à ne pas envoyer : aucun client ni facture de ce nom." for n in unheld]
    problems = list(ledger.problems)

    data, ready, held = _prepare(job, ledger, decisions, plans, warnings, problems)
    # Messages are rendered before any letter is written: a broken e-mail template stops early.
    messages = plan_messages(ready, ledger, settings) if job.email else Messages()
    problems += messages.problems
    warnings += filter(None, [waiting_for_address(held, ledger, job.email, job.write_workbook)])
    files = Files()
    beside = _Beside(ledger, decisions, ready, held, data, as_of if job.write_workbook else None)
    if not job.dry_run:  # the workbook's lines are gathered while the letters render
        files = write_files(ready, held, messages, ledger, decisions, data, settings, out,
                            as_of, job.pdf, progress, job.now, beside.work)  # fmt: skip
        problems, warnings = problems + files.problems, warnings + files.warnings
    beside.work()  # done already, unless the run wrote no letter
    ready, held = _without_contexts(ready), _without_contexts(held)
    decisions = beside.decisions
    warnings += [w for w in decisions.warnings if w not in warnings]  # a held letter's lapse
    invoices.final(decisions, held_rows(held), beside.letter_of)
    with step(progress, "Résultats"), collector.paused():
        sheet = decision_sheet(ledger, decisions, data, ready, held, settings, as_of, files.page)
    del data  # 600 MB at 1M invoices, freed before the write-back (the peak); results after
    done = WritebackResult(0, 0, (), None)
    # Whether the day's run was done (a command-line --dry-run does not read the journal).
    before = 0 if job.dry_run else done_before(ledger, settings, as_of)
    if job.write_workbook:
        with step(progress, "Mise à jour du classeur"), collector.paused():
            # Gathered here, not beside the letters: made while the letters' contexts are
            # still alive, its lines raised the run's peak (the write-back's) by 4 %.
            lines = gather_write_back(
                ledger, decisions, settings, as_of, (beside.letter_of, beside.unclaimed),
                beside.reference_of, held_now, recorded,
            )  # fmt: skip
            done = commit_write_back(ledger, lines, settings, job.now)
    # After the write-back: the report shows the workbook as this run left it.
    report_path, dossiers, declarations = (None, [], []) if job.dry_run else report_and_dossiers(
        ledger, decisions, as_of, settings, out, job.pdf, progress, warnings, problems)  # fmt: skip
    templates = template_folder(settings, warnings)
    return RunResult(
        ledger=str(job.ledger_path),
        sheet=ledger.sheet,
        header_row=ledger.header_row,
        as_of=as_of.isoformat(),
        dry_run=job.dry_run,
        letters=sheet.letters,
        problems=problems,
        skipped=list(ledger.skipped),
        warnings=list(dict.fromkeys(warnings)),  # each said once
        out_dir=str(out),
        rows_written=done.rows_written,
        journal_lines=done.journal_lines,
        backup=str(done.backup) if done.backup else None,
        config=str(settings.config_path) if settings.config_path else None,
        no_email=messages.no_email if job.email else without_email(ready, ledger),
        to_complete=sheet.to_complete,
        templates=templates,
        paid_late=sheet.paid_late,
        report=report_path,
        dossiers=dossiers,
        declarations=declarations,
        summary=sheet.summary,
        missing_settings=creditor_gaps(settings) if held else [],
        done_before=before,
        would_stop=would_stop,
        registered_numbers=[r.public() for r in recorded if not r.dated_only],
        **files.described(),
        **invoices.fields(),
    )


def _prepare(
    job: _Job,
    ledger: Ledger,
    decisions: Decisions,
    plans: list[LetterPlan],
    warnings: list[str],
    problems: list[Any],
) -> tuple[LetterRows, list[Letter], list[Letter]]:
    """The letters' data, then the letters ready to go and those held (notes appended)."""
    job.progress.start(PREPARING, len(plans))
    data = letter_rows(ledger, decisions, plans, job.settings, job.as_of)
    letters, notes = build_letters(
        plans, data, job.settings, job.as_of, decisions.rate, job.out, job.progress,
        fill=not job.dry_run or job.email,
    )  # fmt: skip
    warnings += notes
    problems += missing_addresses(letters, ledger)
    job.progress.stop()
    # Two lists only: the contexts they hold are freed after the writing.
    return data, [x for x in letters if x.sendable], [x for x in letters if not x.sendable]


def unclaimed_rows(ready: list[Letter]) -> frozenset[Any]:
    """The invoices in a part of a letter that claims no penalties (a first reminder, a
    thanks): their journal line says 0 interest, 0 indemnity, as the letter does."""
    return frozenset(
        i
        for x in ready
        if x.plan.rows
        for part in x.plan.all_parts
        if part.kind not in PENALTY_KINDS
        for i in part.rows
    )


def _without_contexts(letters: list[Letter]) -> list[Letter]:
    # Unread after the writing: freed before the write-back and the report (gigabytes at 1M).
    return [dataclasses.replace(x, packed=None) for x in letters]


def _read(job: _Job) -> tuple[Ledger, dict[Any, HoldBack], list[str], str | None]:
    """The ledger with the run's holds (and the holds that name nothing), and, before any
    letter, every reason not to write it back: a dry run says why a real one would stop."""
    settings = job.settings
    with step(job.progress, "Lecture du classeur"):
        ledger = read_ledger(job.ledger_path, settings, as_of=job.as_of)
    changed = job.expect and what_changed(job.expect, ledger.fingerprint.sha256, settings)
    if changed:  # the workbook, relance.toml or a template (« Confirmer » checks them all)
        raise WorkbookChanged(changed_sentence(changed, AGAIN_RUN, job.ledger_path.name))
    # A dry run lists the problems, and says the decision a real run would take.
    share = settings.writeback.min_usable_share
    why = would_stop(ledger, share, writes=job.asked_write) if job.dry_run else None
    early = too_early(ledger, settings, job.as_of, writes=job.write_workbook)
    link = linked_ledger(job.ledger_path, writes=job.write_workbook, outputs=not job.dry_run)
    said = (f"Sans --dry-run, ce run s'arrêterait : {why}." if why else "", early, link)
    ledger = dataclasses.replace(ledger, warnings=(*filter(None, said), *ledger.warnings))
    if job.write_workbook:
        refuse_implausible(ledger, settings.writeback.min_usable_share)
        preflight(job.ledger_path, ledger.fingerprint)
        check_targets(ledger.sheet_ref, settings.writeback)
    frame, held_now, unheld = hold_rows(ledger.frame, job.hold)
    return dataclasses.replace(ledger, frame=frame), held_now, unheld, why


class _Beside:
    """The run's work that needs no letter file, done while the worker processes render them:
    the decisions with the held letters, each invoice's letter, its RF reference (with as_of)."""

    def __init__(
        self,
        ledger: Ledger,
        decisions: Decisions,
        ready: list[Letter],
        held: list[Letter],
        data: LetterRows,
        as_of: dt.date | None,
    ) -> None:
        self._inputs: tuple[Any, ...] | None = (ledger, decisions, ready, held, data, as_of)
        self.decisions = decisions
        self.letter_of: dict[Any, str] = {}
        self.unclaimed: frozenset[Any] = frozenset()
        self.reference_of: dict[Any, str] = {}

    def work(self) -> None:
        """Do it, once (a second call does nothing)."""
        if self._inputs is None:
            return
        # Let go of the letters (and their contexts) as soon as done: freed after the writing.
        ledger, decisions, ready, held, data, as_of = self._inputs
        self._inputs = None
        self.decisions = hold_back(decisions, ledger.frame, held_rows(held))
        # statements: none; the references only for the journal of a write-back (as_of)
        self.letter_of = {row: str(x.path) for x in ready for row in x.plan.rows}
        self.unclaimed = unclaimed_rows(ready)
        self.reference_of = journal_references(ready, data, as_of) if as_of else {}


__all__ = ["run"]
