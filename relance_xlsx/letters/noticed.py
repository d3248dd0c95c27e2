"""What a letter says of invoices paid after a formal notice: never thanks, never « simple
oubli »; the payment came after the notice, and what the law still gives remains due (pure)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..ledger import (
    FORMAL_NOTICE,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
)
from ..wording import (
    acknowledgement,
    date_long,
    dates_phrase,
    invoices_phrase,
    previous_notices,
)

if TYPE_CHECKING:
    from .plan import LetterPlan
    from .records import LetterRows

# The parts of a notice's envelope that ask for money beside it, within the same delay.
_ASKED_BESIDE = (KIND_REMINDER_1, KIND_REMINDER_2, KIND_CLAIM)
# What a payment of the principal leaves due, by the law of the client's type.
_REMAINS = {
    "fr": {
        "business": "les pénalités de retard et l'indemnité forfaitaire pour frais de "
        "recouvrement restent dues",
        "public": "les intérêts moratoires et l'indemnité forfaitaire pour frais de "
        "recouvrement restent dus",
        "consumer": "les intérêts au taux légal courus depuis cette mise en demeure restent dus",
    },
    "en": {
        "business": "the late-payment interest and the fixed compensation for recovery costs "
        "remain due",
        "public": "the late-payment interest and the fixed compensation for recovery costs "
        "remain due",
        "consumer": "the interest at the legal rate accrued since that formal notice remains due",
    },
}


def noticed(record: dict[str, Any]) -> bool:
    """Whether a formal notice is recorded for this invoice (ledger or journal)."""
    return int(record["level"]) >= FORMAL_NOTICE or any(
        stage == FORMAL_NOTICE for _, stage in record["letters"]
    )


def notice_facts(rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """For a part of invoices paid late: whether all were under a notice, when the payment
    came (« le 30 octobre 2026, après cette mise en demeure »), and what remains due."""
    if not rows or not all(noticed(r) for r in rows):
        return {"noticed": False, "paid_when": "", "remains": ""}
    paid = [_day(r.get("payment_date")) for r in rows]
    after = all(
        p is not None and all(p > d for d, stage in r["letters"] if stage == FORMAL_NOTICE)
        for p, r in zip(paid, rows, strict=True)
    )
    days = {p for p in paid if p is not None}
    on = ""
    if after and len(days) == 1:
        day = days.pop()
        # Running text: « le 30 octobre 2026 », as the notice's date beside it.
        on = (
            f"le {dates_phrase([day], lang, '')}, "
            if lang == "fr"
            else f"on {date_long(day, lang)}, "
        )
    if lang == "fr":
        when = f"{on}après cette mise en demeure" if after else "après l'échéance"
    else:
        when = f"{on}after that formal notice" if after else "after the due date"
    kind = "consumer" if rows[0]["consumer"] else "public" if rows[0]["public"] else "business"
    return {"noticed": True, "paid_when": when, "remains": _REMAINS[lang][kind]}


def credited_facts(rows: list[dict[str, Any]], lang: str, first: bool) -> dict[str, Any]:
    """For a part of invoices paid late: those a credit note settled rather than a payment
    (ledger/credits.py), said as such (« La facture n° U1 ci-dessous a été soldée par notre
    avoir du 1er octobre 2026, après l'échéance, et non par un règlement. »); paid in part
    first, both are said in date order (« … soldée par votre règlement du 15 octobre 2026 et
    notre avoir du 1er novembre 2026, après l'échéance. »); never thanked."""
    said = [(r, d) for r in rows if (d := _day(r.get("credited_on")))]
    if not said:
        return {"credited": "", "all_credited": False}
    whole = len(said) == len(rows)
    only = [(str(r["invoice"]), d) for r, d in said if not _part_paid(r)]
    texts = [_credited_only(only, lang, whole and not first)] if only else []
    texts += [
        _paid_and_credited(r, d, lang, whole and not first and not texts)
        for r, d in said
        if _part_paid(r)
    ]
    return {"credited": " ".join(texts), "all_credited": whole}


def _part_paid(row: dict[str, Any]) -> bool:
    return float(row.get("paid") or 0) > 0.005


def _credited_only(said: list[tuple[str, Any]], lang: str, besides: bool) -> str:
    """Invoices a credit note settled without any payment."""
    numbers = [n for n, _ in said]
    on = sorted({d for _, d in said})
    phrase = invoices_phrase(numbers, lang) + (" ci-dessous" if lang == "fr" else " below")
    if lang == "fr":
        opening = "Par ailleurs, " + phrase if besides else _start(phrase)
        many = len(said) > 1
        return (
            f"{opening} {'ont' if many else 'a'} été soldée{'s' if many else ''} par "
            f"{'nos avoirs' if len(on) > 1 else 'notre avoir'} {dates_phrase(on, lang, 'du')}, "
            "après l'échéance, et non par un règlement."
        )
    opening = "In addition, " + phrase if besides else _start(phrase)
    return (
        f"{opening} {'were' if len(said) > 1 else 'was'} settled by our credit "
        f"note{'s' if len(on) > 1 else ''} of {dates_phrase(on, lang, '')}, after the due "
        "date, and not by a payment."
    )


def _paid_and_credited(row: dict[str, Any], credited: Any, lang: str, besides: bool) -> str:
    """One invoice paid in part, then settled by a credit note: both said, with their dates."""
    phrase = invoices_phrase([str(row["invoice"])], lang) + (
        " ci-dessous" if lang == "fr" else " below"
    )
    days = sorted({day for paid_on, _ in row.get("payments") or () if (day := _day(paid_on))})
    if lang == "fr":
        opening = "Par ailleurs, " + phrase if besides else _start(phrase)
        paid = (
            f"{'vos règlements' if len(days) > 1 else 'votre règlement'} "
            f"{dates_phrase(days, lang, 'du')}"
            if days
            else "votre règlement"
        )
        credit = f"notre avoir {dates_phrase([credited], lang, 'du')}"
        both = f"{credit} et {paid}" if days and credited < days[0] else f"{paid} et {credit}"
        return f"{opening} a été soldée par {both}, après l'échéance."
    opening = "In addition, " + phrase if besides else _start(phrase)
    paid = (
        f"your payment{'s' if len(days) > 1 else ''} of {dates_phrase(days, lang, '')}"
        if days
        else "your payment"
    )
    credit = f"our credit note of {dates_phrase([credited], lang, '')}"
    both = f"{credit} and {paid}" if days and credited < days[0] else f"{paid} and {credit}"
    return f"{opening} was settled by {both}, after the due date."


def scope_notice(parts: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The parts, each with its formal_scope: « La présente vaut mise en demeure » names the
    notice's invoices (« … du Code civil pour la facture n° P1 ») when the envelope also asks,
    in the same delay, for invoices recorded at a reminder stage or for penalties, so that
    the letter and the record agree (the lawyer's review, 9); '' otherwise."""
    others = any(p["kind"] in _ASKED_BESIDE for p in parts)
    for p in parts:
        scoped = others and p["kind"] == KIND_FORMAL_NOTICE
        p["formal_scope"] = (
            (" pour " if lang == "fr" else " in respect of ") + p["invoices_phrase"]
            if scoped
            else ""
        )
    return parts


def _start(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def reserved(rows: list[dict[str, Any]], lang: str) -> str:
    """What the law still gives on payments received late whose penalties are owed and not
    claimed (« les pénalités de retard et l'indemnité forfaitaire … restent dues »): said
    instead of thanks, so that the receipt is no waiver; '' when nothing is owed."""
    owing = [r for r in rows if r["interest"] + r["indemnity"] > 0.005]
    if not owing:
        return ""
    kind = "consumer" if owing[0]["consumer"] else "public" if owing[0]["public"] else "business"
    return _REMAINS[lang][kind]


def acknowledged(plan: LetterPlan, data: LetterRows) -> str:
    """The sentence acknowledging the client's payments since its last letter: thanks only
    to a client under no notice (nor given one today), for payments owing no penalties."""
    rows = paid_whole(plan, data)
    reserve = reserved(rows, plan.language)
    return acknowledgement(
        [str(r["invoice"] or "–") for r in rows],
        plan.language,
        thank=not under_notice(plan, data) and plan.kind != KIND_FORMAL_NOTICE,
        reserve=reserve,
        late=[str(r["invoice"]) for r in rows if reserve and _owes(r)],
    )


def paid_whole(plan: LetterPlan, data: LetterRows) -> list[dict[str, Any]]:
    """The paid rows of a letter whose invoice is paid: an instalment paid while others of
    its invoice are claimed in the letter is no « règlement de la facture » (review-lawre 2)."""
    still = {str(r["invoice"] or "–") for r in data.of(plan.rows)}
    return [r for r in data.of(plan.paid_rows) if str(r["invoice"] or "–") not in still]


def _owes(record: dict[str, Any]) -> bool:
    return bool(record["interest"] + record["indemnity"] > 0.005)


def letter_notice(rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """A letter's own notice facts (a thank-you after a notice): notice_facts, and the notices
    named (« notre mise en demeure du 26 octobre 2026 »)."""
    days = sorted({d for r in rows for d, stage in r["letters"] if stage == FORMAL_NOTICE})
    return {**notice_facts(rows, lang), "previous_notices": previous_notices(days, lang)}


def under_notice(plan: LetterPlan, data: LetterRows) -> bool:
    """Whether a formal notice is recorded for an invoice this letter claims or recalls."""
    return bool(plan.recall_rows) or any(noticed(r) for r in data.of(plan.rows))


def _day(value: Any) -> Any:
    return value.date() if isinstance(value, pd.Timestamp) and pd.notna(value) else None


__all__ = [
    "credited_facts",
    "letter_notice",
    "notice_facts",
    "noticed",
    "paid_whole",
    "reserved",
    "scope_notice",
    "under_notice",
]
