"""Which letters a run writes, and the context each template is filled with (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import Settings
from ..ledger import KIND_THANKS, PRINT_ORDER
from ..wording import amount_in_words, date_long, date_short, money, percent

MISSING_ADDRESS = "[ADRESSE À COMPLÉTER]"


@dataclass(frozen=True)
class LetterPlan:
    """One letter: a client, a kind, a language, its invoices and the credits it deducts."""

    client: str
    kind: str
    language: str
    rows: tuple[int, ...]  # frame index labels of the invoices
    credit_rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Letter:
    """One letter of a run: its plan, the file it goes to, and what its template is filled with.

    The context is None in a dry run, where only one letter per template is filled (to check it).
    """

    plan: LetterPlan
    path: Path
    context: dict[str, Any] | None = None


def plan_letters(
    frame: pd.DataFrame, decisions: pd.DataFrame, default_language: str
) -> list[LetterPlan]:
    """One letter per client and kind, in print order; credits go on the highest letter."""
    joined = frame[["client", "language", "is_credit", "valid", "hold", "outstanding"]].join(
        decisions[["kind"]]
    )
    joined["language"] = joined["language"].fillna(default_language)
    with_kind = joined[joined["kind"].notna()]
    labels = with_kind.index.to_numpy()
    languages = with_kind["language"].to_numpy(dtype=object)
    plans: list[LetterPlan] = []
    # .indices gives each group's positions at once; iterating groups costs ~100 µs each.
    for (client, kind), where in with_kind.groupby(["client", "kind"], sort=False).indices.items():
        rows = tuple(labels[where].tolist())
        plans.append(LetterPlan(str(client), str(kind), str(languages[where[0]]), rows))
    credits = joined[
        joined["is_credit"] & joined["valid"] & ~joined["hold"] & (joined["outstanding"] < 0)
    ]
    credit_rows: dict[str, list[Any]] = {}
    for idx, client in zip(credits.index, credits["client"], strict=True):
        credit_rows.setdefault(client, []).append(idx)
    order = {k: i for i, k in enumerate(PRINT_ORDER)}
    plans.sort(key=lambda p: (order.get(p.kind, 99), p.client.casefold(), p.client))
    seen: set[str] = set()
    for i, plan in enumerate(plans):
        if plan.kind == KIND_THANKS or plan.client in seen:
            continue
        seen.add(plan.client)
        rows = tuple(credit_rows.get(plan.client, ()))
        if rows:
            plans[i] = LetterPlan(plan.client, plan.kind, plan.language, plan.rows, rows)
    return plans


# The columns a letter reads, from the ledger frame and from the decisions.
_FRAME_FIELDS = (
    "invoice",
    "invoice_date",
    "object",
    "amount",
    "paid",
    "due_date",
    "outstanding",
    "address",
    "contact",
    "email",
    "consumer",
    "last_date",
    "currency",
)
_DECISION_FIELDS = ("days_late", "interest", "indemnity")


class LetterRows:
    """The rows the letters use, as plain dicts, built once per run.

    Indexing a DataFrame per letter costs ~1 ms a call; a run with thousands of letters would
    spend most of its time there.
    """

    def __init__(self, frame: pd.DataFrame, decisions: pd.DataFrame, plans: list[LetterPlan]):
        wanted = sorted({i for p in plans for i in (*p.rows, *p.credit_rows)})
        sub = frame.loc[wanted, list(_FRAME_FIELDS)].join(
            decisions.loc[wanted, list(_DECISION_FIELDS)]
        )
        # Column by column into Python values (Series.tolist boxes as to_dict would: dates as
        # Timestamps, numbers as Python numbers), then one dict per row: five times faster.
        names = list(sub.columns)
        values = zip(*(sub[name].tolist() for name in names), strict=True)
        self.records: dict[Any, dict[str, Any]] = {
            i: dict(zip(names, row, strict=True)) for i, row in zip(wanted, values, strict=True)
        }

    def of(self, rows: tuple[int, ...]) -> list[dict[str, Any]]:
        """The records of some rows, in order."""
        return [self.records[i] for i in rows]


def has_address(plan: LetterPlan, data: LetterRows) -> bool:
    """Whether any invoice of the letter gives the debtor's address."""
    return any(_present(r["address"]) for r in data.of(plan.rows))


