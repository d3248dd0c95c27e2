"""`relance send`: the drafts of a run, what was already sent, sending, then the journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Settings, load_settings
from ..errors import EmailError, WorkbookError
from ..workbook import SEND as SEND_REFUSED
from ..workbook import append_journal, existing_keys, ledger_lock, line_key, preflight
from .emails import Draft, Manifest, manifest_folder, sender
from .hints import SET_FROM, SET_HOST
from .password import smtp_password
from .pending import EMAIL_ACTION, mark_journaled, remember_folder, unjournaled
from .sending import Delivery, read_sent_log, send_drafts


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


def prepare_send(out_dir: Path, settings: Settings | None = None) -> SendPlan:
    """Load the drafts of a run, the SMTP settings, and what was already sent.

    Without settings, those of the relance.toml the run recorded in its manifest are used.
    """
    manifest = Manifest.load(out_dir)
    folder = manifest_folder(out_dir)
    ledger = folder / manifest.ledger
    if settings is None:
        recorded = folder / manifest.config if manifest.config else None
        settings = load_settings(recorded if recorded and recorded.is_file() else None)
    if not settings.smtp.host:
        raise EmailError(f"Aucun serveur d'envoi configuré : {SET_HOST}.")
    if sender(settings) is None:
        raise EmailError(f"Aucune adresse d'expéditeur : {SET_FROM}.")
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
        journal = all(
            line_key(day, line.invoice, EMAIL_ACTION, line.level, "") in keys for line in d.lines
        )
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
    """Send the pending drafts, then journal the accepted ones; (deliveries, lines, backup).

    The ledger's lock is held throughout, so a run cannot rewrite the workbook meanwhile.
    """
    with ledger_lock(plan.ledger, SEND_REFUSED):
        remember_folder(plan.ledger, plan.folder)
        return _send_and_journal(plan, now=now, sleep=sleep, advance=advance)


def _send_and_journal(
    plan: SendPlan,
    *,
    now: Callable[[], dt.datetime],
    sleep: Callable[[float], None],
    advance: Callable[[], None],
) -> tuple[list[Delivery], int, Path | None]:
    smtp = plan.settings.smtp
    if not smtp.from_address.strip():
        # « Adresse d'expéditeur » empty: the creditor's e-mail sends, and gets the copy.
        address = sender(plan.settings)
        if address is not None:
            smtp = replace(smtp, from_address=address.addr_spec)
    log = dict(plan.sent_log)
    deliveries = send_drafts(
        plan.folder,
        list(plan.pending),
        smtp,
        smtp_password(smtp),
        log=log,
        now=now,
        sleep=sleep,
        advance=advance,
        max_recipients=plan.settings.email.max_recipients,
    )
    # This batch's accepted messages, and any an earlier send could not journal.
    todo = unjournaled(plan.folder, plan.manifest, log)
    if not todo.entries:
        return deliveries, 0, None
    try:
        result = append_journal(plan.ledger, list(todo.entries), plan.settings.writeback, now=now())
    except WorkbookError as exc:
        raise WorkbookError(
            f"{len(todo.files)} e-mail(s) envoyé(s) ne sont pas encore notés dans le journal "
            f"({exc}) ; ils le seront au prochain « relance send » ou « relance run »."
        ) from exc
    mark_journaled(plan.folder, todo.files)
    return deliveries, result.journal_lines, result.backup


__all__ = ["EMAIL_ACTION", "SendPlan", "prepare_send", "send"]
