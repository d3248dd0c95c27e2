"""Run the weekly batch: read, decide, write letters, write back. Returns a frozen result."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import collector
from .config import Settings, find_config, load_settings
from .errors import TemplateError
from .ledger import Problem, read_ledger
from .letters import (
    BUNDLE_NAME,
    LetterJob,
    LetterPlan,
    LetterRows,
    check_template,
    convert_to_pdf,
    creditor_context,
    has_address,
    inside,
    letter_context,
    plan_letters,
    render_letters,
    safe_filename,
    template_path,
    total_due,
)
from .mail import (
    Delivery,
    Messages,
    SendPlan,
    draft_run,
    plan_messages,
    prepare_send_plan,
    send_messages,
)
from .policy import RateTables, decide, load_rate_tables
from .progress import Progress, Quiet, step
from .results import (
    CheckResult,
    InvoiceResult,
    LetterResult,
    RunResult,
    SendResult,
    invoice_results,
)
from .workbook import journal_entries, preflight, status_updates, write_back


def _settings(config: Path | None, ledger: Path) -> tuple[Settings, list[str]]:
    path = find_config(config, ledger)
    if path is None:
        return Settings(), [
            "Aucun relance.toml trouvé : les lettres portent « [À COMPLÉTER dans "
            "relance.toml] » à la place de l'identité du créancier ; lancez "
            "« relance init » pour le créer."
        ]
    return load_settings(path), []


def check(
    ledger_path: Path,
    *,
    config: Path | None = None,
    sheet: str | None = None,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Read and validate the ledger only; write nothing."""
    settings, warnings = _settings(config, ledger_path)
    with step(progress or Quiet(), "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of or dt.date.today(), sheet=sheet)
    return CheckResult(
        str(ledger_path),
        ledger.sheet,
        list(ledger.sheets),
        ledger.header_row,
        ledger.columns,
        ledger.invoice_count,
        list(ledger.problems),
        list(ledger.skipped),
        warnings + list(ledger.warnings),
    )


def rate_tables(settings: Settings) -> RateTables:
    """The bundled rate tables, or the user's copy named by [policy] rates_file."""
    if not settings.policy.rates_file:
        return load_rate_tables()
    return load_rate_tables(settings.path(settings.policy.rates_file))


def run(
    ledger_path: Path,
    *,
    as_of: dt.date,
    out_dir: Path | None = None,
    config: Path | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    write_workbook: bool = True,
    pdf: bool = False,
    email: bool = False,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    """The weekly batch on one ledger, for the date as_of."""
    progress = progress or Quiet()
    settings, warnings = _settings(config, ledger_path)
    with step(progress, "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of, sheet=sheet)
    if write_workbook and not dry_run:
        preflight(ledger_path, ledger.fingerprint)  # before any letter is written
    with step(progress, "Décisions"):
        decisions = decide(ledger.frame, as_of, settings.policy, rate_tables(settings))
        plans = plan_letters(ledger.frame, decisions.frame, settings.letters.language)
    warnings += list(ledger.warnings) + list(decisions.warnings)
    out = out_dir or ledger_path.resolve().parent / "relances" / as_of.isoformat()
    problems = list(ledger.problems)

    missing: list[str] = []
    creditor = creditor_context(settings, missing)
    # One bar from the letters' rows (seconds at a million invoices) to their contexts.
    progress.start("Préparation des lettres", len(plans))
    with collector.paused():
        data = LetterRows(ledger.frame, decisions.frame, plans)
    problems += [
        Problem(
            None,
            None,
            plan.client,
            "adresse du client manquante : la lettre porte « [ADRESSE À COMPLÉTER] »",
            "warning",
        )
        for plan in plans
        if not has_address(plan, data)
    ]

    def context(plan: LetterPlan) -> dict[str, Any]:
        progress.advance()
        return letter_context(plan, data, settings, as_of, decisions.rate, creditor)

    # A dry run fills one letter per template (to check it); a real run fills them all.
    contexts = [context(p) for p in plans] if (not dry_run or email) else []
    progress.stop()
    _check_templates(plans, contexts or None, context, settings)
    # Messages are rendered before any letter is written: a broken e-mail template stops early.
    messages = plan_messages(plans, contexts, ledger, settings) if email else Messages()
    problems += messages.problems
    names: set[str] = set()
    paths = [inside(out, safe_filename(p.client, p.kind, names)) for p in plans]
    bundle = pdfs = None
    drafts: list[Path] = []
    if not dry_run and plans:
        out.mkdir(parents=True, exist_ok=True)
        jobs = [
            LetterJob(template_path(plan.kind, plan.language, settings), ctx, path)
            for plan, ctx, path in zip(plans, contexts, paths, strict=True)
        ]
        bundle = render_letters(jobs, out / BUNDLE_NAME, progress)
        if pdf:
            # The bundle first: the longest single file starts while the letters follow.
            pdfs = convert_to_pdf([bundle, *paths], out / "pdf", progress=progress)
        if messages.pending:
            drafts, more, notes = draft_run(
                messages,
                plans,
                paths,
                ledger,
                decisions.frame,
                settings,
                out,
                as_of,
                pdf,
                progress,
                now or dt.datetime.now(),
            )
            problems += more
            warnings += notes

    letter_of = {
        row: str(path) for plan, path in zip(plans, paths, strict=True) for row in plan.rows
    }
    with step(progress, "Résultats"), collector.paused():
        invoices = invoice_results(ledger, decisions, letter_of)
        letters = [
            LetterResult(
                str(path),
                p.client,
                p.kind,
                [str(r["invoice"]) for r in data.of(p.rows)],
                total_due(p, data),
            )
            for p, path in zip(plans, paths, strict=True)
        ]
    written = journal_lines = 0
    backup = None
    if write_workbook and not dry_run:
        updates = status_updates(ledger.frame, decisions.frame, as_of)
        entries = journal_entries(ledger.frame, decisions.frame, letter_of, as_of)
        with step(progress, "Mise à jour du classeur"):
            result = write_back(
                ledger, updates, entries, settings.writeback, now=now or dt.datetime.now()
            )
        written, journal_lines, backup = result.rows_written, result.journal_lines, result.backup
    return RunResult(
        ledger=str(ledger_path),
        sheet=ledger.sheet,
        header_row=ledger.header_row,
        as_of=as_of.isoformat(),
        dry_run=dry_run,
        invoices=invoices,
        letters=letters,
        problems=problems,
        skipped=list(ledger.skipped),
        warnings=warnings + _missing(missing),
        out_dir=str(out),
        bundle=str(bundle) if bundle else None,
        pdfs=[str(p) for p in pdfs or []],
        rows_written=written,
        journal_lines=journal_lines,
        backup=str(backup) if backup else None,
        config=str(settings.config_path) if settings.config_path else None,
        emails=[str(d) for d in drafts],
        no_email=messages.no_email if email else [],
    )


def prepare_send(out_dir: Path, *, config: Path | None = None) -> SendPlan:
    """What `relance send` would send from a run's output folder (nothing is sent yet)."""
    return prepare_send_plan(out_dir, config)


def send(
    plan: SendPlan,
    *,
    progress: Progress | None = None,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    sleep: Callable[[float], None] = time.sleep,
) -> SendResult:
    """Send the drafts of a run through SMTP, then note each accepted one in the journal."""
    progress = progress or Quiet()
    progress.start("E-mails", len(plan.pending))
    try:
        deliveries, lines, backup = send_messages(
            plan, now=now, sleep=sleep, advance=progress.advance
        )
    finally:
        progress.stop()
    already = [Delivery(d.file, d.client, d.to, "already_sent") for d in plan.already_sent]
    return SendResult(
        str(plan.folder),
        plan.server,
        already + deliveries,
        lines,
        str(backup) if backup else None,
    )


def _missing(fields: list[str]) -> list[str]:
    unique = sorted(set(fields))
    if not unique:
        return []
    return [
        f"Identité du créancier incomplète ({', '.join(unique)}) : les lettres portent "
        "« [À COMPLÉTER dans relance.toml] » ; complétez la section [creditor]."
    ]


def _check_templates(
    plans: list[LetterPlan],
    contexts: list[dict[str, Any]] | None,
    context: Callable[[LetterPlan], dict[str, Any]],
    settings: Settings,
) -> None:
    """Refuse to start with a broken template, before any letter is written."""
    seen: set[tuple[str, str]] = set()
    for i, plan in enumerate(plans):
        if (plan.kind, plan.language) in seen:
            continue
        seen.add((plan.kind, plan.language))
        path = template_path(plan.kind, plan.language, settings)
        issues = check_template(path, contexts[i] if contexts else context(plan))
        if issues:
            raise TemplateError(
                f"Modèle de lettre à corriger avant l'envoi : {issues[0].describe()} ; "
                "lancez « relance templates check » pour la liste complète."
            )


__all__ = [
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "Progress",
    "RunResult",
    "SendResult",
    "check",
    "journal_entries",
    "prepare_send",
    "run",
    "send",
    "status_updates",
]
