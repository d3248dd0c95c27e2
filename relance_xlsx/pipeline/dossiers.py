"""Litigation files: one folder per client at the litigation stage (contentieux/<client>/)."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from ..config import Settings
from ..errors import LibreOfficeError
from ..figures import ClaimedInvoice, Dossier, write_dossier
from ..ledger import FORMAL_NOTICE, LITIGATION, Ledger, Problem, key_of
from ..letters import convert_to_pdf, soffice_binary
from ..policy import DOUBTFUL_LABEL, Decisions, doubtful, rate_caveat
from ..userfiles import move_in
from ..wording import visible_record
from ..workbook import journal_lines
from .casebars import is_barred, time_bars
from .casefile import FOLDER, client_folders, debtor_of, interest_from, notices, timeline
from .caserows import Columns, credit_notes, payments, records
from .outputs import refuse_links
from .pieces import copy_invoices
from .redone import new_version


def by_client(ledger: Ledger, clients: list[str]) -> dict[str, Any]:
    """The row positions of each of these clients, from one pass over the ledger."""
    wanted = set(clients)
    groups = ledger.frame.groupby(ledger.frame["client"].astype(str), sort=False).indices
    return {c: rows for c, rows in groups.items() if c in wanted}


def litigation_clients(decisions: Decisions, ledger: Ledger) -> list[str]:
    """The clients with an invoice handed to litigation today."""
    acted = decisions.frame["action"] == "litigation"
    return sorted(set(ledger.frame.loc[acted, "client"].astype(str)))


def write_files(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    out: Path,
    client: str,
    pdf: bool,
    problems: list[Problem] | None = None,
) -> list[str]:
    """dossier.docx (and its PDF), and copies of the invoices' PDF files, in one folder."""
    return write_all(ledger, decisions, settings, as_of, out, [client], pdf, problems).get(
        client, []
    )


def write_all(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    out: Path,
    clients: list[str],
    pdf: bool,
    problems: list[Problem] | None = None,
) -> dict[str, list[str]]:
    """The litigation file of each client in its folder; the files written, by client.

    The ledger is grouped by client once, and the PDFs made in one LibreOffice batch. An
    invoice file refused for pieces/ is added to problems, on its row.
    """
    refuse_links(ledger.path, out)
    litigation = Litigation(ledger, decisions, settings, as_of, out, clients)
    written = litigation.write(list(litigation.groups), problems)
    return litigation.finish(written, pdf)


