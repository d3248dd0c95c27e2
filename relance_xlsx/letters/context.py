"""What each letter's template is filled with: its invoices, totals, dates and wording (pure)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from ..config import Settings
from ..ledger import KIND_CLAIM, KIND_STATEMENT, KIND_THANKS
from ..wording import (
    acknowledgement,
    amount_in_words,
    date_long,
    date_short,
    de,
    invoices_phrase,
    invoices_title,
    money,
    of_invoices,
    percent,
    previous_reminders,
    these_invoices,
)
from .interest import interest_lines, on_balance, rates_named
from .items import credit_item, creditor_for, invoice_item, present, statement
from .payqr import payment_fields
from .plan import LetterPlan, LetterRows

MISSING_ADDRESS = "[ADRESSE À COMPLÉTER]"
# The letters that claim interest and the indemnity (the claim letter claims nothing else).
PENALTY_KINDS = ("relance_2", "mise_en_demeure", KIND_CLAIM)


def has_address(plan: LetterPlan, data: LetterRows) -> bool:
    """Whether any invoice of the letter gives the debtor's address."""
    return any(present(r["address"]) for r in data.of(plan.rows or plan.statement_rows))


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
    # A statement of account lists no invoice of its own: its client is in its statement.
    people = rows or data.of(plan.statement_rows)
    currency = _currency(people, settings)

    def m(x: float) -> str:
        return money(x, currency, lang)

    invoices = [invoice_item(r, m, lang) for r in rows]
    credit_items = [credit_item(r, m, lang) for r in credits]
    outstanding = sum(r["outstanding"] for r in rows) + sum(r["outstanding"] for r in credits)
    with_penalties = plan.kind in PENALTY_KINDS
    interest = sum(r["interest"] for r in rows) if with_penalties else 0.0
    indemnity = sum(r["indemnity"] for r in rows) if with_penalties else 0.0
    claimed = round(outstanding + interest + indemnity, 2)
    numbers = [str(i["number"]) for i in invoices]
    return {
        "creditor": creditor_for(creditor, lang),
        "debtor": {**_debtor(plan.client, people), "of_name": de(plan.client)},
        "letter": _wording(plan, data, invoices, settings, as_of, creditor["city"]),
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
        # Empty for a letter that claims no interest: its template shows no breakdown.
        "interest_periods": interest_lines(rows, m, lang) if with_penalties else [],
        "legal": {
            "interest_rate": percent(rate, lang),
            **rates_named(rows, rate, lang),
            "on_balance": with_penalties and on_balance(rows),
            "interest_until": (
                f"au {date_short(as_of)}" if lang == "fr" else f"to {date_long(as_of, lang)}"
            ),
            "indemnity_amount": money(settings.policy.indemnity, "EUR", lang),
        },
        "statement": statement(data.of(plan.statement_rows), m, lang),
        "payment": {
            # A transfer's reference field is short: a long list becomes the statement's date.
            "reference": ", ".join(numbers)
            if len(", ".join(numbers)) <= 70
            else ("Relevé du " if lang == "fr" else "Statement of ") + date_short(as_of, lang),
            "numbers": ", ".join(numbers),
            "link": settings.creditor.payment_link,
            # A letter that asks for money: its RF reference replaces the numbers above, and
            # its EPC QR code (inserted at render time: payqr.add_payment_qr).
            **payment_fields(plan, data, settings, as_of, total_due(plan, data)),
        },
    }


