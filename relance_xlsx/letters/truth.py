"""Every letter's statements checked before it is written, on its data (not its text).

A letter is refused, with a French reason, when it would list an invoice at a stage the
invoice did not reach, cite a reminder or a notice that is not recorded (ledger or journal),
print amounts that do not add up, or cite an article of a law that is not the client's. A
refused letter goes to a_completer/ like a letter missing a value, and its invoices keep
their level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import (
    FORMAL_NOTICE,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    PUBLIC_ENTERPRISE,
    REMINDER_1,
    REMINDER_2,
)
from ..policy import first_level
from ..wording import amount_in_words, money
from .credits import demand_refusals
from .noticed import noticed
from .partpaid import partly_paid_rows, received
from .parts import (
    PENALTY_KINDS,
    STAGE_OF,
    day_text,
    notice_days,
    reminder_days,
)
from .plan import LetterPlan
from .records import LetterRows

# The articles each law's wording may cite (Code de commerce, Code de la commande publique,
# Code de justice administrative, Code civil).
ALLOWED = {
    "business": frozenset({"L441-10", "D441-5", "1344"}),
    "public": frozenset({"L2192-13", "R2192-31", "R2192-32", "R541-1"}),
    "consumer": frozenset({"1231-6", "1344"}),
}
TYPE_NAMES = {"business": "professionnel", "public": "acheteur public", "consumer": "particulier"}


def public_person(record: dict[str, Any]) -> bool:
    """A public buyer that is a public person: no injonction de payer or seizure reaches it,
    its court is the administrative one, an EPIC's too (its public contracts are administrative,
    Code de la commande publique L6); an entreprise publique, a company, goes to the judicial
    courts."""
    return debtor_type(record) == "public" and record.get("buyer") != PUBLIC_ENTERPRISE


def debtor_type(record: dict[str, Any]) -> str:
    """« consumer », « public » or « business »: the law a letter to this client follows."""
    if bool(record.get("consumer")):
        return "consumer"
    return "public" if bool(record.get("public")) else "business"


def cited_articles(
    client_type: str, parts: Sequence[str], consumer_interest: bool, administrative: bool = True
) -> list[str]:
    """The articles a letter with these parts cites, by the law of its client's type (and, for
    a public buyer's notice, the court it names)."""
    kind = client_type
    claims = any(p in PENALTY_KINDS for p in parts)
    notice = KIND_FORMAL_NOTICE in parts
    found: list[str] = []
    if kind == "business" and claims:
        found += ["L441-10", "D441-5"]
    elif kind == "public" and claims:
        found += ["L2192-13", "R2192-31", "R2192-32"]
    elif kind == "consumer" and (KIND_CLAIM in parts or (claims and consumer_interest)):
        found.append("1231-6")
    if notice and kind == "public":
        found += ["R541-1"] if administrative else []
    elif notice:
        found.append("1344")
    return found


def refusals(
    plan: LetterPlan,
    data: LetterRows,
    context: dict[str, Any] | None,
    policy: Policy,
    as_of: dt.date,
) -> list[str]:
    """Why this letter may not go (in French); [] when every statement it makes holds."""
    rows = data.of(plan.rows)
    if not rows:
        return []
    out = _types(rows)
    for part in plan.all_parts:
        for r in data.of(part.rows):
            out += _stage(part.kind, r, policy, as_of)
        if part.reminded:
            out += [
                f"la facture n° {_no(r)} n'a reçu aucune relance enregistrée : « malgré nos "
                "relances » serait faux"
                for r in data.of(part.rows)
                if int(r["level"]) < REMINDER_1
            ]
    out += [
        f"la facture n° {_no(r)} est rappelée sous mise en demeure sans qu'aucune soit enregistrée"
        for r in data.of(plan.recall_rows)
        if int(r["level"]) != FORMAL_NOTICE and not notice_days(r)
    ]
    if context is not None:
        out += _deadlines(context)
        out += _cited(plan, data, context)
        out += _amounts(plan, data, context)
    return list(dict.fromkeys(out))


