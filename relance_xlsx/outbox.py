"""The e-mail side of the weekly batch: drafts during a run, sending afterwards."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .config import Settings, find_config, load_settings
from .emails import (
    EMAIL_DIR,
    Draft,
    EmailText,
    InvoiceLine,
    Manifest,
    build_message,
    draft_name,
    manifest_folder,
    parse_addresses,
    render_email,
    sender,
)
from .errors import EmailError, LibreOfficeError
from .journal import JournalEntry, existing_keys
from .ledger import Ledger
from .letters import LetterPlan
from .levels import ACTION_LABELS
from .pdf import convert_to_pdf, soffice_binary
from .problems import Problem
from .progress import Progress
from .sending import Delivery, read_sent_log, send_drafts, smtp_password
from .writeback import append_journal, preflight

EMAIL_ACTION = ACTION_LABELS["email"]


@dataclass(frozen=True)
class Pending:
    """A message to draft once its letter exists: which letter, to whom, what it says."""

    index: int  # position of the letter in the run's plans
    to: tuple[str, ...]
    body: EmailText


@dataclass(frozen=True)
class Messages:
    """The messages a run will draft, the clients with no usable address, and why."""

    pending: list[Pending] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan_messages(
    plans: list[LetterPlan], contexts: list[dict[str, Any]], ledger: Ledger, settings: Settings
) -> Messages:
    """Render every message before any letter is written, so a broken template stops early."""
    result = Messages()
    header = ledger.columns.get("email", "E-mail")
    for i, (plan, ctx) in enumerate(zip(plans, contexts, strict=True)):
        rows = ledger.frame.loc[list(plan.rows)]
        cell = next(((r, e) for r, e in zip(rows["row"], rows["email"], strict=True) if e), None)
        if cell is None:
            result.no_email.append(plan.client)
            continue
        try:
            to = parse_addresses(str(cell[1]))
        except ValueError as exc:
            result.problems.append(Problem(int(cell[0]), header, str(cell[1]), str(exc), "warning"))
            result.no_email.append(plan.client)
            continue
        body = render_email(ctx, plan.language, settings)
        result.pending.append(Pending(i, tuple(to), body))
    result.no_email[:] = sorted(set(result.no_email), key=str.casefold)
    return result


def write_drafts(
    messages: Messages,
    plans: list[LetterPlan],
    letters: list[Path],
    ledger: Ledger,
    decisions: pd.DataFrame,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    now: dt.datetime,
) -> tuple[list[Path], list[Problem]]:
    """Write one .eml per pending message and the manifest `relance send` reads."""
    folder = out / EMAIL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    frame = ledger.frame
    header = ledger.columns.get("attachment", "PDF facture")
    written: list[Path] = []
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for item in messages.pending:
        plan, letter = plans[item.index], letters[item.index]
        pdf = out / "pdf" / f"{letter.stem}.pdf"
        files = [pdf if pdf.is_file() else letter]
        for idx in plan.rows:
            own = frame.at[idx, "attachment"]
            if not own:
                continue
            path = Path(str(own)).expanduser()
            path = path if path.is_absolute() else ledger.path.parent / path
            if path.is_file():
                files.append(path)
            else:
                problems.append(
                    Problem(
                        int(frame.at[idx, "row"]),
                        header,
                        str(own),
                        "fichier de la facture introuvable : l'e-mail part sans lui",
                        "warning",
                    )
                )
        msg = build_message(settings, plan.client, list(item.to), item.body, files, now)
        target = folder / draft_name(letter)
        target.write_bytes(bytes(msg))
        written.append(target)
        drafts.append(
            Draft(
                target.name,
                plan.client,
                plan.kind,
                item.to,
                item.body.subject,
                tuple(f.name for f in files),
                tuple(
                    InvoiceLine(
                        str(frame.at[i, "invoice"] or ""),
                        str(decisions.at[i, "label"]),
                        float(frame.at[i, "outstanding"]),
                        float(decisions.at[i, "interest"]),
                        float(decisions.at[i, "indemnity"]),
                    )
                    for i in plan.rows
                ),
            )
        )
    config = _relative(settings.config_path, folder) if settings.config_path else None
    Manifest(
        _relative(ledger.path, folder), ledger.sheet, as_of.isoformat(), config, tuple(drafts)
    ).save(folder)
    return written, problems


def draft_run(
    messages: Messages,
    plans: list[LetterPlan],
    paths: list[Path],
    ledger: Ledger,
    decisions: pd.DataFrame,
    settings: Settings,
    out: Path,
    as_of: dt.date,
    pdf_done: bool,
    progress: Progress,
    now: dt.datetime,
) -> tuple[list[Path], list[Problem], list[str]]:
    """The e-mail drafts, with each letter attached as PDF when LibreOffice can make it."""
    warnings = []
    if not pdf_done:
        emailed = [paths[m.index] for m in messages.pending]
        if soffice_binary() is None:
            warnings.append(
                "LibreOffice est absent : les e-mails joignent les lettres au format .docx."
            )
        else:
            progress.start("PDF des e-mails (LibreOffice)", 1)
            try:
                convert_to_pdf(emailed, out / "pdf")
            except LibreOfficeError as exc:
                warnings.append(f"{exc} Les e-mails joignent les lettres au format .docx.")
            progress.advance()
            progress.stop()
    drafts, problems = write_drafts(
        messages, plans, paths, ledger, decisions, settings, out, as_of, now
    )
    return drafts, problems, warnings


def _relative(path: Path, folder: Path) -> str:
    # Relative to the drafts, so the run's folder and its ledger can move together.
    try:
        return os.path.relpath(path.resolve(), folder.resolve())
    except ValueError:  # another drive on Windows
        return str(path.resolve())


@dataclass(frozen=True)
class SendPlan:
    """What `relance send` is about to do, shown to the user before asking to confirm."""

    folder: Path
    manifest: Manifest
    ledger: Path
    settings: Settings
    pending: tuple[Draft, ...]
    already_sent: tuple[Draft, ...]
    sent_log: dict[str, dict[str, object]]

    @property
    def server(self) -> str:
        """host:port, for the confirmation question."""
        return f"{self.settings.smtp.host}:{self.settings.smtp.port}"


def prepare_send(out_dir: Path, config: Path | None) -> SendPlan:
    """Load the drafts of a run, the SMTP settings, and what was already sent."""
    manifest = Manifest.load(out_dir)
    folder = manifest_folder(out_dir)
    ledger = folder / manifest.ledger
    recorded = folder / manifest.config if manifest.config else None
    chosen = config or (recorded if recorded and recorded.is_file() else None)
    settings = load_settings(find_config(chosen, ledger))
    if not settings.smtp.host:
        raise EmailError(
            "Aucun serveur d'envoi configuré : renseignez [smtp] host dans relance.toml."
        )
    if sender(settings) is None:
        raise EmailError(
            "Aucune adresse d'expéditeur : renseignez [smtp] from_address dans relance.toml."
        )
    if not ledger.is_file():
        raise EmailError(
            f"Le classeur {ledger} est introuvable : l'envoi doit pouvoir noter chaque "
            "message dans son journal."
        )
    preflight(ledger)  # the journal is written after sending: refuse now if it cannot be
    log = read_sent_log(folder)
    keys, _ = existing_keys(str(ledger), settings.writeback.journal_sheet)
    day = dt.date.fromisoformat(manifest.as_of)

    def sent(d: Draft) -> bool:
        journal = all((day, line.invoice, EMAIL_ACTION, line.level) in keys for line in d.lines)
        return d.file in log or (bool(d.lines) and journal)

    done = {d.file for d in manifest.drafts if sent(d)}
    return SendPlan(
        folder,
        manifest,
        ledger.resolve(),
        settings,
        tuple(d for d in manifest.drafts if d.file not in done),
        tuple(d for d in manifest.drafts if d.file in done),
        log,
    )


def send(
    plan: SendPlan,
    *,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    advance: Callable[[], None],
) -> tuple[list[Delivery], int, Path | None]:
    """Send the pending drafts, then journal the accepted ones; (deliveries, lines, backup)."""
    smtp = plan.settings.smtp
    deliveries = send_drafts(
        plan.folder,
        list(plan.pending),
        smtp,
        smtp_password(smtp),
        log=dict(plan.sent_log),
        now=now,
        sleep=sleep,
        advance=advance,
    )
    accepted = {d.file for d in deliveries if d.status == "sent"}
    day = dt.date.fromisoformat(plan.manifest.as_of)
    entries = [
        JournalEntry(
            day,
            line.invoice,
            draft.client,
            line.level,
            EMAIL_ACTION,
            line.outstanding,
            line.interest,
            line.indemnity,
            draft.file,
        )
        for draft in plan.pending
        if draft.file in accepted
        for line in draft.lines
    ]
    if not entries:
        return deliveries, 0, None
    result = append_journal(plan.ledger, entries, plan.settings.writeback, now=now())
    return deliveries, result.journal_lines, result.backup


__all__ = [
    "EMAIL_ACTION",
    "Messages",
    "Pending",
    "SendPlan",
    "draft_run",
    "plan_messages",
    "prepare_send",
    "send",
    "write_drafts",
]
