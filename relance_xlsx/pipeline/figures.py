"""The manager's report of a ledger read and decided, and its files (rapport.xlsx, .pdf)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import Settings
from ..errors import LibreOfficeError
from ..figures import ManagerReport, manager_report, write_report
from ..ledger import Ledger
from ..letters import convert_to_pdf
from ..policy import Decisions
from ..results import ReportResult

REPORT_NAME = "rapport.xlsx"


def figures_of(
    ledger: Ledger, decisions: Decisions, as_of: dt.date, settings: Settings
) -> ManagerReport:
    """The report's figures from a ledger read and decided."""
    return manager_report(str(ledger.path), ledger.frame, decisions.frame, as_of, settings.report)


def write_figures(
    figures: ManagerReport, out: Path, *, pdf: bool, soffice: str = ""
) -> ReportResult:
    """rapport.xlsx in out, and rapport.pdf when asked and LibreOffice converts it."""
    xlsx = write_report(figures, out / REPORT_NAME)
    made: Path | None = None
    warnings: list[str] = []
    if pdf:
        try:
            [made] = convert_to_pdf([xlsx], out, soffice=soffice)
        except LibreOfficeError as exc:  # the workbook is the report; its PDF is a copy
            warnings.append(f"rapport.pdf non créé : {exc.message}")
    return ReportResult(figures, str(xlsx), str(made) if made else None, warnings)


__all__ = ["REPORT_NAME", "figures_of", "write_figures"]
