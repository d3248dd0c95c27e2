"""What each letter's template is filled with: its parts, totals, dates and wording (pure)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..config import Settings
from ..ledger import KIND_CLAIM, KIND_FORMAL_NOTICE, KIND_THANKS, named_apart
from ..wording import (
    agreement,
    amount_in_words,
    date_short,
    day_long,
    invoices_phrase,
    invoices_title,
    money,
    of_invoices,
    percent,
    previous_notices,
    these_invoices,
)
from . import items, noticed
from .civility import civility, place_date
from .claimed import settled, total_due
from .interest import rates_named
from .items import credit_item, creditor_for, invoice_item, present, received_item, statement
from .noticed import acknowledged, letter_notice, reserved, scope_notice, under_notice
from .parts import PENALTY_KINDS, STAGE_OF, Frame, day_text, notice_days, part_context
from .payqr import payment_fields
from .plan import LetterPlan
from .postal import debtor_abroad, debtor_address
from .rated import once_per_letter, provisional_note
from .records import LetterRows
from .truth import cited_articles, debtor_type, public_person

MISSING_ADDRESS = "[ADRESSE À COMPLÉTER]"


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
    # A statement of account lists no invoice of its own: its client is in its statement.
    people = rows or data.of(plan.statement_rows)
    currency = _currency(people, settings)

    def m(x: float) -> str:
        return money(x, currency, lang)

    frame = Frame(
        lang,
        m,
        currency,
        as_of,
        as_of + dt.timedelta(days=settings.letters.payment_days),
        settings.letters.formal_notice_days,
        settings.letters.courteous_until_days,
        rate,
        with_notice=any(p.kind == KIND_FORMAL_NOTICE for p in plan.all_parts),
        reminded=plan.others_chased or any(p.reminded for p in plan.all_parts),
        provisional=provisional_note(settings, lang),
    )
    parts, free = _parts(plan, data, frame), data.of(plan.free_credit_rows)
    debtor = _debtor(named_apart(plan.client)[0], people, lang)  # a homonym: its name alone
    numbers = list(dict.fromkeys(str(r["invoice"] or "–") for r in rows))  # each once
    return {
        "creditor": creditor_for(creditor, lang),
        "debtor": {**debtor, "of_name": items.statement_of(plan.client, plan.barred_out)},
        "letter": _wording(plan, data, numbers, parts, settings, as_of, creditor["city"]),
        "parts": parts,
        "currency": currency,
        "invoices": [invoice_item(r, m, lang) for r in rows],
        "credits": [c for p in parts for c in p["credits"]],
        # Free credit notes and payments received, not applied: shown, not deducted.
        "available_credits": [credit_item(r, m, lang) for r in free if not r["on_account"]],
        "received_payments": [received_item(r, m, lang) for r in free if r["on_account"]],
        "totals": _totals(parts, rows, data, plan, frame),
        # Empty for a letter that claims no interest: its template shows no breakdown.
        "interest_periods": [line for p in parts for line in p["interest_periods"]],
        "legal": _legal(plan, data, parts, debtor, settings, as_of, rate),
        "statement": statement(data.of(plan.statement_rows), m, lang, plan.barred_out),
        "payment": {
            # A transfer's reference field is short: a long list becomes the statement's date.
            "reference": ", ".join(numbers)
            if len(", ".join(numbers)) <= 70
            else ("Relevé du " if lang == "fr" else "Statement of ") + date_short(as_of, lang),
            "numbers": ", ".join(numbers),
            "link": settings.creditor.payment_link,
            # Asking for money: its RF reference for the numbers, its QR code (payqr.py).
            **payment_fields(plan, data, settings, as_of, total_due(plan, data)),
        },
    }


def _legal(
    plan: LetterPlan,
    data: LetterRows,
    parts: list[dict[str, Any]],
    debtor: dict[str, Any],
    settings: Settings,
    as_of: dt.date,
    rate: float,
) -> dict[str, Any]:
    """The law the letter cites: its rates, the indemnity, the articles of the client's type."""
    lang, consumer_interest = plan.language, settings.policy.interest_for_consumers
    penalty_rows = [r for p in plan.all_parts if p.kind in PENALTY_KINDS for r in data.of(p.rows)]
    return {
        "interest_rate": percent(rate, lang),
        **rates_named(penalty_rows, rate, lang),
        "on_balance": any(p["on_balance"] for p in parts),
        # « arrêtées au 22 novembre 2026 »: a date in a sentence is written out.
        "interest_until": ("au " if lang == "fr" else "to ") + day_long(as_of, lang),
        "indemnity_amount": money(settings.policy.indemnity, "EUR", lang),
        "consumer_interest": consumer_interest,
        "articles": cited_articles(
            debtor["type"], [p["kind"] for p in parts], consumer_interest, debtor["public_person"]
        ),
    }