def _deadlines(context: dict[str, Any]) -> list[str]:
    """A deadline on or before the letter's own date would be past when the letter arrives."""
    out = []
    letter = context.get("letter") or {}
    for key, what in (("pay_by_days", "de paiement"), ("deadline_days", "de la mise en demeure")):
        days = letter.get(key)
        if isinstance(days, int) and days < 1:
            out.append(
                f"le délai {what} ({days} jours) placerait la date limite le jour de la lettre "
                "ou avant : elle serait déjà passée"
            )
    return out


def _no(r: dict[str, Any]) -> str:
    return str(r["invoice"] or "–")


def _types(rows: list[dict[str, Any]]) -> list[str]:
    """One law per letter: every invoice's client of the same type."""
    kinds = {debtor_type(r) for r in rows}
    if len(kinds) == 1:
        return []
    named = ", ".join(sorted(TYPE_NAMES[k] for k in kinds))
    return [
        f"le type du client diffère d'une facture à l'autre ({named}) : corrigez la colonne "
        "« Type client » pour qu'une seule loi s'applique"
    ]


def _stage(kind: str, r: dict[str, Any], policy: Policy, as_of: dt.date) -> list[str]:
    """Whether the invoice reached the stage its part says, by its recorded level and date."""
    stage = STAGE_OF.get(kind)
    if not stage:
        return []  # penalties of an invoice paid late: no stage
    before, after, no = int(r["level"]), int(r["stage"]), _no(r)
    if after != stage:
        return [
            f"la facture n° {no} serait listée au stade {stage} mais enregistrée au stade {after}"
        ]
    if stage < before:
        return [f"la facture n° {no} redescendrait du stade {before} au stade {stage}"]
    if stage == before:
        if not r["relisted"] or stage >= FORMAL_NOTICE:
            return [f"la facture n° {no} recevrait une seconde lettre au stade {stage}"]
        return []
    if before == 0:
        days = float(r["days_late"]) if pd.notna(r["days_late"]) else -1.0
        allowed = int(first_level(np.array([max(days, 0.0)]), policy)[0])
        if days < policy.grace_days or stage > allowed:
            return [f"la facture n° {no} recevrait une première lettre au stade {stage}"]
        return []
    if stage != before + 1:
        return [f"la facture n° {no} sauterait du stade {before} au stade {stage}"]
    delay = {REMINDER_1: policy.days_after_reminder_1, REMINDER_2: policy.days_after_reminder_2}
    last = r["last_date"]
    waited = (
        (as_of - last.date()).days if isinstance(last, pd.Timestamp) and pd.notna(last) else None
    )
    if waited is not None and waited < delay.get(before, 0):
        return [
            f"la facture n° {no} passerait au stade {stage} {waited} jour(s) après sa lettre "
            f"précédente (délai {delay.get(before, 0)} jours)"
        ]
    return []


def _cited(plan: LetterPlan, data: LetterRows, context: dict[str, Any]) -> list[str]:
    """The reminders and articles the letter cites are recorded, and of the client's law."""
    out = []
    for part, shown in zip(plan.all_parts, context["parts"], strict=True):
        out += _reminders_cited(data.of(part.rows), shown, plan.language)
    kind = context["debtor"]["type"]
    out += [
        f"l'article {a} ne s'applique pas à un client {TYPE_NAMES[kind]}"
        for a in context["legal"]["articles"]
        if a not in ALLOWED[kind]
    ]
    return out


def _reminders_cited(rows: list[dict[str, Any]], shown: dict[str, Any], lang: str) -> list[str]:
    """Each reminder date the part cites, for each invoice it cites it for, is recorded for
    that very invoice (ledger or journal): never a date taken from another invoice."""
    recorded = {_no(r): {day_text(d, lang) for d in reminder_days(r)} for r in rows}
    union = set().union(*recorded.values()) if recorded else set()
    out = [
        f"la relance du {d} citée pour {', '.join(shown['numbers'])} n'est pas enregistrée"
        for d in shown["reminder_dates"]
        if d not in union
    ]
    for group in shown.get("reminder_groups", ()):
        out += [
            f"la relance du {d} est citée pour la facture n° {no}, qui n'a pas été relancée "
            "ce jour-là"
            for no in group["numbers"]
            for d in group["dates"]
            if d not in recorded.get(no, set())
        ]
    return out


