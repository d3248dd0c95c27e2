"""Litigation files: one folder per client at the litigation stage (contentieux/<client>/)."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import Settings
from ..errors import LedgerError, LibreOfficeError
from ..figures import ClaimedInvoice, Dossier, Event, write_dossier
from ..ledger import Ledger, read_ledger
from ..letters import convert_to_pdf, safe_filename, soffice_binary
from ..policy import Decisions
from ..progress import Progress, Quiet, step
from ..workbook import journal_lines
from .deciding import decide_ledger

FOLDER = "contentieux"


def dossier(
    ledger_path: Path,
    client: str,
    settings: Settings | None = None,
    *,
    as_of: dt.date | None = None,
    out_dir: Path | None = None,
    pdf: bool = True,
    progress: Progress | None = None,
) -> list[str]:
    """The litigation file of one client, on demand (`relance dossier`); never writes the ledger."""
    settings = settings or Settings()
    as_of = as_of or dt.date.today()
    with step(progress or Quiet(), "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of)
    decisions, _, _ = decide_ledger(ledger, settings, as_of, [])
    if client not in set(ledger.frame["client"].astype(str)):
        raise LedgerError(f"Aucun client « {client} » dans {ledger_path.name} ; vérifiez son nom.")
    out = out_dir or ledger_path.resolve().parent / "relances" / as_of.isoformat()
    return write_files(ledger, decisions, settings, as_of, out, client, pdf)


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
) -> list[str]:
    """dossier.docx (and its PDF), and copies of the invoices' PDF files, in one folder."""
    # The same safe name as the client's letters: no separator, nothing Windows refuses.
    folder = out / FOLDER / safe_filename(client, "dossier", set()).removesuffix(".docx")
    built = build(ledger, decisions, settings, as_of, client)
    written = [write_dossier(built, folder / "dossier.docx")]
    written += _copy_invoices(ledger, client, folder / "pieces")
    if pdf and soffice_binary(settings.soffice) is not None:
        # The .docx is the file; its PDF is a copy, left out if LibreOffice cannot make it.
        with contextlib.suppress(LibreOfficeError):
            written += convert_to_pdf([written[0]], folder, soffice=settings.soffice)
    return [str(p) for p in written]


def build(
    ledger: Ledger, decisions: Decisions, settings: Settings, as_of: dt.date, client: str
) -> Dossier:
    """The client's file from its open invoices, their periods and the journal."""
    f, d = ledger.frame, decisions.frame
    mine = (f["client"].astype(str) == client) & f["valid"] & ~f["is_credit"]
    open_ = mine & ~f["is_paid"] & (f["outstanding"] > 0)
    rows = f[open_]
    periods = decisions.interest_periods
    invoices = [
        ClaimedInvoice(
            str(r["invoice"]),
            _date(r["invoice_date"]),
            _date(r["due_date"]),
            float(r["amount"]),
            float(r["paid"]),
            float(r["outstanding"]),
            tuple(tuple(p) for p in periods.get(i, ())),
            float(d.at[i, "interest"]),
            float(d.at[i, "indemnity"]),
        )
        for i, r in rows.iterrows()
    ]
    first = rows.iloc[0] if len(rows) else f[mine].iloc[0]
    return Dossier(
        client,
        as_of,
        settings.creditor,
        str(first["address"] or "").replace("\n", ", "),
        str(first["contact"] or ""),
        str(first["email"] or ""),
        str(first["phone"] or ""),
        bool(first["consumer"]),
        bool(first["public"]),
        invoices,
        _events(ledger, settings, f[mine], d[mine], as_of),
    )


def _events(
    ledger: Ledger, settings: Settings, rows: pd.DataFrame, decided: pd.DataFrame, as_of: dt.date
) -> list[Event]:
    """The journal's lines for the client, today's hand-over, its payments and promises."""
    client = str(rows["client"].iloc[0]) if len(rows) else ""
    events = [
        Event(
            e.run_date,
            f"{e.action} — {e.level} — facture {e.invoice}"
            + (f" ({e.letter})" if e.letter else ""),
        )
        for e in journal_lines(ledger.path, settings.writeback.journal_sheet, client)
    ]
    # Today's hand-over is written to the journal after this file: said here already.
    today = [
        f"Contentieux — facture {n}" for n in rows.loc[decided["action"] == "litigation", "invoice"]
    ]
    journaled = {(e.day, e.text.split(" (")[0]) for e in events}
    events += [Event(as_of, t) for t in today if (as_of, t) not in journaled]
    for _, r in rows.iterrows():
        if isinstance(r["payment_date"], pd.Timestamp) and r["paid"] > 0:
            events.append(
                Event(
                    r["payment_date"].date(),
                    f"Règlement de {r['paid']:.2f} € sur la facture {r['invoice']}".replace(
                        ".", ","
                    ),
                )
            )
        if isinstance(r["promise_date"], pd.Timestamp):
            events.append(
                Event(
                    r["promise_date"].date(), f"Promesse de paiement pour la facture {r['invoice']}"
                )
            )
    return events


def _copy_invoices(ledger: Ledger, client: str, folder: Path) -> list[Path]:
    """The invoices' PDF files named in the attachment column, from inside the ledger's folder."""
    base = ledger.path.resolve().parent
    out = []
    rows = ledger.frame[ledger.frame["client"].astype(str) == client]
    for value in rows["attachment"].tolist():
        if not isinstance(value, str) or not value.strip():
            continue
        source = (base / value.strip()).resolve()
        # Never a file from elsewhere on the machine: only PDFs inside the ledger's folder.
        if base not in source.parents or source.suffix.lower() != ".pdf" or not source.is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        out.append(Path(shutil.copy2(source, folder / source.name)))
    return out


def _date(value: Any) -> dt.date | None:
    return value.date() if isinstance(value, pd.Timestamp) else None


__all__ = ["FOLDER", "build", "dossier", "litigation_clients", "write_files"]
