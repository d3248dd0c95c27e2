"""The parts of a run around its letters: what it leaves out and why, whether the day's run
was done already, the report and litigation files written after the write-back."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import collector
from ..config import Settings, legal_line
from ..errors import RelanceError, RunDateError
from ..forking import Forked
from ..ledger import ACTION_LABELS, Ledger, Problem
from ..letters import Letter, LetterRows, bank_warnings, is_registered
from ..policy import Decisions
from ..progress import Progress, step
from ..results import (
    NOT_CHASED,
    LetterResult,
    NotChased,
    PaidLate,
    Summary,
    letter_lines,
    letter_result,
    not_chased,
    paid_late_by_client,
    summary_of,
)
from ..workbook import existing_keys, last_run_day
from .declarations import declare_all
from .dossiers import FOLDER, Litigation, litigation_clients
from .figures import figures_of, write_figures
from .outputs import refuse_links
from .redone import changed_in_court, say_redone


@dataclass(frozen=True)
class Sheet:
    """The letters as results, with their lines, and the run's decision sheet."""

    letters: list[LetterResult]
    to_complete: list[LetterResult]
    paid_late: list[PaidLate]
    summary: Summary


def decision_sheet(
    ledger: Ledger,
    decisions: Decisions,
    data: LetterRows,
    ready: list[Letter],
    held: list[Letter],
    settings: Settings,
    as_of: dt.date,
    page: Callable[[Letter], int | None] = lambda letter: None,
) -> Sheet:
    """Each letter with its invoices' amounts and short reasons, the totals by kind, and
    what the week leaves out and why; whether it goes by registered post, and the page of
    its PDF bundle where it starts."""
    lines = letter_lines([*ready, *held], data, ledger.frame, settings.policy, as_of)
    paid_late = paid_late_by_client(ledger, decisions)
    return Sheet(
        [
            letter_result(x, data, lines, registered=is_registered(x, settings), page=page(x))
            for x in ready
        ],
        [letter_result(x, data, lines) for x in held],
        paid_late,
        summary_of(ready, lines, left_out(ledger, decisions, settings, as_of, paid_late)),
    )


def left_out(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    paid_late: list[PaidLate],
) -> list[NotChased]:
    """What the week's letters leave out, and why, with the penalties of invoices paid late."""
    out = not_chased(ledger.frame, decisions.frame, as_of, settings.policy)
    label = NOT_CHASED["paid_late"]
    out += [
        NotChased("paid_late", label, p.client, p.invoices, round(p.interest + p.indemnity, 2))
        for p in paid_late
    ]
    label = NOT_CHASED["other_sheet"]
    out += [
        NotChased("other_sheet", label, f"feuille « {o.sheet} »", list(o.invoices), o.amount)
        for o in ledger.elsewhere
    ]
    return out


def done_before(ledger: Ledger, settings: Settings, as_of: dt.date) -> int:
    """Letters of as_of the journal already holds: the day's run was done before this one."""
    sheet = settings.writeback.journal_sheet
    if sheet not in ledger.sheets or ledger.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return 0
    try:
        keys, _ = existing_keys(str(ledger.path), sheet)
    except (RelanceError, OSError):
        return 0
    acted = tuple(ACTION_LABELS[a] for a in ("letter", "thanks", "claim", "litigation"))
    return sum(1 for day, _, action, *_ in keys if day == as_of and action.startswith(acted))


def too_early(ledger: Ledger, settings: Settings, as_of: dt.date, writes: bool) -> str:
    """A run dated before the last run the journal records: refused when it writes the
    workbook (RunDateError), said as a warning otherwise ("" when the date is right)."""
    sheet = settings.writeback.journal_sheet
    if sheet not in ledger.sheets or ledger.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return ""
    try:
        last = last_run_day(ledger.path, sheet)
    except OSError:
        return ""
    if last is None or as_of >= last:
        return ""
    said = (
        f"Cette date ({as_of:%d/%m/%Y}) est antérieure au dernier traitement enregistré dans "
        f"le journal ({last:%d/%m/%Y}) : "
    )
    if writes:
        raise RunDateError(
            said + "les lettres porteraient une date passée et le classeur se contredirait ; "
            f"rien n'a été écrit. Choisissez une date à partir du {last:%d/%m/%Y} (en "
            "général, celle du jour)."
        )
    return said + (
        "le traitement réel sera refusé. Choisissez une date à partir du "
        f"{last:%d/%m/%Y} (en général, celle du jour)."
    )


