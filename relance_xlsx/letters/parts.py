"""A letter's parts: the invoices at one stage, what they owe, the letters recorded for them,
and the words a template needs to say so truly (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..ledger import (
    FORMAL_NOTICE,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
    REMINDER_1,
    REMINDER_2,
)
from ..wording import (
    agreement,
    amount_in_words,
    date_long,
    date_short,
    day_long,
    invoices_phrase,
    invoices_title,
    join_list,
    of_invoices,
    previous_notices,
    reminders_by_invoice,
    these_invoices,
)
from .interest import credit_bases, interest_lines, on_balance, rates_named
from .items import credit_item, invoice_item
from .noticed import credited_facts, notice_facts
from .partpaid import partly_paid_words
from .plan import Part
from .rated import Note, no_note

# The parts that claim interest and the indemnity (a first reminder claims the principal).
PENALTY_KINDS = (KIND_REMINDER_2, KIND_FORMAL_NOTICE, KIND_CLAIM)
# Days late past which a first reminder that is not courteous asks to pay « sans délai »
# (a week and a day: a client 2 or 5 days late under a notice is not told so).
FIRM_AFTER_DAYS = 8
STAGE_OF = {KIND_REMINDER_1: 1, KIND_REMINDER_2: 2, KIND_FORMAL_NOTICE: 3, KIND_CLAIM: 0}


@dataclass(frozen=True)
class Frame:
    """What every part of one letter shares: its language, money, dates and debtor's type."""

    lang: str
    money: Callable[[float], str]
    currency: str
    as_of: dt.date
    pay_by: dt.date
    notice_days: int
    courteous_until: int
    fallback_rate: float
    # The letter gives a formal notice: its other parts ask for payment within the notice's
    # own delay, never by a date of their own beside it.
    with_notice: bool = False
    # A part of the letter opens « Malgré notre relance … »: no other part says « oubli ».
    reminded: bool = False
    # What the part says of an unconfirmed rate its interest used (letters/rated.py).
    provisional: Note = no_note


def day_text(day: dt.date, lang: str) -> str:
    """A date as a letter cites it: 17/11/2026, or 17 November 2026 in English."""
    return date_short(day) if lang == "fr" else date_long(day, lang)


def reminder_days(record: dict[str, Any]) -> list[dt.date]:
    """The days of the reminders (relance 1 and 2) recorded for one invoice."""
    return [d for d, stage in record["letters"] if REMINDER_1 <= stage <= REMINDER_2]


def notice_days(record: dict[str, Any]) -> list[dt.date]:
    """The days of the formal notices recorded for one invoice."""
    return [d for d, stage in record["letters"] if stage == FORMAL_NOTICE]


def reminder_groups(rows: list[dict[str, Any]], lang: str) -> list[dict[str, list[str]]]:
    """The reminders of a part's invoices, grouped by the invoices they reminded (in order of
    their first date): each date is cited only for the invoices recorded as reminded on it."""
    return [
        {"dates": [day_text(d, lang) for d in days], "numbers": list(numbers)}
        for days, numbers in _day_groups(rows)
    ]


def _day_groups(
    rows: list[dict[str, Any]], registered: bool | None = None
) -> list[tuple[list[dt.date], list[str]]]:
    """The reminder days of a part, grouped by the invoices reminded on them. registered:
    only the days of a notice's registered envelope (True), or only the others (False)."""
    by_day: dict[dt.date, list[str]] = {}
    for r in rows:
        sealed = set(r.get("registered", ()))
        for d in sorted(set(reminder_days(r))):
            if registered is None or (d in sealed) == registered:
                by_day.setdefault(d, []).append(str(r["invoice"] or "–"))
    groups: dict[tuple[str, ...], list[dt.date]] = {}
    for d in sorted(by_day):
        groups.setdefault(tuple(by_day[d]), []).append(d)
    return [(days, list(numbers)) for numbers, days in groups.items()]


def complete_history(record: dict[str, Any]) -> bool:
    """Whether every reminder an invoice's level says was sent has its date recorded: always
    when its first recorded letter is the tool's own (nothing came before it)."""
    letters = record["letters"]
    if letters and letters[0][0] == record.get("own_first"):
        return True
    stages = {stage for _, stage in letters}
    needed = range(REMINDER_1, min(int(record["level"]), REMINDER_2) + 1)
    return all(s in stages for s in needed)


