"""`relance dossier`: one client's file on demand, never writing the ledger: its litigation
file, or, for a client in collective proceedings, its declaration of claim."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import Settings
from ..errors import LedgerError
from ..ledger import Problem, read_ledger
from ..progress import Progress, Quiet, step
from ..userfiles import day_folder, output_held
from .deciding import decide_ledger
from .declarations import write_declarations
from .dossiers import write_files


def dossier(
    ledger_path: Path,
    client: str,
    settings: Settings | None = None,
    *,
    as_of: dt.date | None = None,
    out_dir: Path | None = None,
    pdf: bool = True,
    progress: Progress | None = None,
    problems: list[Problem] | None = None,
) -> list[str]:
    """The file of one client, on demand, in contentieux/<client>/: its declaration of claim
    when it is in collective proceedings (no action may be brought, L622-21), else its
    litigation file. The ledger is never written. problems: receives the rows whose invoice
    file was refused for pieces/."""
    settings = settings or Settings()
    as_of = as_of or dt.date.today()
    with step(progress or Quiet(), "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of)
    decisions, _, _ = decide_ledger(ledger, settings, as_of, [])
    names = ledger.frame["client"].astype(str)
    if client not in set(names):
        raise LedgerError(f"Aucun client « {client} » dans {ledger_path.name} ; vérifiez son nom.")
    out = out_dir or day_folder(ledger_path, as_of)
    with output_held(ledger_path, out):
        if pdf:
            settings.soffice_for(ledger_path)
        if ledger.frame.loc[(names == client).to_numpy(), "insolvent"].any():
            files, _ = write_declarations(ledger, decisions, settings, as_of, out, [client], pdf)
            return files.get(client, [])
        return write_files(ledger, decisions, settings, as_of, out, client, pdf, problems)


__all__ = ["dossier"]