def letter_context(
    plan: LetterPlan,
    data: LetterRows,
    settings: Settings,
    as_of: dt.date,
    rate: float,
    creditor: dict[str, Any],
) -> dict[str, Any]:
    """Everything a template may use for one letter, formatted."""
    lang = plan.language
    rows = data.of(plan.rows)
    credits = data.of(plan.credit_rows)
    currency = _currency(rows, settings)

    def m(x: float) -> str:
        return money(x, currency, lang)

    invoices = [_invoice_item(r, m, lang) for r in rows]
    credit_items = [_credit_item(r, m, lang) for r in credits]
    outstanding = sum(r["outstanding"] for r in rows) + sum(r["outstanding"] for r in credits)
    with_penalties = plan.kind in ("relance_2", "mise_en_demeure")
    interest = sum(r["interest"] for r in rows) if with_penalties else 0.0
    indemnity = sum(r["indemnity"] for r in rows) if with_penalties else 0.0
    claimed = round(outstanding + interest + indemnity, 2)
    numbers = [str(i["number"]) for i in invoices]
    last_dates = [r["last_date"] for r in rows if isinstance(r["last_date"], pd.Timestamp)]
    pay_by = as_of + dt.timedelta(days=settings.letters.payment_days)
    deadline = as_of + dt.timedelta(days=settings.letters.formal_notice_days)
    plural = len(invoices) > 1
    return {
        "creditor": creditor,
        "debtor": _debtor(plan.client, rows),
        "letter": {
            "kind": plan.kind,
            "language": lang,
            "date": date_long(as_of, lang),
            "date_short": date_short(as_of, lang),
            "place_date": _place_date(creditor["city"], as_of, lang),
            "reference": ", ".join(numbers),
            "invoices_phrase": _invoices_phrase(numbers, lang),
            "s": "s" if plural else "",
            "nt": "nt" if plural else "",
            "previous_phrase": (
                f" du {date_short(max(last_dates).date())}"
                if lang == "fr"
                else f" of {date_long(max(last_dates).date(), lang)}"
            )
            if last_dates
            else "",
            "pay_by": date_long(pay_by, lang),
            "deadline": date_long(deadline, lang),
            "deadline_days": settings.letters.formal_notice_days,
        },
        "invoices": invoices,
        "credits": credit_items,
        "totals": {
            "outstanding": m(outstanding),
            "interest": m(interest),
            "indemnity": m(indemnity),
            "claimed": m(claimed if with_penalties else outstanding),
            "claimed_words": amount_in_words(claimed, currency, lang),
            "paid": m(sum(r["paid"] for r in rows)),
            "credits": m(sum(r["amount"] for r in credits)),
        },
        "legal": {
            "interest_rate": percent(rate, lang),
            "interest_until": (
                f"au {date_short(as_of)}" if lang == "fr" else f"to {date_long(as_of, lang)}"
            ),
            "indemnity_amount": money(settings.policy.indemnity, "EUR", lang),
        },
        "payment": {
            "reference": ", ".join(numbers),
            "link": settings.creditor.payment_link,
        },
    }


def _invoice_item(r: dict[str, Any], m: Callable[[float], str], lang: str) -> dict[str, Any]:
    """One invoice of the letter's table, formatted."""
    return {
        "number": str(r["invoice"] or "–"),
        "date": _day(r["invoice_date"], lang),
        "object": str(r["object"]) if _present(r["object"]) else "–",
        "amount": m(r["amount"]),
        "paid": m(r["paid"]),
        "due": _day(r["due_date"], lang),
        "outstanding": m(r["outstanding"]),
        "days_late": int(r["days_late"]) if pd.notna(r["days_late"]) else 0,
        "interest": m(r["interest"]),
        "indemnity": m(r["indemnity"]),
    }


def _credit_item(r: dict[str, Any], m: Callable[[float], str], lang: str) -> dict[str, Any]:
    """One credit note the letter deducts, formatted."""
    return {
        "number": str(r["invoice"] or "–"),
        "date": _day(r["invoice_date"], lang),
        "object": str(r["object"]) if _present(r["object"]) else "–",
        "amount": m(r["amount"]),
    }


def _debtor(client: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Who the letter is addressed to: the first address, contact and e-mail given."""
    address = next((str(r["address"]) for r in rows if _present(r["address"])), None)
    return {
        "name": client,
        "address_lines": (address or MISSING_ADDRESS).split("\n"),
        "contact": next((str(r["contact"]) for r in rows if _present(r["contact"])), ""),
        "email": next((str(r["email"]) for r in rows if _present(r["email"])), ""),
        "consumer": bool(rows[0]["consumer"]),
    }


def total_due(plan: LetterPlan, data: LetterRows) -> float:
    """What the letter claims, as a number (for JSON and the summary)."""
    rows = data.of(plan.rows)
    if plan.kind == KIND_THANKS:
        return round(float(sum(r["paid"] for r in rows)), 2)
    total = sum(r["outstanding"] for r in rows)
    total += sum(r["outstanding"] for r in data.of(plan.credit_rows))
    if plan.kind in ("relance_2", "mise_en_demeure"):
        total += sum(r["interest"] + r["indemnity"] for r in rows)
    return round(float(total), 2)


def _present(value: Any) -> bool:
    # A cell read as NaN (pandas' missing value) is as empty as None or "".
    return bool(value) and not (isinstance(value, float) and value != value)


def _currency(rows: list[dict[str, Any]], settings: Settings) -> str:
    found = {r["currency"] for r in rows if isinstance(r["currency"], str) and r["currency"]}
    return found.pop() if len(found) == 1 else settings.letters.currency


def _day(value: Any, lang: str) -> str:
    return date_short(value.date(), lang) if isinstance(value, pd.Timestamp) else "–"


def _place_date(city: str, as_of: dt.date, lang: str) -> str:
    if lang == "fr":
        return f"{city}, le {date_long(as_of)}" if city else f"Le {date_long(as_of)}"
    return f"{city}, {date_long(as_of, lang)}" if city else date_long(as_of, lang)


def _invoices_phrase(numbers: list[str], lang: str) -> str:
    if lang == "fr":
        if len(numbers) == 1:
            return f"la facture n° {numbers[0]}"
        return f"les factures n° {', '.join(numbers[:-1])} et {numbers[-1]}"
    if len(numbers) == 1:
        return f"invoice {numbers[0]}"
    return f"invoices {', '.join(numbers[:-1])} and {numbers[-1]}"


__all__ = [
    "Letter",
    "LetterPlan",
    "LetterRows",
    "has_address",
    "letter_context",
    "plan_letters",
    "total_due",
]
