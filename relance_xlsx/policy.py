"""Decide, for every invoice, what to do today and what it is owed. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .config import Policy
from .fmt import date_short
from .levels import (
    FORMAL_NOTICE,
    KIND_BY_LEVEL,
    KIND_PRE_DUE,
    KIND_THANKS,
    LEVEL_LABELS,
    LITIGATION,
    PRE_DUE_LABEL,
    REMINDER_1,
    REMINDER_2,
    THANKED_LABEL,
)
from .penalties import compute_penalties
from .rates import RateTables

ACTIONS = ("letter", "thanks", "litigation", "wait", "hold", "none")
_SENT_NAMES = {
    REMINDER_1: "1re relance",
    REMINDER_2: "2e relance",
    FORMAL_NOTICE: "mise en demeure",
    LITIGATION: "contentieux",
}
_NEVER = 10**6  # days since a letter whose date is unknown: "sent long ago"


@dataclass(frozen=True)
class Decisions:
    """The policy's answer: one row per invoice (same index as the ledger frame)."""

    frame: pd.DataFrame  # action, level, kind, reason, days_late, interest, indemnity, label, date
    rate: float
    warnings: tuple[str, ...]


def _delays(policy: Policy) -> dict[int, int]:
    return {
        REMINDER_1: policy.days_after_reminder_1,
        REMINDER_2: policy.days_after_reminder_2,
        FORMAL_NOTICE: policy.days_after_formal_notice,
    }


def first_level(days_late: np.ndarray, policy: Policy) -> np.ndarray:
    """Level of a first letter: 1, or the level days late alone give when configured."""
    if not policy.start_at_days_late_level:
        return np.full(len(days_late), REMINDER_1)
    # A first letter is at most a formal notice: litigation is never the first step.
    return np.select(
        [days_late >= policy.days_late_for_level_3, days_late >= policy.days_late_for_level_2],
        [FORMAL_NOTICE, REMINDER_2],
        REMINDER_1,
    )


def decide(frame: pd.DataFrame, as_of: dt.date, policy: Policy, tables: RateTables) -> Decisions:
    """The action, level after the run, reason and penalties of every invoice on as_of."""
    today = pd.Timestamp(as_of)
    level = frame["level"].to_numpy(dtype=int)
    due = frame["due_date"]
    days_late = (today - due).dt.days.to_numpy(dtype=float)  # NaN when no due date
    since = (today - frame["last_date"]).dt.days.to_numpy(dtype=float)
    since = np.where(frame["level_without_date"].to_numpy(dtype=bool), _NEVER, since)
    since = np.nan_to_num(since, nan=_NEVER)
    delay = (
        np.vectorize(lambda lv: _delays(policy).get(lv, _NEVER))(level)
        if len(level)
        else np.zeros(0)
    )

    valid = frame["valid"].to_numpy(dtype=bool)
    hold = frame["hold"].to_numpy(dtype=bool)
    credit = frame["is_credit"].to_numpy(dtype=bool)
    paid = frame["is_paid"].to_numpy(dtype=bool)
    thanked = frame["thanked"].to_numpy(dtype=bool)
    not_late = ~(np.nan_to_num(days_late, nan=-_NEVER) >= policy.grace_days)
    until_due = -np.nan_to_num(days_late, nan=_NEVER)
    pre_due = (
        policy.pre_due_reminder
        & not_late
        & (until_due >= 0)
        & (until_due <= policy.pre_due_days)
        & (level == 0)
        & ~frame["pre_due_sent"].to_numpy(dtype=bool)
    )

    rules = [
        ("invalid", ~valid),
        ("hold", hold),
        ("credit", credit),
        ("thanks", paid & (level >= 1) & ~thanked),
        ("paid", paid),
        ("pre_due", pre_due),
        ("not_late", not_late),
        ("first", level == 0),
        ("in_litigation", level >= LITIGATION),
        ("escalate", since >= delay),
    ]
    rule = np.select([m for _, m in rules], [name for name, _ in rules], default="wait")

    first = first_level(np.nan_to_num(days_late), policy)
    level_after = np.select(
        [rule == "first", rule == "escalate"],
        [first, np.minimum(level + 1, LITIGATION)],
        default=level,
    )
    action = np.select(
        [
            np.isin(rule, ["first", "pre_due"])
            | ((rule == "escalate") & (level_after < LITIGATION)),
            rule == "thanks",
            rule == "escalate",
            rule == "hold",
            rule == "wait",
        ],
        ["letter", "thanks", "litigation", "hold", "wait"],
        default="none",
    )
    kind = np.select(
        [rule == "pre_due", rule == "thanks", action == "letter"],
        [
            KIND_PRE_DUE,
            KIND_THANKS,
            pd.Series(level_after).map(KIND_BY_LEVEL).fillna("").to_numpy(dtype=object),
        ],
        default="",
    )

    claimable = valid & ~hold & ~credit & ~paid
    penalties = compute_penalties(frame, claimable, as_of, policy, tables)
    out = pd.DataFrame(index=frame.index)
    out["action"] = action
    out["level"] = level_after.astype(int)
    out["kind"] = pd.Series([k or None for k in kind], index=frame.index, dtype=object)
    out["days_late"] = pd.array(np.where(np.isnan(days_late), np.nan, days_late), dtype="Int64")
    out["interest"] = penalties.interest
    out["indemnity"] = penalties.indemnity
    out["reason"] = _reasons(frame, rule, level, level_after, days_late, since, delay)
    acted = np.isin(action, ["letter", "thanks", "litigation"])
    # Thanks and courtesy reminders are remembered by their label, so they are never repeated.
    thanked_now = (rule == "thanks") | (thanked & paid)
    pre_due_now = (rule == "pre_due") | (
        frame["pre_due_sent"].to_numpy(dtype=bool) & (level_after == 0)
    )
    out["label"] = np.select(
        [thanked_now, pre_due_now],
        [THANKED_LABEL, PRE_DUE_LABEL],
        default=pd.Series(level_after).map(LEVEL_LABELS).to_numpy(dtype=object),
    )
    out["date"] = frame["last_date"].where(~acted, today)
    return Decisions(out, penalties.rate, penalties.warnings)


