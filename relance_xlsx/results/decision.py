"""The week's decision sheet: what the letters claim, by kind; what is not chased and why;
each invoice's short reason. Records the page and the summary show, computed by the core."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import (
    FORMAL_NOTICE,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_LABELS,
    KIND_PRE_DUE,
    KIND_STATEMENT,
    KIND_THANKS,
    LEVEL_LABELS,
    PRINT_ORDER,
    REMINDER_1,
    REMINDER_2,
)
from ..letters import Letter
from ..wording import date_short

# Why an invoice is not chased this week, in the order the decision sheet lists them.
NOT_CHASED = {
    "held_back": "Retenues (« Ne pas envoyer »)",
    "dispute": "En litige / en attente",  # disputes, and holds of any kind: each line says why
    "promise": "Promesse de paiement en cours",
    "payment_sent": "Paiement transmis, en attente de l'encaissement",
    "insolvency": "Procédure collective",
    "imminent": "Prescription imminente : ni relance ni mise en demeure, injonction de payer à "
    "engager sans attendre ou reconnaissance de dette signée à obtenir",
    "prescribed": "Prescrites",
    "litigation": "Remises au contentieux (pas de lettre : dossier)",
    "paid_late": "Réglées en retard : pénalités dues, non réclamées",
    # review-pubwb7 MEDIUM-3: one sheet per month, the run reads one of them.
    "other_sheet": "Sur une autre feuille, non lue (un run ne lit qu'une feuille)",
}
_DELAYS = {REMINDER_1: "days_after_reminder_1", REMINDER_2: "days_after_reminder_2"}
# The stage each dunning kind brings an invoice to.
_AFTER = {"relance_1": REMINDER_1, "relance_2": REMINDER_2, KIND_FORMAL_NOTICE: FORMAL_NOTICE}


@dataclass(frozen=True)
class LetterLine:
    """One invoice of a letter: what it owes and one short reason, computed (never a
    concatenation of status sentences)."""

    invoice: str
    row: int
    outstanding: float
    interest: float
    indemnity: float
    why: str


@dataclass(frozen=True)
class KindTotal:
    """The letters of one kind: how many, and whether they go by registered post."""

    kind: str
    label: str
    letters: int
    registered: bool


@dataclass(frozen=True)
class NotChased:
    """A client's invoices not chased this week for one reason, and what they amount to."""

    why: str  # a key of NOT_CHASED
    label: str
    client: str
    invoices: list[str]
    amount: float
    detail: str = ""


@dataclass(frozen=True)
class Summary:
    """The totals a person decides on: letters by kind, what they claim, what is left out."""

    letters: int = 0
    by_kind: list[KindTotal] = field(default_factory=list)
    registered: int = 0
    principal: float = 0.0
    interest: float = 0.0
    indemnity: float = 0.0
    total: float = 0.0
    languages: dict[str, int] = field(default_factory=dict)
    not_chased: list[NotChased] = field(default_factory=list)


def short_reason(
    kind: str, level: int, last: Any, record: dict[str, Any], policy: Policy, as_of: dt.date
) -> str:
    """Why this invoice is on this letter, in one clause (level and last: before the run)."""
    late = _late(record.get("days_late"))
    if kind == KIND_THANKS:  # after a formal notice a receipt is acknowledged, never thanked
        if level >= FORMAL_NOTICE:
            return "Réglée : règlement accusé, sans remerciement"
        return "Réglée : remerciement"
    if kind == KIND_CLAIM:
        paid = record.get("payment_date")
        on = f" le {_day(paid)}" if pd.notna(paid) else ""
        return f"Réglée{on} après l'échéance : pénalités réclamées"
    if kind == KIND_PRE_DUE:
        return f"Échéance le {_day(record.get('due_date'))} : rappel avant échéance"
    if kind == KIND_STATEMENT:
        return "Relevé de compte"
    before = int(level)
    if before == 0:
        return f"Échue, jamais relancée ({late})"
    sent = LEVEL_LABELS.get(before, "Relance")
    dated = last.__class__ is pd.Timestamp or pd.notna(last)  # a Timestamp is never NaT
    on = f" du {_day(last)}" if dated else ""
    if _AFTER.get(kind, before) <= before:
        return f"Déjà en {sent.lower()}{on} : rappelée à ce stade ({late})"
    since = (_midnight(as_of) - last).days if dated else None
    wait = getattr(policy, _DELAYS[before]) if before in _DELAYS else 0
    if since is None or since >= wait:
        return f"{sent}{on} restée sans règlement ({late})"
    return f"Jointe au courrier du client : {sent.lower()}{on} ({late})"


def summary_of(
    letters: list[Letter],
    lines: dict[str, list[LetterLine]],
    not_chased: list[NotChased],
) -> Summary:
    """Letters by kind (registered ones counted), what they claim, what is left out."""
    counts: dict[str, int] = {}
    languages: dict[str, int] = {}
    for x in letters:
        counts[x.plan.kind] = counts.get(x.plan.kind, 0) + 1
        languages[x.plan.language] = languages.get(x.plan.language, 0) + 1
    by_kind = [
        KindTotal(k, KIND_LABELS.get(k, k), counts[k], k == KIND_FORMAL_NOTICE)
        for k in PRINT_ORDER
        if k in counts
    ]
    dunning = [
        line
        for x in letters
        if x.plan.kind not in (KIND_THANKS, KIND_STATEMENT)
        for line in lines.get(str(x.path), [])
    ]
    principal = round(sum(d.outstanding for d in dunning if d.outstanding > 0), 2)
    interest = round(sum(d.interest for d in dunning), 2)
    indemnity = round(sum(d.indemnity for d in dunning), 2)
    return Summary(
        len(letters),
        by_kind,
        counts.get(KIND_FORMAL_NOTICE, 0),
        principal,
        interest,
        indemnity,
        round(principal + interest + indemnity, 2),
        languages,
        not_chased,
    )


