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
    ledger: Ledger, decisions: Decisions, as_of: dt.date, settings: Settings, *, after: bool = False
) -> ManagerReport:
    """The report's figures from a ledger read and decided.

    after: as the run leaves the workbook, each invoice at the level and date its letters
    gave it today (the call list names the mise en demeure just sent, not the relance before).
    """
    frame = ledger.frame
    if after:
        # assign: with pandas' copy-on-write (pandas 3) the other columns are not copied (a
        # deep copy of the whole ledger took 0.3 s at 200,000 rows, and its memory).
        frame = frame.assign(
            level=decisions.frame["level"].to_numpy(dtype=int),
            last_date=decisions.frame["date"].to_numpy(),
        )
    policy = settings.policy
    waits = {2: policy.days_after_reminder_2, 3: policy.days_after_formal_notice}
    return manager_report(
        str(ledger.path), frame, decisions.frame, as_of, settings.report, settings.creditor.name,
        waits,
    )  # fmt: skip


def write_figures(
    figures: ManagerReport, out: Path, *, pdf: bool, soffice: str = "", papers: str = ""
) -> ReportResult:
    """rapport.xlsx in out, and rapport.pdf when asked and LibreOffice converts it; papers,
    the creditor's legal mentions, at the foot of its pages."""
    xlsx = write_report(figures, out / REPORT_NAME, papers=papers)
    made: Path | None = None
    warnings: list[str] = list(figures.warnings)
    if pdf:
        try:
            [made] = convert_to_pdf([xlsx], out, soffice=soffice)
        except LibreOfficeError as exc:  # the workbook is the report; its PDF is a copy
            warnings.append(f"rapport.pdf non créé : {exc.message}")
    return ReportResult(figures, str(xlsx), str(made) if made else None, warnings)


__all__ = ["REPORT_NAME", "figures_of", "write_figures"]