def _parts(plan: LetterPlan, data: LetterRows, f: Frame) -> list[dict[str, Any]]:
    """The letter's parts, highest stage first, each with the credit notes of its invoices."""
    if not plan.rows:
        return []
    stages = [STAGE_OF.get(p.kind, 0) for p in plan.all_parts]
    # Under a formal notice (recalled, or an invoice paid late): no thanks, no « simple oubli ».
    recalled = under_notice(plan, data)
    parts = [
        part_context(
            part,
            data.of(part.rows),
            f,
            first=i == 0,
            credits=data.of(part.credits),
            above=recalled or any(s > stages[i] for s in stages),
        )
        for i, part in enumerate(plan.all_parts)
    ]
    return scope_notice(once_per_letter(parts), f.lang)


def _totals(
    parts: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    data: LetterRows,
    plan: LetterPlan,
    f: Frame,
) -> dict[str, Any]:
    """The letter's totals: the sum of its parts (the credits deducted in the first)."""
    m = f.money
    figures = {
        key: round(sum(p["figures"][key] for p in parts), 2)
        for key in ("outstanding", "interest", "indemnity", "claimed", "credits")
    }
    return {
        "outstanding": m(figures["outstanding"]),
        "interest": m(figures["interest"]),
        "indemnity": m(figures["indemnity"]),
        "claimed": m(figures["claimed"]),
        "claimed_words": amount_in_words(figures["claimed"], f.currency, f.lang),
        "paid": m(sum(r["paid"] for r in rows)),
        "credits": m(sum(r["outstanding"] for r in data.of(plan.credit_rows))),
        "available": m(-sum(r["outstanding"] for r in data.of(plan.free_credit_rows))),
        "figures": figures,
    }