class Litigation:
    """The litigation files of some clients, written in any number of parts (each part on
    its own core): the ledger grouped by client and its columns taken once, for all."""

    def __init__(
        self,
        ledger: Ledger,
        decisions: Decisions,
        settings: Settings,
        as_of: dt.date,
        out: Path,
        clients: list[str],
        changed: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.ledger, self.decisions, self.settings, self.as_of = ledger, decisions, settings, as_of
        # Clients whose file is redone: what changed since the hand-over (redone.py).
        self.changed = dict(changed or {})
        self.groups = by_client(ledger, clients)  # in the ledger's order
        self.folders = client_folders(out, ledger)
        self.columns = Columns(ledger, decisions)

    def write(self, clients: list[str], problems: list[Problem] | None) -> dict[str, list[Path]]:
        """The files of these clients (in this order), by client."""
        written: dict[str, list[Path]] = {}
        for client in clients:
            # One client's records at a time: all at once were a dict per invoice of nearly
            # the whole ledger at a million rows (900 MB, the run's peak after the write-back).
            rows = self.columns.records(self.groups[client])
            folder = self.folders[client]
            changed = self.changed.get(client, [])
            built = build(self.ledger, self.decisions, self.settings, self.as_of, client, rows)
            built = replace(built, changes=changed) if changed else built
            name = new_version(folder, self.as_of) if changed else folder / "dossier.docx"
            files = [write_dossier(built, name)]
            files += copy_invoices(self.ledger, self.settings, rows, folder / "pieces", problems)
            written[client] = files
        return written

    def finish(self, written: dict[str, list[Path]], pdf: bool) -> dict[str, list[str]]:
        """The PDFs beside the files, in one batch (with pdf); the files' paths, by client."""
        if pdf and written:
            pdfs_beside(list(written.values()), self.settings)
        return {client: [str(p) for p in files] for client, files in written.items()}


def pdfs_beside(files: list[list[Path]], settings: Settings) -> None:
    """Each group's first file converted to PDF beside it, in one LibreOffice batch; the .docx
    is the file, its PDF a copy left out when LibreOffice is missing or cannot make it."""
    if soffice_binary(settings.soffice) is None:
        return
    with contextlib.suppress(LibreOfficeError):
        _pdfs(files, settings)


def _pdfs(files: list[list[Path]], settings: Settings) -> None:
    """Each file's PDF beside it, from one LibreOffice batch: the documents all have the same
    name (dossier.docx), so each goes by its folder's name meanwhile."""
    with tempfile.TemporaryDirectory(prefix="relance-dossiers-") as tmp:
        staged = []
        for group in files:
            source = group[0]
            staged.append(Path(shutil.copy(source, Path(tmp) / f"{source.parent.name}.docx")))
        made = {
            p.stem: p for p in convert_to_pdf(staged, Path(tmp) / "pdf", soffice=settings.soffice)
        }
        for group in files:
            pdf = made.get(group[0].parent.name)
            if pdf is not None:
                group.append(move_in(pdf, group[0].with_suffix(".pdf")))


# The actions of an invoice paid late whose penalties are still to be claimed.
LATE_ACTIONS = ("claim", "wait")


def build(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    client: str,
    rows: list[dict[str, Any]] | None = None,
) -> Dossier:
    """The client's file from its open invoices, their periods and the journal.

    rows: the client's records, when the caller read the ledger by client once.
    """
    if rows is None:
        where = np.flatnonzero((ledger.frame["client"].astype(str) == client).to_numpy())
        rows = records(ledger, decisions, where)
    mine = [r for r in rows if r["valid"] and not r["is_credit"]]
    open_ = [r for r in mine if not r["is_paid"] and r["outstanding"] > 0]
    credits = [r for r in rows if r["valid"] and r["is_credit"] and r["outstanding"] < 0]
    # A time-barred invoice is never claimed: listed apart (figures/timebar.py).
    barred = [r for r in open_ if is_barred(r)]
    live = [r for r in open_ if not is_barred(r)]
    # Only a claim that is due can be claimed in court; the others are on the statement.
    due = [r for r in live if r["due_date"] is None or r["due_date"] < as_of]
    handed, aside = _handed_over(due)
    periods = decisions.interest_periods
    # Invoices paid late whose penalties wait for the client's next letter: in court, that
    # letter is the claim (principal paid, interest and indemnity still due).
    # So are those paid once handed to litigation: their penalties stay in the court claim.
    late = [
        r for r in mine
        if r["is_paid"] and r["interest"] + r["indemnity"] > 0.005
        and (r["action"] in LATE_ACTIONS or int(r["level"] or 0) >= LITIGATION)
    ]  # fmt: skip
    named = credit_notes(rows)
    # Handed over, then settled by a payment without a day: the file says nothing was
    # computed on it (as on any payment without a day), rather than leave it out unsaid.
    undated = [
        replace(claimed(r, ()), credit_notes=named.get(key_of(r["invoice"]), ()))
        for r in mine
        if r["is_paid"] and float(r["paid"]) > 0 and int(r["level"] or 0) >= LITIGATION
        and r["interest"] + r["indemnity"] < 0.005 and not any(d for d, _ in payments(r))
    ]  # fmt: skip
    invoices = [
        replace(claimed(r, periods.get(r["index"], ())), credit_notes=named.get(key, ()))
        for r in [*handed, *late]
        for key in [key_of(r["invoice"])]
    ]
    journal = journal_lines(ledger.path, settings.writeback.journal_sheet, client)
    return Dossier(
        client,
        as_of,
        visible_record(settings.creditor),
        debtor_of(client, open_ or mine or rows),
        invoices,
        timeline(journal, mine, as_of),
        [claimed(r, ()) for r in credits],
        [claimed(r, ()) for r in live if r not in due],
        notices(journal, mine),
        settings.policy.interest_rate,
        _rate_notes([*handed, *late], periods, settings),
        # None counted without a known notice: said all the same (casefile._NO_NOTICE).
        interest_from(
            journal, [r for r in handed if r["interest"] > 0 or r["level"] > FORMAL_NOTICE]
        )
        if mine[:1] and mine[0]["consumer"]
        else [],
        [(claimed(r, ()), why) for r, why in aside],
        fixed_indemnity=settings.policy.indemnity,
        undated=undated,
        barred=[(claimed(r, ()), b) for r in barred for b in time_bars([r], as_of, 0)],
        bars=time_bars(handed, as_of, settings.policy.prescription_warning_days),
    )


def _rate_notes(
    rows: list[dict[str, Any]], periods: Mapping[Any, Any], settings: Settings
) -> list[str]:
    """What the file says of a rate its figures used that the table does not confirm yet."""
    dated = [{**r, "periods": periods.get(r["index"], ())} for r in rows]
    note = rate_caveat(dated, settings, "fr", "file")
    return [note] if note else []


def _handed_over(due: list[dict[str, Any]]) -> tuple[list[Any], list[tuple[Any, str]]]:
    """What the file claims: the due invoices handed to litigation (today or before), never a
    disputed one; the client's other due invoices are set aside with why (still in the
    reminder stages: a letter's deadline or a notice's delay may still run). A file asked
    for a client with none handed over claims every due invoice not disputed."""
    at = [r for r in due if r["action"] == "litigation" or int(r["level"] or 0) >= LITIGATION]
    handed = [r for r in (at or due) if not r["hold"]]
    aside = [(r, _why_aside(r)) for r in due if r not in handed]
    return handed, aside


def _why_aside(r: dict[str, Any]) -> str:
    """Why a due invoice is not in the claim, as the file's statement says it."""
    if r["hold"] and doubtful(r.get("hold_reason")):  # the client says it paid: no dispute
        return DOUBTFUL_LABEL
    if r["hold"]:
        return "contestée"
    noticed = int(r["level"] or 0) == FORMAL_NOTICE
    return "mise en demeure en cours" if noticed else "en cours de relance"


def claimed(
    r: dict[str, Any],
    periods: Any,
    interest: float | None = None,
    indemnity: float | None = None,
) -> ClaimedInvoice:
    """One invoice (or credit note) of the file, from its record; its interest and indemnity
    as decided today, unless given (a declaration values them at the opening judgment)."""
    credit = bool(r["is_credit"])
    return ClaimedInvoice(
        str(r["invoice"]),
        r["invoice_date"],
        r["due_date"],
        float(r["amount"]),
        float(r["paid"]),
        float(r["outstanding"]),
        tuple(tuple(p) for p in periods),
        0.0 if credit else float(r["interest"] if interest is None else interest),
        0.0 if credit else float(r["indemnity"] if indemnity is None else indemnity),
        0.0 if credit else float(r.get("interest_paid") or 0.0),
        0.0 if credit else float(r.get("indemnity_paid") or 0.0),
        payments=() if credit else payments(r),
        credit_for=str(r.get("credit_for") or "") if credit else "",
    )


__all__ = [
    "FOLDER",
    "Litigation",
    "build",
    "by_client",
    "claimed",
    "client_folders",
    "litigation_clients",
    "pdfs_beside",
    "records",
    "write_all",
    "write_files",
]
