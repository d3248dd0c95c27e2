"""The manager's report: read-only, on its own (`relance report`) or beside every run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import Settings, legal_line
from ..ledger import read_ledger
from ..letters import soffice_binary
from ..progress import Progress, Quiet, step
from ..results import ReportResult
from ..userfiles import day_folder, output_held
from .deciding import decide_ledger
from .figures import figures_of, write_figures


def report(
    ledger_path: Path,
    settings: Settings | None = None,
    *,
    as_of: dt.date | None = None,
    out_dir: Path | None = None,
    write: bool = True,
    pdf: bool = True,
    progress: Progress | None = None,
) -> ReportResult:
    """The aging balance, indicators, call list and litigation of a ledger; never writes it.

    rapport.xlsx goes to out_dir (default: relances/<date>/ beside the ledger), and its PDF
    too when LibreOffice is installed (unless pdf=False); write=False only computes.
    """
    settings = settings or Settings()
    as_of = as_of or dt.date.today()
    progress = progress or Quiet()
    with step(progress, "Lecture du classeur"):
        ledger = read_ledger(ledger_path, settings, as_of=as_of)
    with step(progress, "Décisions"):
        decisions, _, _ = decide_ledger(ledger, settings, as_of, [])
    figures = figures_of(ledger, decisions, as_of, settings)
    if not write:
        return ReportResult(figures)
    out = out_dir or day_folder(ledger_path, as_of)
    with output_held(ledger_path, out), step(progress, "Rapport"):
        soffice = settings.soffice_for(ledger_path) if pdf else ""
        return write_figures(
            figures,
            out,
            pdf=pdf and soffice_binary(soffice) is not None,
            soffice=soffice,
            papers=legal_line(settings.creditor),
        )


__all__ = ["report"]