def part_context(
    part: Part,
    rows: list[dict[str, Any]],
    f: Frame,
    *,
    first: bool,
    credits: list[dict[str, Any]],
    above: bool,
) -> dict[str, Any]:
    """One part, formatted: its invoices, totals, the reminders recorded for them, its
    deadline. above: the letter has a higher stage than this part (or recalls a notice)."""
    lang, m = f.lang, f.money
    numbers = list(dict.fromkeys(str(r["invoice"] or "–") for r in rows))  # once, instalments too
    invoices = []
    for r in rows:
        item = invoice_item(r, m, lang)
        # A table's dates are short in every language (« 22 November 2026 » broke in its cell).
        item["reminders"] = join_list([date_short(d, lang) for d in reminder_days(r)], lang) or "–"
        invoices.append(item)
    reminded = [d for r in rows for d in reminder_days(r)]
    shown = [day_text(d, lang) for d in sorted(set(reminded))]
    groups = reminder_groups(rows, lang)
    oldest = max((i["days_late"] for i in invoices), default=0)
    stage = STAGE_OF.get(part.kind, 0)
    return {
        "kind": part.kind,
        "stage": stage,
        "first": first,
        "reminded": part.reminded,
        "relisted": bool(rows) and all(r["relisted"] for r in rows),
        "invoices": invoices,
        "count": len(rows),
        **agreement(len(numbers), lang),
        "invoices_phrase": invoices_phrase(numbers, lang),
        "invoices_phrase_start": _start(invoices_phrase(numbers, lang)),
        "of_invoices": of_invoices(numbers, lang),
        "invoices_title": invoices_title(numbers, lang),
        "these": these_invoices(len(numbers), lang),
        "numbers": numbers,
        "reminder_dates": shown,
        # Which reminder reminded which invoice: what « malgré nos relances » may say.
        "reminder_groups": groups,
        "previous_reminders": reminders_by_invoice(
            # Running text: « nos relances des 10 et 17 novembre 2026 », not « des 10/11/2026 »;
            # a notice's registered envelope named as such, not as a mere reminder.
            _day_groups(rows, registered=False),
            numbers,
            lang,
            all(complete_history(r) for r in rows),
            _day_groups(rows, registered=True),
        ),
        "previous_notices": previous_notices(
            sorted({d for r in rows for d in notice_days(r)}), lang
        ),
        "oldest_days_late": oldest,
        # Not backed by the ledger: the plain request alone, never « sans délai » instead.
        "courteous": (courteous := _courteous(part, stage, above, oldest, f)) and _forgot(rows, f),
        # « Régularisez sans délai » only past a few days: never for an invoice 2 days late.
        "firm": first
        and stage == 1
        and not part.reminded
        and not courteous
        and oldest > FIRM_AFTER_DAYS,
        # Paid after a notice: no thanks, the notice named, what remains due (noticed.py);
        # thanks only to a client under no notice at all (above says the letter has one).
        **(notice_facts(rows, lang) if part.kind == KIND_CLAIM else {"noticed": False}),
        # A credit note is no payment: neither thanked nor said received (noticed.py).
        **(credited := credited_facts(rows if part.kind == KIND_CLAIM else [], lang, first)),
        **({"noticed": False} if credited["all_credited"] else {}),
        "thank": first and not above and not credited["credited"],
        "deadline": _deadline(part.kind, f),
        "deadline_mail": _deadline(part.kind, f, mail=True),
        "with_history": stage >= 2 or part.reminded,
        "credits": [credit_item(c, m, lang) for c in credits],
        **_amounts(part.kind, rows, credits, f),
        **partly_paid_words(part.kind, rows, f.lang, f.money, f.as_of),
    }


def _courteous(part: Part, stage: int, above: bool, oldest: int, f: Frame) -> bool:
    """A first reminder of invoices never reminded, in a letter of no higher stage nor notice,
    not too late: « Il s'agit probablement d'un simple oubli »."""
    return stage == 1 and not part.reminded and not above and oldest <= f.courteous_until


