"""What a letter claims, as numbers: its total and each part's (for the JSON and the summary)."""

from __future__ import annotations

from typing import Any

from ..ledger import KIND_STATEMENT, KIND_THANKS
from .parts import PENALTY_KINDS, STAGE_OF
from .plan import LetterPlan
from .records import LetterRows


def total_due(plan: LetterPlan, data: LetterRows) -> float:
    """What the letter claims, as a number (for JSON and the summary)."""
    rows = data.of(plan.rows)
    if plan.kind == KIND_THANKS:
        return round(float(sum(r["paid"] for r in rows)), 2)
    if plan.kind == KIND_STATEMENT:
        return round(float(sum(r["outstanding"] for r in data.of(plan.statement_rows))), 2)
    total = sum(r["outstanding"] for r in rows)
    total += sum(r["outstanding"] for r in data.of(plan.credit_rows))
    for part in plan.all_parts:
        if part.kind in PENALTY_KINDS:
            total += sum(r["interest"] + r["indemnity"] for r in data.of(part.rows))
    return round(float(total), 2)


def part_totals(plan: LetterPlan, data: LetterRows) -> list[dict[str, Any]]:
    """Each part of a letter: its kind, its invoices and what it claims (for JSON)."""
    if not plan.rows:
        return []
    if plan.kind in (KIND_THANKS, KIND_STATEMENT) or plan.kind not in STAGE_OF:
        numbers = [str(r["invoice"]) for r in data.of(plan.rows)]
        return [{"kind": plan.kind, "invoices": numbers, "total": total_due(plan, data)}]
    out = []
    for part in plan.all_parts:
        rows = data.of(part.rows)
        total = sum(r["outstanding"] for r in [*rows, *data.of(part.credits)])
        if part.kind in PENALTY_KINDS:
            total += sum(r["interest"] + r["indemnity"] for r in rows)
        numbers = [str(r["invoice"]) for r in rows]
        out.append({"kind": part.kind, "invoices": numbers, "total": round(float(total), 2)})
    return out


__all__ = ["part_totals", "total_due"]