def not_chased(
    frame: pd.DataFrame, decisions: pd.DataFrame, as_of: dt.date, policy: Policy
) -> list[NotChased]:
    """Per reason and client, the invoices left out of this week's letters, with amounts."""
    action = decisions["action"].to_numpy(dtype=object)
    back = frame["held_back"].to_numpy(dtype=bool)
    paid = frame["is_paid"].to_numpy(dtype=bool)
    promise = (
        (frame["promise_date"] + pd.Timedelta(days=policy.promise_grace_days))
        >= pd.Timestamp(as_of)
    ).to_numpy(dtype=bool) & ~paid
    groups = {
        # A client's hold also keeps its paid invoices' thanks and penalties back, but a
        # paid invoice is not « not chased »: its penalties are under « paid_late ».
        "held_back": (action == "hold") & back & ~paid,
        "dispute": (action == "hold") & ~back,
        "promise": (action == "wait") & promise,
        # Odoo's « En paiement », a transfer sent: waiting for the bank, said with its reason.
        "payment_sent": (action == "wait") & frame["wait_reason"].notna().to_numpy() & ~promise,
        "insolvency": action == "insolvency",
        "imminent": action == "imminent",
        "prescribed": action == "prescribed",
        "litigation": action == "litigation",
    }
    out: list[NotChased] = []
    for why, mask in groups.items():
        if mask.any():
            out += _per_client(why, frame, decisions, mask)
    return out


# The invoices whose own reasons a line of « not chased » names, when they differ.
SHOWN = 3


def _per_client(
    why: str, frame: pd.DataFrame, decisions: pd.DataFrame, mask: np.ndarray
) -> list[NotChased]:
    clients = frame.loc[mask, "client"].astype(str).tolist()
    invoices = frame.loc[mask, "invoice"].tolist()
    reasons = decisions.loc[mask, "reason"].tolist()
    # NaN counts as 0, as in Series.sum; each client's amounts summed by numpy in row order.
    amounts = np.nan_to_num(frame.loc[mask, "outstanding"].to_numpy(dtype=float), nan=0.0)
    # Grouped in Python: pandas' groupby costs ~1 ms a client (5,000 clients at 200,000 rows).
    by_client: dict[str, list[int]] = {}
    for k, client in enumerate(clients):
        by_client.setdefault(client, []).append(k)
    out = []
    for client in sorted(by_client):
        at = by_client[client]
        said = list(dict.fromkeys(str(reasons[k]) for k in at))
        if len(said) > 1:  # each invoice its own reason, the first few named
            said = [_each([str(invoices[k]) for k in at], [str(reasons[k]) for k in at])]
        out.append(
            NotChased(
                why,
                NOT_CHASED[why],
                client,
                [str(invoices[k]) for k in at],
                round(float(amounts[at].sum()), 2),
                said[0],
            )
        )
    return sorted(out, key=lambda n: -n.amount)


def _each(invoices: list[str], reasons: list[str]) -> str:
    """Each invoice with its own reason (the first few), the clauses they share said once at
    the end: « H-1 : prescrite depuis … ; H-2 : prescrite depuis … ; seule une … »."""
    n, short = 0, min(map(len, reasons))
    while n < short and len({r[-1 - n] for r in reasons}) == 1:
        n += 1
    tail = reasons[0][len(reasons[0]) - n :]
    cut = tail.find(" ; ")
    tail = tail[cut:] if cut >= 0 else ""
    each = [f"{n} : {r[: len(r) - len(tail)]}" for n, r in zip(invoices, reasons, strict=True)]
    more = f" ; et {len(each) - SHOWN} autre(s)" if len(each) > SHOWN else ""
    return " ; ".join(each[:SHOWN]) + more + tail


def _late(days: Any) -> str:
    # A plain number needs no pd.isna (a third of short_reason's time): only NaN differs.
    known = days == days if days.__class__ in (int, float) else not (days is None or pd.isna(days))
    if not known:
        return "échéance inconnue"
    n = int(days)
    return f"{n} jour de retard" if n == 1 else f"{n} jours de retard"


def _day(value: Any) -> str:
    if value.__class__ is pd.Timestamp:  # the common case, without pd.notna and a new Timestamp
        return _timestamp_day(value, value.tz)
    return date_short(pd.Timestamp(value).date()) if pd.notna(value) else ""


@lru_cache(maxsize=16)
def _midnight(day: dt.date) -> pd.Timestamp:
    # The run's day as a Timestamp, made once (not once per letter's line: 1 µs each).
    return pd.Timestamp(day)


@lru_cache(maxsize=4096)
def _timestamp_day(value: pd.Timestamp, tz: Any) -> str:
    # Letters' invoices share few dates: .date() and strftime cost 2.5 µs a line, a lookup
    # 0.3 (the zone in the key: one instant is two days in two zones).
    return date_short(value.date())


__all__ = [
    "NOT_CHASED",
    "KindTotal",
    "LetterLine",
    "NotChased",
    "Summary",
    "not_chased",
    "short_reason",
    "summary_of",
]