# Figures, rows and paragraphs by the hundred thousand, none in a reference cycle: the cycle
# collector would walk the run's whole heap again and again meanwhile.
@collector.paused()
def report_and_dossiers(
    ledger: Ledger,
    decisions: Decisions,
    as_of: dt.date,
    settings: Settings,
    out: Path,
    pdf: bool,
    progress: Progress,
    warnings: list[str],
    problems: list[Problem] | None = None,
) -> tuple[str | None, list[str], list[str]]:
    """rapport.xlsx (and its PDF with --pdf) beside the letters; the litigation files; the
    declarations of claim of the clients in collective proceedings. An invoice file refused
    for a litigation file's pieces/ is added to problems."""
    handed = litigation_clients(decisions, ledger)
    # A file handed over whose invoice was paid or credited since: redone (redone.py).
    changed = changed_in_court(ledger, as_of)
    clients = sorted({*handed, *changed})
    litigation = (
        Litigation(ledger, decisions, settings, as_of, out, clients, changed) if clients else None
    )
    theirs, mine = _split(litigation)
    # The child's litigation files are written while this process writes the report, then
    # its own: both wait on no one (one core sat idle for 25 s at a million invoices).
    child = None if litigation is None else _child(litigation, ledger.path, out, theirs)
    with child or contextlib.nullcontext():
        with step(progress, "Rapport"):
            made = write_figures(
                figures_of(ledger, decisions, as_of, settings, after=True),
                out,
                pdf=pdf,
                soffice=settings.soffice,
                papers=legal_line(settings.creditor),
            )
        warnings += made.warnings
        files: dict[str, list[str]] = {}
        if litigation is not None and child is not None:
            # Written straight as XML, about 1 ms a file (python-docx took 25 ms).
            with step(progress, "Dossiers de contentieux"):
                refuse_links(ledger.path, out)
                here: list[Problem] = []
                later = litigation.write(mine, here)
                earlier, there = child.result() or _theirs(litigation, ledger.path, out, theirs)
                if problems is not None:
                    problems += [*there, *here]  # in the ledger's order, as written in one
                files = litigation.finish({**earlier, **later}, pdf)
            if handed:
                warnings.append(
                    f"{len(handed)} client(s) remis au contentieux : leur dossier est dans "
                    f"{out / FOLDER} (par exemple « {handed[0]} »)."
                )
            warnings += say_redone(files, changed)
    declared = declare_all(ledger, decisions, settings, as_of, out, pdf, progress, warnings)
    return made.xlsx, [written[0] for written in files.values() if written], declared


# The litigation files are split between two processes from this many invoices of the
# clients handed over (fewer: a fork costs more than it gains).
SPLIT_FROM = 20_000
# The share of those invoices whose files the child writes: this process writes the report
# first. Measured at 200,000 and 1,048,575 invoices (report 1 and 2.4 s, files 3.5 and 25 s).
CHILD_SHARE = 0.58


def _split(litigation: Litigation | None) -> tuple[list[str], list[str]]:
    """The clients whose files the child writes (the first ones, in the ledger's order, none
    for a small run), and this process's."""
    if litigation is None:
        return [], []
    order = list(litigation.groups)
    sizes = [len(litigation.groups[c]) for c in order]
    total = sum(sizes)
    if total < SPLIT_FROM:
        return [], order
    cut, done = 0, 0
    while cut < len(order) and done < total * CHILD_SHARE:
        done += sizes[cut]
        cut += 1
    return order[:cut], order[cut:]


def _child(
    litigation: Litigation, ledger: Path, out: Path, clients: list[str]
) -> Forked[tuple[dict[str, list[Path]], list[Problem]]]:
    """The files of these clients, written by a forked child (none for no client: the caller
    writes them when there is no child or it failed)."""
    if clients:
        # The freed blocks malloc keeps would be shared with the child: each process's new
        # objects written into them would copy their pages. Given back first, the two
        # processes' PSS over the overlap rose 60-77 MiB at 200,000 invoices, not 180.
        collector.give_back()
    work = functools.partial(_theirs, litigation, ledger, out, clients)
    return Forked(lambda receive: work(), start=bool(clients))


def _theirs(
    litigation: Litigation, ledger: Path, out: Path, clients: list[str]
) -> tuple[dict[str, list[Path]], list[Problem]]:
    """The files of these clients and the problems met writing them."""
    refuse_links(ledger, out)
    problems: list[Problem] = []
    return litigation.write(clients, problems), problems


def template_folder(settings: Settings, warnings: list[str]) -> str | None:
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
    if not settings.creditor.bank.strip():
        # An old copy's « ({{ creditor.bank }}) » prints « () » with no bank: said, not changed.
        for path in sorted(folder.glob("*.docx")) + sorted(folder.glob("en/*.docx")):
            warnings += [f"Modèle {w.describe()}" for w in bank_warnings(path)]
    return str(folder)


__all__ = [
    "Sheet",
    "decision_sheet",
    "done_before",
    "left_out",
    "report_and_dossiers",
    "template_folder",
    "too_early",
]