def _wording(
    plan: LetterPlan,
    data: LetterRows,
    invoices: list[dict[str, Any]],
    settings: Settings,
    as_of: dt.date,
    city: str,
) -> dict[str, Any]:
    """The letter's own fields: dates, references and the phrases its grammar needs."""
    lang = plan.language
    rows = data.of(plan.rows)
    numbers = [str(i["number"]) for i in invoices]
    last_dates = sorted(
        {r["last_date"].date() for r in rows if isinstance(r["last_date"], pd.Timestamp)}
    )
    shown_dates = [date_short(d) if lang == "fr" else date_long(d, lang) for d in last_dates]
    paid_numbers = [str(r["invoice"] or "–") for r in data.of(plan.paid_rows)]
    oldest = max((i["days_late"] for i in invoices), default=0)
    pay_by = as_of + dt.timedelta(days=settings.letters.payment_days)
    deadline = as_of + dt.timedelta(days=settings.letters.formal_notice_days)
    plural = len(invoices) > 1
    reference = ", ".join(numbers) if len(numbers) <= 3 else invoices_title(numbers, lang)
    if not numbers:  # a statement of account
        reference = ("Relevé au " if lang == "fr" else "Statement at ") + date_short(as_of, lang)
    return {
        "kind": plan.kind,
        "language": lang,
        "date": date_long(as_of, lang),
        "date_short": date_short(as_of, lang),
        "place_date": _place_date(city, as_of, lang),
        "reference": reference,
        "invoices_phrase": invoices_phrase(numbers, lang),
        "of_invoices": of_invoices(numbers, lang),
        "invoices_title": invoices_title(numbers, lang),
        "these": these_invoices(len(numbers), lang),
        "count": len(numbers),
        "s": "s" if plural else "",
        "nt": "nt" if plural else "",
        "is_are": "are" if plural else "is",
        "remains": "remain" if plural else "remains",
        "previous_phrase": (
            f" {'du' if lang == 'fr' else 'of'} {shown_dates[-1]}" if shown_dates else ""
        ),
        "previous_reminders": previous_reminders(shown_dates, lang),
        "acknowledged": acknowledgement(paid_numbers, lang),
        "oldest_days_late": oldest,
        "courteous": oldest <= settings.letters.courteous_until_days,
        "pay_by": date_long(pay_by, lang),
        "deadline": date_long(deadline, lang),
        "deadline_days": settings.letters.formal_notice_days,
    }


def _debtor(client: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Who the letter is addressed to: the first address, contact and e-mail given."""
    address = next((str(r["address"]) for r in rows if present(r["address"])), None)
    return {
        "name": client,
        "address_lines": (address or MISSING_ADDRESS).split("\n"),
        "contact": next((str(r["contact"]) for r in rows if present(r["contact"])), ""),
        "email": next((str(r["email"]) for r in rows if present(r["email"])), ""),
        "consumer": bool(rows[0]["consumer"]),
        "public": bool(rows[0]["public"]) and not bool(rows[0]["consumer"]),
    }


def total_due(plan: LetterPlan, data: LetterRows) -> float:
    """What the letter claims, as a number (for JSON and the summary)."""
    rows = data.of(plan.rows)
    if plan.kind == KIND_THANKS:
        return round(float(sum(r["paid"] for r in rows)), 2)
    if plan.kind == KIND_STATEMENT:
        return round(float(sum(r["outstanding"] for r in data.of(plan.statement_rows))), 2)
    total = sum(r["outstanding"] for r in rows)
    total += sum(r["outstanding"] for r in data.of(plan.credit_rows))
    if plan.kind in PENALTY_KINDS:
        total += sum(r["interest"] + r["indemnity"] for r in rows)
    return round(float(total), 2)


def _currency(rows: list[dict[str, Any]], settings: Settings) -> str:
    found = {r["currency"] for r in rows if isinstance(r["currency"], str) and r["currency"]}
    return found.pop() if len(found) == 1 else settings.letters.currency


def _place_date(city: str, as_of: dt.date, lang: str) -> str:
    if lang == "fr":
        return f"{city}, le {date_long(as_of)}" if city else f"Le {date_long(as_of)}"
    return f"{city}, {date_long(as_of, lang)}" if city else date_long(as_of, lang)


__all__ = ["MISSING_ADDRESS", "has_address", "letter_context", "total_due"]
