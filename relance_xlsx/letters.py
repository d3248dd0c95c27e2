"""Which letters a run writes, and the context each template is filled with (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .config import PLACEHOLDER, Settings
from .fmt import amount_in_words, date_long, date_short, money, percent
from .levels import KIND_THANKS, PRINT_ORDER

MISSING_ADDRESS = "[ADRESSE À COMPLÉTER]"


@dataclass(frozen=True)
class LetterPlan:
    """One letter: a client, a kind, a language, its invoices and the credits it deducts."""

    client: str
    kind: str
    language: str
    rows: tuple[int, ...]  # frame index labels of the invoices
    credit_rows: tuple[int, ...] = ()


def plan_letters(
    frame: pd.DataFrame, decisions: pd.DataFrame, default_language: str
) -> list[LetterPlan]:
    """One letter per client and kind, in print order; credits go on the highest letter."""
    joined = frame[["client", "language", "is_credit", "valid", "hold", "outstanding"]].join(
        decisions[["kind"]]
    )
    joined["language"] = joined["language"].fillna(default_language)
    with_kind = joined[joined["kind"].notna()]
    plans: list[LetterPlan] = []
    for (client, kind), group in with_kind.groupby(["client", "kind"], sort=False):
        language = str(group["language"].iloc[0])
        plans.append(LetterPlan(str(client), str(kind), language, tuple(group.index)))
    credits = joined[
        joined["is_credit"] & joined["valid"] & ~joined["hold"] & (joined["outstanding"] < 0)
    ]
    order = {k: i for i, k in enumerate(PRINT_ORDER)}
    plans.sort(key=lambda p: (order.get(p.kind, 99), p.client.casefold(), p.client))
    seen: set[str] = set()
    for i, plan in enumerate(plans):
        if plan.kind == KIND_THANKS or plan.client in seen:
            continue
        seen.add(plan.client)
        rows = tuple(credits.index[credits["client"] == plan.client])
        if rows:
            plans[i] = LetterPlan(plan.client, plan.kind, plan.language, plan.rows, rows)
    return plans


def _or_placeholder(value: str, missing: list[str], what: str) -> str:
    if value.strip():
        return value.strip()
    missing.append(what)
    return PLACEHOLDER


def creditor_context(settings: Settings, missing: list[str]) -> dict[str, Any]:
    """The creditor's identity; unset fields show a visible placeholder, never a blank."""
    c = settings.creditor
    name = _or_placeholder(c.name, missing, "creditor.name")
    address = _or_placeholder(c.address, missing, "creditor.address")
    lines = [ln.strip() for ln in address.splitlines() if ln.strip()]
    phone = _or_placeholder(c.phone, missing, "creditor.phone")
    email = _or_placeholder(c.email, missing, "creditor.email")
    siret = _or_placeholder(c.siret, missing, "creditor.siret")
    footer = " – ".join(
        p
        for p in (
            name,
            ", ".join(lines),
            f"SIRET {siret}",
            f"TVA {c.vat_number}" if c.vat_number else "",
        )
        if p
    )
    return {
        "name": name,
        "address_lines": lines,
        "address": ", ".join(lines),
        "siret": siret,
        "vat_number": c.vat_number,
        "phone": phone,
        "email": email,
        "contact_line": f"Tél. {phone} – {email}",
        "city": c.city,
        "signatory": _or_placeholder(c.signatory, missing, "creditor.signatory"),
        "signatory_title": c.signatory_title or "",
        "iban": _or_placeholder(c.iban, missing, "creditor.iban"),
        "bic": _or_placeholder(c.bic, missing, "creditor.bic"),
        "bank": c.bank or "banque",
        "cheque_payee": c.cheque_payee or name,
        "footer": footer,
    }


def letter_context(
    plan: LetterPlan,
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    settings: Settings,
    as_of: dt.date,
    rate: float,
    creditor: dict[str, Any],
) -> tuple[dict[str, Any], list[str]]:
    """Everything a template may use for one letter, formatted; plus what was missing."""
    lang = plan.language
    missing: list[str] = []
    rows = frame.loc[list(plan.rows)]
    dec = decisions.loc[list(plan.rows)]
    credits = frame.loc[list(plan.credit_rows)]
    currency = _currency(rows, settings)

    def m(x: float) -> str:
        return money(x, currency, lang)

    invoices = []
    for idx, r in rows.iterrows():
        d = dec.loc[idx]
        invoices.append(
            {
                "number": str(r["invoice"] or "–"),
                "date": _day(r["invoice_date"], lang),
                "object": str(r["object"]) if r["object"] else "–",
                "amount": m(r["amount"]),
                "paid": m(r["paid"]),
                "due": _day(r["due_date"], lang),
                "outstanding": m(r["outstanding"]),
                "days_late": int(d["days_late"]) if pd.notna(d["days_late"]) else 0,
                "interest": m(d["interest"]),
                "indemnity": m(d["indemnity"]),
            }
        )
    credit_items = [
        {
            "number": str(r["invoice"] or "–"),
            "date": _day(r["invoice_date"], lang),
            "object": str(r["object"]) if r["object"] else "–",
            "amount": m(r["amount"]),
        }
        for _, r in credits.iterrows()
    ]
    outstanding = float(rows["outstanding"].sum() + credits["outstanding"].sum())
    with_penalties = plan.kind in ("relance_2", "mise_en_demeure")
    interest = float(dec["interest"].sum()) if with_penalties else 0.0
    indemnity = float(dec["indemnity"].sum()) if with_penalties else 0.0
    claimed = round(outstanding + interest + indemnity, 2)
    numbers = [str(i["number"]) for i in invoices]
    first = rows.iloc[0]
    address = next((a for a in rows["address"] if a), None)
    if address is None:
        missing.append("debtor.address")
    last_dates = [d for d in rows["last_date"] if pd.notna(d)]
    pay_by = as_of + dt.timedelta(days=settings.letters.payment_days)
    deadline = as_of + dt.timedelta(days=settings.letters.formal_notice_days)
    plural = len(invoices) > 1
    context = {
        "creditor": creditor,
        "debtor": {
            "name": plan.client,
            "address_lines": (address or MISSING_ADDRESS).split("\n"),
            "contact": next((str(c) for c in rows["contact"] if c), ""),
            "email": next((str(e) for e in rows["email"] if e), ""),
            "consumer": bool(first["consumer"]),
        },
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
            "paid": m(float(rows["paid"].sum())),
            "credits": m(float(credits["amount"].sum())),
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
    return context, missing


def total_due(plan: LetterPlan, frame: pd.DataFrame, decisions: pd.DataFrame) -> float:
    """What the letter claims, as a number (for JSON and the summary)."""
    rows = list(plan.rows)
    total = (
        frame.loc[rows, "outstanding"].sum()
        + frame.loc[list(plan.credit_rows), "outstanding"].sum()
    )
    if plan.kind in ("relance_2", "mise_en_demeure"):
        total += decisions.loc[rows, "interest"].sum() + decisions.loc[rows, "indemnity"].sum()
    if plan.kind == KIND_THANKS:
        total = frame.loc[rows, "paid"].sum()
    return round(float(total), 2)


def _currency(rows: pd.DataFrame, settings: Settings) -> str:
    found = {c for c in rows["currency"] if c}
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


__all__ = ["LetterPlan", "creditor_context", "letter_context", "plan_letters", "total_due"]
