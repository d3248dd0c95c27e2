"""What each letter's template is filled with: its invoices, totals, dates and wording (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd

from ..config import Settings
from ..ledger import KIND_THANKS
from ..wording import amount_in_words, date_long, date_short, money, percent
from .plan import LetterPlan, LetterRows

MISSING_ADDRESS = "[ADRESSE À COMPLÉTER]"


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


__all__ = ["MISSING_ADDRESS", "has_address", "letter_context", "total_due"]
