"""The e-mail side of the weekly batch: the drafts a run writes (dispatch sends them later)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..config import Settings
from ..errors import LibreOfficeError
from ..ledger import Ledger, Problem
from ..letters import Letter, convert_to_pdf, soffice_binary
from ..progress import Progress
from ..userfiles import write_fresh
from .attachments import attachment_root, check_attachment
from .emails import (
    EMAIL_DIR,
    Draft,
    EmailText,
    InvoiceLine,
    Manifest,
    build_message,
    draft_name,
    parse_addresses,
    render_email,
)


@dataclass(frozen=True)
class Pending:
    """A message to draft once its letter exists: which letter, to whom, what it says."""

    letter: Letter
    to: tuple[str, ...]
    body: EmailText


@dataclass(frozen=True)
class Messages:
    """The messages a run will draft, the clients with no usable address, and why."""

    pending: list[Pending] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan_messages(letters: list[Letter], ledger: Ledger, settings: Settings) -> Messages:
    """Render every message before any letter is written, so a broken template stops early."""
    result = Messages()
    header = ledger.columns.get("email", "E-mail")
    for letter in letters:
        plan, ctx = letter.plan, letter.context
        assert ctx is not None  # e-mails need every letter's context
        rows = ledger.frame.loc[list(plan.rows)]
        cell = next(((r, e) for r, e in zip(rows["row"], rows["email"], strict=True) if e), None)
        if cell is None:
            result.no_email.append(plan.client)
            continue
        try:
            to = parse_addresses(str(cell[1]), settings.email.max_recipients)
        except ValueError as exc:
            shown = str(cell[1]) if len(str(cell[1])) <= 80 else f"{str(cell[1])[:79]}…"
            result.problems.append(Problem(int(cell[0]), header, shown, str(exc), "warning"))
            result.no_email.append(plan.client)
            continue
        body = render_email(ctx, plan.language, settings)
        result.pending.append(Pending(letter, tuple(to), body))
    result.no_email[:] = sorted(set(result.no_email), key=str.casefold)
    return result


def without_email(letters: list[Letter], ledger: Ledger) -> list[str]:
    """The clients of these letters with no e-mail address in the ledger (paper only)."""
    rows = [i for x in letters for i in x.plan.rows]
    owners = [x.plan.client for x in letters for _ in x.plan.rows]
    # One lookup for all the letters' rows: .loc per letter cost 0.2 s for 2,000 letters.
    emails = ledger.frame["email"].loc[rows].tolist()
    reached = {c for c, e in zip(owners, emails, strict=True) if isinstance(e, str) and e}
    return sorted({x.plan.client for x in letters} - reached, key=str.casefold)


def waiting_for_address(
    held: list[Letter], ledger: Ledger, email: bool, ran: bool = False
) -> str | None:
    """One sentence for the letters held for their client's postal address: what to do, and
    what --email does for them (nothing: an e-mail goes with a complete letter only). ran: the
    day's run was made (the workbook written): they go with the next run, not a second one."""
    waiting = [x for x in held if any(m.startswith("adresse du client") for m in x.missing)]
    if not waiting:
        return None
    clients = sorted({x.plan.client for x in waiting}, key=str.casefold)
    reached = len(clients) - len(without_email(waiting, ledger))
    more = f" … et {len(clients) - 10} autres" if len(clients) > 10 else ""
    shown = ", ".join(clients[:10]) + more
    said = (
        f"{len(waiting)} lettre(s) restent à compléter faute de l'adresse postale complète de "
        f"leur client ({shown}) : ajoutez-la au classeur (colonnes « Adresse », « Code postal » "
        "et « Ville », ou une feuille de clients) "
    )
    if ran:
        said += f"; elle{'s' * (len(waiting) > 1)} partir{'ont' if len(waiting) > 1 else 'a'} "
        said += "au prochain traitement"
    else:
        said += "puis relancez"
    if reached:
        done = "aucun e-mail n'est préparé pour elles" if email else "préparer les e-mails n'y "
        done += "" if email else "changerait rien"
        said += (
            f" ; {done}, même pour les {reached} client(s) qui ont une adresse e-mail : un "
            "e-mail accompagne une lettre complète, jamais une lettre à compléter"
        )
    return said + "."


def write_drafts(
    messages: Messages,
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
    root = attachment_root(settings, ledger.path)
    written: list[Path] = []
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for item in messages.pending:
        plan, letter = item.letter.plan, item.letter.path
        pdf = out / "pdf" / f"{letter.stem}.pdf"
        files = [pdf if pdf.is_file() else letter]
        for idx in plan.rows:
            own = frame.at[idx, "attachment"]
            if not own:
                continue
            found = check_attachment(str(own), root, settings.email.max_attachment_mb)
            if found.path is not None:
                files.append(found.path)
            else:
                problems.append(
                    Problem(
                        int(frame.at[idx, "row"]), header, str(own), found.refusal or "", "warning"
                    )
                )
        msg = build_message(settings, plan.client, list(item.to), item.body, files, now)
        target = folder / draft_name(letter)
        write_fresh(target, bytes(msg))
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
        emailed = [m.letter.path for m in messages.pending]
        if soffice_binary(settings.soffice) is None:
            warnings.append(
                "LibreOffice est absent : les e-mails joignent les lettres au format .docx."
            )
        else:
            progress.start("PDF des e-mails (LibreOffice)", 1)
            try:
                convert_to_pdf(emailed, out / "pdf", soffice=settings.soffice)
            except LibreOfficeError as exc:
                warnings.append(f"{exc} Les e-mails joignent les lettres au format .docx.")
            progress.advance()
            progress.stop()
    drafts, problems = write_drafts(messages, ledger, decisions, settings, out, as_of, now)
    return drafts, problems, warnings


def _relative(path: Path, folder: Path) -> str:
    # Relative to the drafts, so the run's folder and its ledger can move together.
    try:
        return os.path.relpath(path.resolve(), folder.resolve())
    except ValueError:  # another drive on Windows
        return str(path.resolve())


__all__ = [
    "Messages",
    "Pending",
    "draft_run",
    "plan_messages",
    "without_email",
    "write_drafts",
]