def _amounts(plan: LetterPlan, data: LetterRows, context: dict[str, Any]) -> list[str]:
    """Each part's totals are the sum of its invoices; the letter's, the sum of its parts."""
    lang = plan.language
    consumer = context["debtor"]["type"] == "consumer"
    out: list[str] = []
    sums = {"outstanding": 0.0, "interest": 0.0, "indemnity": 0.0}
    for part, shown in zip(plan.all_parts, context["parts"], strict=True):
        rows = data.of(part.rows)
        credits = data.of(part.credits)
        penalties = part.kind in PENALTY_KINDS
        owed = {
            "outstanding": _sum(r["outstanding"] for r in [*rows, *credits]),
            "interest": _sum(r["interest"] for r in rows) if penalties else 0.0,
            "indemnity": _sum(r["indemnity"] for r in rows) if penalties else 0.0,
        }
        claimed = round(sum(owed.values()), 2)
        currency = _currency(context)
        got = _sum(map(received, partly_paid_rows(part.kind, rows)))
        if shown["partly_paid_total"] != got:
            out.append(
                f"la partie {part.kind} ne dit pas les {money(got, currency, lang)} de "
                "règlements partiels reçus"
            )
        paid = _sum(r["interest_paid"] + r["indemnity_paid"] for r in rows) if penalties else 0
        if shown["figures"]["penalties_paid"] != paid:
            out.append(
                f"la partie {part.kind} ne dit pas les {money(paid, currency, lang)} de "
                "pénalités déjà réglés par virement"
            )
        for key, value in [*owed.items(), ("claimed", claimed)]:
            if shown["totals"][key] != money(value, currency, lang):
                out.append(
                    f"le total « {key} » de la partie {part.kind} ({shown['totals'][key]}) "
                    f"n'est pas la somme de ses factures ({money(value, currency, lang)})"
                )
        if shown["totals"]["claimed_words"] != amount_in_words(claimed, currency, lang):
            out.append(f"le montant en lettres de la partie {part.kind} ne dit pas {claimed}")
        out += _interest(rows, consumer)
        for key in sums:
            sums[key] += owed[key]
    total = round(sum(sums.values()), 2)
    if context["totals"]["claimed"] != money(total, _currency(context), lang):
        out.append("le total du courrier n'est pas la somme de ses parties")
    return out + demand_refusals(plan, data, context)


def _interest(rows: list[dict[str, Any]], consumer: bool) -> list[str]:
    """Interest equals its periods, less what a bank transfer already paid of it (said in the
    letter); a consumer owes no indemnity, nor interest before a notice."""
    out = []
    for r in rows:
        periods = max(round(sum(p[5] for p in r["periods"]) - float(r["interest_paid"]), 2), 0)
        if r["periods"] and abs(periods - float(r["interest"])) > 0.005:
            out.append(
                f"les intérêts de la facture n° {_no(r)} ne sont pas la somme de leurs périodes"
            )
        if consumer and float(r["indemnity"]) > 0.005:
            out.append(f"indemnité forfaitaire réclamée à un particulier (facture n° {_no(r)})")
        if consumer and float(r["interest"]) > 0.005 and not noticed(r):
            out.append(
                f"intérêts réclamés à un particulier sans mise en demeure enregistrée "
                f"(facture n° {_no(r)})"
            )
    return out


def _sum(values: Iterable[Any]) -> float:
    return round(float(sum(values)), 2)


def _currency(context: dict[str, Any]) -> str:
    return str(context.get("currency", "EUR"))


__all__ = ["ALLOWED", "cited_articles", "debtor_type", "public_person", "refusals"]
