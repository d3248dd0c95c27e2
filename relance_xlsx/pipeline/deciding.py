"""Each invoice's decision and the letters a run would write: shared by run, report, dossier."""

from __future__ import annotations

import datetime as dt

from ..config import Settings
from ..ledger import Ledger
from ..letters import LetterPlan, in_print_order, plan_letters, statement_plans
from ..policy import Decisions, decide, one_letter_per_client, rate_tables_for


def decide_ledger(
    ledger: Ledger, settings: Settings, as_of: dt.date, statements: list[str]
) -> tuple[Decisions, list[LetterPlan], list[str]]:
    """Each invoice's decision, the letters in print order, the statement names not found."""
    decisions = decide(ledger.frame, as_of, settings.policy, rate_tables_for(settings))
    decisions = one_letter_per_client(decisions, ledger.frame, as_of, settings.policy)
    plans = plan_letters(ledger.frame, decisions.frame, settings.letters.language)
    asked, unknown = statement_plans(ledger.frame, statements, settings.letters.language)
    return decisions, in_print_order(plans + asked), unknown


__all__ = ["decide_ledger"]