def _wording(
    plan: LetterPlan,
    data: LetterRows,
    numbers: list[str],
    parts: list[dict[str, Any]],
    settings: Settings,
    as_of: dt.date,
    city: str,
) -> dict[str, Any]:
    """The letter's own fields: dates, references, its top part's phrases, what it recalls."""
    lang = plan.language
    first: dict[str, Any] = parts[0] if parts else {}
    paid_numbers = [str(r["invoice"] or "–") for r in noticed.paid_whole(plan, data)]
    reference = ", ".join(numbers) if len(numbers) <= 3 else invoices_title(numbers, lang)
    if apart := named_apart(plan.client)[1]:  # a homonym: its number, in the letter's words
        reference += f" ; client n° {apart}" if lang == "fr" else f"; customer no. {apart}"
    if not numbers:  # a statement of account
        reference = ("Relevé au " if lang == "fr" else "Statement at ") + date_short(as_of, lang)
    return {
        "kind": plan.kind,
        "language": lang,
        "date": day_long(as_of, lang),
        "date_short": date_short(as_of, lang),
        "place_date": place_date(city, as_of, lang),
        "reference": reference,
        # The top part's invoices (« relance – 8 factures impayées », never « … le détail »).
        "subject_title": invoices_title(first.get("numbers", numbers), lang, detail=False),
        "invoices_phrase": invoices_phrase(numbers, lang),
        "of_invoices": of_invoices(numbers, lang),
        "invoices_title": invoices_title(numbers, lang),
        "these": these_invoices(len(numbers), lang),
        "count": len(numbers),
        **agreement(len(numbers), lang),
        "is_are": "are" if len(numbers) > 1 else "is",
        "remains": "remain" if len(numbers) > 1 else "remains",
        "falls": "fall" if len(numbers) > 1 else "falls",
        "has_claims": any(p["kind"] == KIND_CLAIM for p in parts),
        # Paid with nothing more owed: a thank-you may say the account is settled for them.
        "settled": settled(plan, data, under_notice(plan, data)),
        "several_parts": len(parts) > 1,
        "previous_phrase": _previous_phrase(first, lang),
        "previous_reminders": first.get("previous_reminders", ""),
        "acknowledged": acknowledged(plan, data),
        # A thank-you for payments whose penalties are owed: a receipt, with that reserve.
        "reserved": reserved(data.of(plan.rows), lang) if plan.kind == KIND_THANKS else "",
        # A thank-you after a notice thanks no one: it says the payment came after it.
        "under_notice": under_notice(plan, data),
        "notice": letter_notice(data.of(plan.rows), lang),
        "paid_numbers": paid_numbers,
        "recall": _recall(data.of(plan.recall_rows), lang),
        "oldest_days_late": first.get("oldest_days_late", 0),
        "courteous": first.get("courteous", False),
        "pay_by": day_long(as_of + dt.timedelta(days=settings.letters.payment_days), lang),
        "pay_by_days": settings.letters.payment_days,
        "deadline": day_long(as_of + dt.timedelta(days=settings.letters.formal_notice_days), lang),
        "deadline_days": settings.letters.formal_notice_days,
        "registered": plan.kind in settings.print.registered or plan.lapse_saving,
    }


def _previous_phrase(first: dict[str, Any], lang: str) -> str:
    """« du 3 novembre 2026 »: the last reminder recorded for the top part's invoices, when
    it reminded every one of them ('' otherwise: a date is never cited for an invoice it did
    not remind)."""
    numbers = set(first.get("numbers") or [])
    common = [
        d
        for g in first.get("reminder_groups") or []
        if set(g["numbers"]) == numbers
        for d in g["dates"]
    ]
    last = (first.get("reminder_dates") or [""])[-1]
    if not last or last not in common:
        return ""
    if lang == "fr":  # the dates of the part are its table's (03/11/2026): said in words here
        return f" du {day_long(dt.datetime.strptime(last, '%d/%m/%Y').date())}"
    return f" of {last}"


def _recall(rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The invoices under a formal notice still running: named « pour mémoire » with the
    notices recorded for them, never noticed again ({} when none)."""
    if not rows:
        return {}
    numbers = list(dict.fromkeys(str(r["invoice"] or "–") for r in rows))  # each once
    days = sorted({d for r in rows for d in notice_days(r)})
    return {
        "numbers": numbers,
        "invoices_phrase": invoices_phrase(numbers, lang),
        "notice_dates": [day_text(d, lang) for d in days],
        "previous_notices": previous_notices(days, lang),
        **agreement(len(numbers), lang),
    }


def _debtor(client: str, rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """Who the letter is addressed to (the first address, contact, e-mail), how greeted."""
    kind = debtor_type(rows[0]) if rows else "business"
    return {
        "name": client,
        **civility(client, lang),
        "address_lines": debtor_address(rows) or [MISSING_ADDRESS],
        "contact": next((str(r["contact"]) for r in rows if present(r["contact"])), ""),
        "email": next((str(r["email"]) for r in rows if present(r["email"])), ""),
        "consumer": kind == "consumer",
        "public": kind == "public",
        # Its court after a notice: the administrative one for a public person only.
        "public_person": bool(rows) and public_person(rows[0]),
        # Outside France: no French injonction de payer threatened (its route to check).
        "abroad": debtor_abroad(rows),
        "type": kind,
    }


def _currency(rows: list[dict[str, Any]], settings: Settings) -> str:
    found = {r["currency"] for r in rows if isinstance(r["currency"], str) and r["currency"]}
    return found.pop() if len(found) == 1 else settings.letters.currency


__all__ = ["MISSING_ADDRESS", "has_address", "letter_context"]