def _forgot(rows: list[dict[str, Any]], f: Frame) -> bool:
    """Whether « un simple oubli » is backed: not when the letter already says an invoice was
    reminded, nor of an invoice paid in part or whose payment was promised (kept or broken):
    a client who paid some of it or promised a date acknowledged the debt (§7.5)."""
    return not f.reminded and not any(
        r["paid"] > 0.005 or pd.notna(r["promise_date"]) for r in rows
    )


def _start(phrase: str) -> str:
    """A phrase that opens a sentence: « La facture n° A », « Invoice A »."""
    return phrase[:1].upper() + phrase[1:]


def _deadline(kind: str, f: Frame, mail: bool = False) -> str:
    """By when the part asks to be paid. A formal notice counts from its receipt: the debtor
    cannot be held to a delay before the registered letter reaches him, and when it does is
    not known when it is written (the e-mail copy names the registered letter, which it is
    not). The other parts of an envelope that gives a notice ask for their own invoices
    within that same delay: a reminder's deadline has no legal effect of its own, and a
    date beside « 8 jours à compter de la réception » would read as a second, contradictory
    deadline (earlier, for the lesser stage). Reminders sent alone give a date."""
    if kind == KIND_FORMAL_NOTICE or f.with_notice:
        same = kind != KIND_FORMAL_NOTICE
        if f.lang == "fr":
            what = "la lettre recommandée" if mail else "la présente"
            delay = "dans le même délai" if same else "dans un délai"
            return f"{delay} de {f.notice_days} jours à compter de la réception de {what}"
        what = "the registered letter" if mail else "this letter"
        return f"within {'the same ' if same else ''}{f.notice_days} days of receiving {what}"
    when = day_long(f.pay_by, f.lang)
    return f"au plus tard le {when}" if f.lang == "fr" else f"by {when}"


def _amounts(
    kind: str, rows: list[dict[str, Any]], credits: list[dict[str, Any]], f: Frame
) -> dict[str, Any]:
    """The part's totals (as printed, and as numbers for the check), its interest periods."""
    m = f.money
    penalties = kind in PENALTY_KINDS
    outstanding = sum(r["outstanding"] for r in rows) + sum(c["outstanding"] for c in credits)
    interest = sum(r["interest"] for r in rows) if penalties else 0.0
    indemnity = sum(r["indemnity"] for r in rows) if penalties else 0.0
    claimed = round(outstanding + interest + indemnity, 2)
    # Penalties a bank transfer already paid: deducted above, and the letter says so.
    paid = sum(r["interest_paid"] + r["indemnity_paid"] for r in rows) if penalties else 0.0
    figures = {
        "outstanding": round(outstanding, 2),
        "interest": round(interest, 2),
        "indemnity": round(indemnity, 2),
        "claimed": claimed,
        "credits": round(sum(c["outstanding"] for c in credits), 2),
        "penalties_paid": round(paid, 2),
    }
    return {
        "penalties": penalties,
        # No interest line where none is owed: a consumer before any formal notice.
        "show_interest": penalties and (interest > 0.005 or not _consumer(rows)),
        "figures": figures,
        "totals": {
            "outstanding": m(outstanding),
            "interest": m(interest),
            "indemnity": m(indemnity),
            "claimed": m(claimed),
            "claimed_words": amount_in_words(claimed, f.currency, f.lang),
            "credits": m(figures["credits"]),
            "penalties_paid": m(figures["penalties_paid"]),
        },
        "interest_periods": interest_lines(rows, m, f.lang) if penalties else [],
        "on_balance": penalties and on_balance(rows),
        "credit_base": credit_bases(rows, credits, f.lang) if penalties else "",
        # Made "provisional" by context._parts: said once per letter, under the first needing it.
        "provisional_notes": f.provisional(rows) if penalties and interest > 0.005 else [],
        **rates_named(rows, f.fallback_rate, f.lang),
    }


def _consumer(rows: list[dict[str, Any]]) -> bool:
    return bool(rows) and all(bool(r["consumer"]) for r in rows)


__all__ = [
    "PENALTY_KINDS",
    "STAGE_OF",
    "Frame",
    "complete_history",
    "day_text",
    "notice_days",
    "part_context",
    "reminder_days",
    "reminder_groups",
]
