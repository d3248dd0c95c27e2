"""Run the weekly batch: read, decide, write letters, write back. Returns a frozen result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from .bundle import BUNDLE_NAME, build_bundle, convert_to_pdf
from .config import Settings, find_config, load_settings
from .errors import TemplateError
from .journal import JournalEntry
from .ledger import Ledger, read_ledger
from .letters import LetterPlan, creditor_context, letter_context, plan_letters, total_due
from .policy import Decisions, decide
from .problems import Problem
from .rates import load_rate_tables
from .render import check_template, inside, render_letter, safe_filename, template_path
from .results import CheckResult, InvoiceResult, LetterResult, RunResult
from .writeback import StatusUpdate, preflight, write_back


class Progress(Protocol):
    """What the pipeline tells about long steps; the CLI shows it as a progress bar."""

    def start(self, label: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def stop(self) -> None: ...


class _Quiet:
    def start(self, label: str, total: int) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def stop(self) -> None:
        return None


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
) -> CheckResult:
    """Read and validate the ledger only; write nothing."""
    settings, warnings = _settings(config, ledger_path)
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
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    """The weekly batch on one ledger, for the date as_of."""
    progress = progress or _Quiet()
    settings, warnings = _settings(config, ledger_path)
    ledger = read_ledger(ledger_path, settings, as_of=as_of, sheet=sheet)
    if write_workbook and not dry_run:
        preflight(ledger_path, ledger.fingerprint)  # before any letter is written
    decisions = decide(ledger.frame, as_of, settings.policy, load_rate_tables())
    warnings += list(decisions.warnings)
    plans = plan_letters(ledger.frame, decisions.frame, settings.letters.language)
    out = out_dir or ledger_path.resolve().parent / "relances" / as_of.isoformat()
    problems = list(ledger.problems)

    missing: list[str] = []
    creditor = creditor_context(settings, missing)
    contexts = []
    for plan in plans:
        ctx, lacking = letter_context(
            plan, ledger.frame, decisions.frame, settings, as_of, decisions.rate, creditor
        )
        contexts.append(ctx)
        if "debtor.address" in lacking:
            problems.append(
                Problem(
                    None,
                    None,
                    plan.client,
                    "adresse du client manquante : la lettre porte « [ADRESSE À COMPLÉTER] »",
                    "warning",
                )
            )
    _check_templates(plans, contexts, settings)
    names: set[str] = set()
    paths = [inside(out, safe_filename(p.client, p.kind, names)) for p in plans]
    bundle = pdfs = None
    if not dry_run and plans:
        out.mkdir(parents=True, exist_ok=True)
        progress.start("Lettres", len(plans))
        for plan, ctx, path in zip(plans, contexts, paths, strict=True):
            render_letter(template_path(plan.kind, plan.language, settings), ctx, path)
            progress.advance()
        progress.stop()
        bundle = build_bundle(paths, out / BUNDLE_NAME)
        if pdf:
            progress.start("PDF (LibreOffice)", 1)
            pdfs = convert_to_pdf([*paths, bundle], out / "pdf")
            progress.advance()
            progress.stop()

    letter_of = {
        row: str(path) for plan, path in zip(plans, paths, strict=True) for row in plan.rows
    }
    invoices = _invoice_results(ledger, decisions, letter_of)
    written = journal_lines = 0
    backup = None
    if write_workbook and not dry_run:
        updates = status_updates(ledger.frame, decisions.frame, as_of)
        entries = journal_entries(ledger.frame, decisions.frame, letter_of, as_of)
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
        letters=[
            LetterResult(
                str(path),
                p.client,
                p.kind,
                [str(ledger.frame.at[r, "invoice"]) for r in p.rows],
                total_due(p, ledger.frame, decisions.frame),
            )
            for p, path in zip(plans, paths, strict=True)
        ],
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
    plans: list[LetterPlan], contexts: list[dict[str, Any]], settings: Settings
) -> None:
    """Refuse to start with a broken template, before any letter is written."""
    seen: set[Path] = set()
    for plan, ctx in zip(plans, contexts, strict=True):
        path = template_path(plan.kind, plan.language, settings)
        if path in seen:
            continue
        seen.add(path)
        issues = check_template(path, ctx)
        if issues:
            raise TemplateError(
                f"Modèle de lettre à corriger avant l'envoi : {issues[0].describe()} ; "
                "lancez « relance templates check » pour la liste complète."
            )


def _invoice_results(
    ledger: Ledger, decisions: Decisions, letter_of: dict[Any, str]
) -> list[InvoiceResult]:
    f, d = ledger.frame, decisions.frame
    out = []
    for idx in f.index:
        due = f.at[idx, "due_date"]
        late = d.at[idx, "days_late"]
        out.append(
            InvoiceResult(
                row=int(f.at[idx, "row"]),
                invoice=str(f.at[idx, "invoice"] or ""),
                client=str(f.at[idx, "client"] or ""),
                due=due.date().isoformat() if pd.notna(due) else None,
                days_late=int(late) if pd.notna(late) else None,
                outstanding=round(float(f.at[idx, "outstanding"]), 2),
                level=int(d.at[idx, "level"]),
                action=str(d.at[idx, "action"]),
                interest=float(d.at[idx, "interest"]),
                indemnity=float(d.at[idx, "indemnity"]),
                letter=letter_of.get(idx),
                reason=str(d.at[idx, "reason"]),
            )
        )
    return out


def status_updates(
    frame: pd.DataFrame, decisions: pd.DataFrame, as_of: dt.date
) -> list[StatusUpdate]:
    """The rows whose status cells change; rows with a problem get only the status sentence.

    A row already acted on today keeps the sentence written then, so a second run on the
    same date leaves the workbook exactly as the first one did.
    """
    updates = []
    today = pd.Timestamp(as_of)
    for idx in frame.index:
        reason = str(decisions.at[idx, "reason"])
        old_status = _text(frame.at[idx, "status_text"])
        if not frame.at[idx, "valid"]:
            if reason != old_status:
                updates.append(StatusUpdate(int(frame.at[idx, "row"]), None, None, reason))
            continue
        label = _text(decisions.at[idx, "label"])
        date = decisions.at[idx, "date"]
        day = date.date() if pd.notna(date) else None
        old_date = frame.at[idx, "last_date"]
        old_day = old_date.date() if pd.notna(old_date) else None
        old_label = _text(frame.at[idx, "level_text"])
        if (
            decisions.at[idx, "action"] not in ("letter", "thanks", "litigation")
            and old_date == today
            and (label, day) == (old_label, old_day)
        ):
            continue
        if (label, day, reason) != (old_label, old_day, old_status):
            updates.append(StatusUpdate(int(frame.at[idx, "row"]), label, day, reason))
    return updates


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def journal_entries(
    frame: pd.DataFrame, decisions: pd.DataFrame, letter_of: dict[Any, str], as_of: dt.date
) -> list[JournalEntry]:
    """One journal line per invoice that got a letter, thanks or went to litigation today."""
    acted = decisions.index[decisions["action"].isin(["letter", "thanks", "litigation"])]
    return [
        JournalEntry(
            as_of,
            str(frame.at[i, "invoice"] or ""),
            str(frame.at[i, "client"]),
            str(decisions.at[i, "label"]),
            str(decisions.at[i, "action"]),
            float(frame.at[i, "outstanding"]),
            float(decisions.at[i, "interest"]),
            float(decisions.at[i, "indemnity"]),
            Path(letter_of[i]).name if i in letter_of else "",
        )
        for i in acted
    ]


__all__ = [
    "CheckResult",
    "InvoiceResult",
    "LetterResult",
    "Progress",
    "RunResult",
    "check",
    "journal_entries",
    "run",
    "status_updates",
]