def _reasons(
    frame: pd.DataFrame,
    rule: np.ndarray,
    level: np.ndarray,
    level_after: np.ndarray,
    days_late: np.ndarray,
    since: np.ndarray,
    delay: np.ndarray,
) -> list[str]:
    """A short French sentence per invoice saying why this action today."""
    due = frame["due_date"].tolist()
    last = frame["last_date"].tolist()
    problems = frame["problem"].tolist()
    thanked = frame["thanked"].tolist()
    out = []
    for i, r in enumerate(rule):
        d = due[i].date() if isinstance(due[i], pd.Timestamp) else None
        sent = last[i].date() if isinstance(last[i], pd.Timestamp) else None
        late = int(days_late[i]) if not np.isnan(days_late[i]) else 0
        ago = int(since[i])
        prev = _SENT_NAMES.get(int(level[i]), "relance")
        prev_text = f"{prev} du {date_short(sent)}" if sent else f"{prev} (date inconnue)"
        if r == "invalid":
            out.append(f"À corriger : {problems[i]}")
        elif r == "hold":
            out.append("En litige : pas de relance tant que le blocage n'est pas levé")
        elif r == "credit":
            out.append("Avoir : déduit du total réclamé au client")
        elif r == "thanks":
            out.append(f"Réglée : remerciement après la {prev}")
        elif r == "paid":
            out.append("Réglée" + (" (remerciement déjà envoyé)" if thanked[i] else ""))
        elif r == "pre_due":
            out.append(f"Rappel avant échéance : échéance le {date_short(d)}" if d else "Rappel")
        elif r == "not_late":
            out.append(f"Non échue : échéance le {date_short(d)}" if d else "Non échue")
        elif r == "first":
            name = _SENT_NAMES[int(level_after[i])]
            out.append(
                f"{name[0].upper()}{name[1:]} : échue le {date_short(d)}, {_days(late)} de retard"
                if d
                else name
            )
        elif r == "in_litigation":
            out.append("Contentieux en cours : aucune lettre")
        elif r == "escalate" and level_after[i] >= LITIGATION:
            out.append(
                f"Contentieux : {prev_text} sans règlement depuis {_days(ago)} ; "
                "injonction de payer à engager"
            )
        elif r == "escalate":
            name = _SENT_NAMES[int(level_after[i])]
            out.append(
                f"{name[0].upper()}{name[1:]} : {prev_text} sans règlement depuis {_days(ago)}"
            )
        else:
            out.append(
                f"En attente : {prev} envoyée il y a {_days(ago)} (délai {int(delay[i])} jours)"
            )
    return out


def _days(n: int) -> str:
    if n >= _NEVER:
        return "longtemps"
    if n == 0:
        return "0 jour (aujourd'hui)"
    return f"{n} jour" if n == 1 else f"{n} jours"


__all__ = ["ACTIONS", "Decisions", "decide", "first_level"]
