"""A letter that must interrupt a public debt's four-year lapse due soon goes by registered
post with AR: the creditor proves the written demand (loi n° 68-1250, art. 2; legal-fr §8.2)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..letters import LetterPlan


def registered_for_lapse(plans: list[LetterPlan], decided: pd.DataFrame) -> list[LetterPlan]:
    """The plans, those listing an invoice whose lapse today's letter must interrupt marked
    lapse_saving (policy/lapsing.py): they join the registered letters."""
    if "lapse_saving" not in decided or not decided["lapse_saving"].any():
        return plans
    saving = set(decided.index[decided["lapse_saving"].to_numpy(dtype=bool)])
    return [replace(p, lapse_saving=True) if saving.intersection(p.rows) else p for p in plans]


__all__ = ["registered_for_lapse"]
