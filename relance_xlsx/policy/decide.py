"""Decide, for every invoice, what to do today and what it is owed. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import (
    FORMAL_NOTICE,
    KIND_BY_LEVEL,
    KIND_CLAIM,
    KIND_PRE_DUE,
    KIND_THANKS,
    LITIGATION,
    REMINDER_1,
    REMINDER_2,
    before_due_now,
    counted_level,
)
from .barred import imminent_bar, note_soon_barred, say_imminent, say_soon_barred
from .beforedue import say_before_due
from .declared import declared_penalties, in_proceedings
from .enveloped import say_under_deadline, say_under_envelope, under_deadline, under_envelope
from .insolvent import mark_insolvent, say_no_letter
from .labels import labels_after
from .lapsing import say_lapse_letter
from .penalties import InterestPeriod, compute_penalties, no_periods, periods_by_invoice
from .prescription import PUBLIC, prescription_dates
from .rates import RateTables
from .rules import NEVER, RULE, RULES, lookup, reasons
from .setoff import barred_today
from .statuses import credited_rows, say_broken, say_legal_terms, say_paid, say_withheld
from .threshold import below_threshold

# The actions that send something today, and so date the invoice and go in the journal.
ACTED = ["letter", "thanks", "claim", "litigation"]
ACTIONS = (*ACTED, "wait", "hold", "incomplete", "insolvency", "prescribed", "imminent", "none")
# The rules whose status speaks of the due date: a public buyer's legal term is said there.
_DATED_RULES = ("pre_due", "not_late", "first", "escalate", "wait")


@dataclass(frozen=True)
class Decisions:
    """The policy's answer: one row per invoice (same index as the ledger frame)."""

    frame: pd.DataFrame  # action, level, kind, reason, days_late, interest, indemnity, label, date
    rate: float
    warnings: tuple[str, ...]
    # One row per period of interest (half-year, before or after a payment), by frame index.
    periods: pd.DataFrame = field(default_factory=no_periods)

    @cached_property
    def interest_periods(self) -> dict[Any, tuple[InterestPeriod, ...]]:
        """The periods of each invoice that owes interest, in date order."""
        return periods_by_invoice(self.periods)


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


def decide(
    frame: pd.DataFrame,
    as_of: dt.date,
    policy: Policy,
    tables: RateTables,
    demands: Mapping[Any, Sequence[dt.date]] | None = None,
    deadline_days: int = 8,
    notice_days: int | None = None,
) -> Decisions:
    """The action, level after the run, reason and penalties of every invoice on as_of.

    demands: the dates of the letters the journal records for each invoice (by frame index);
    each interrupts a public debt's four-year lapse (loi 68-1250, art. 2). deadline_days,
    notice_days: a letter's longest delay, a notice's own: no letter for a claim barred first.
    """
    today = pd.Timestamp(as_of)
    level, recorded, early = _levels(frame, today)
    days_late = (today - frame["due_date"]).dt.days.to_numpy(dtype=float)  # NaN if no due date
    since, delay = _since(frame, today, level, policy)
    # Listed in a formal notice's envelope: its delay runs for these invoices too.
    enveloped, since_envelope = under_envelope(frame, today, level, policy)
    # Listed in a letter whose deadline has not passed: no step contradicts it.
    pending = under_deadline(frame, today, level) & ~enveloped

    masks = _masks(frame, policy, level, days_late, (since >= delay) & ~enveloped & ~pending)
    barred = prescription_dates(frame, policy, demands)
    masks["prescribed"] = barred_today(frame, barred, as_of, masks, policy.tolerance)
    mark_insolvent(frame, masks)
    kept_until = frame["promise_date"] + pd.Timedelta(days=policy.promise_grace_days)
    masks["promised"] = (kept_until >= today).to_numpy(dtype=bool) & ~masks["paid"]
    # A payment the e-invoicing platform says was sent: no reminder while it travels.
    masks["waiting"] = frame["wait_reason"].notna().to_numpy(dtype=bool) & ~masks["paid"]
    broken = (kept_until < today).to_numpy(dtype=bool) & ~masks["paid"] & ~masks["credit"]
    valid, hold, credit = masks["valid"], masks["hold"], masks["credit"]
    paid, thanked = masks["paid"], masks["thanked"]
    # Nothing is computed for time-barred claims, nor for those frozen by proceedings.
    alive = valid & ~credit & ~paid & ~masks["prescribed"] & ~masks["insolvent"]
    claimable = alive & ~hold
    penalties = compute_penalties(frame, claimable, as_of, policy, tables)
    marks = (level, masks["escalate"], days_late)
    imminent, *bar = imminent_bar(barred, as_of, policy, (deadline_days, notice_days), alive, marks)
    masks["imminent"] = imminent
    owes = ((penalties.interest > 0) | (penalties.indemnity > 0)).to_numpy(dtype=bool)
    masks["claim"] = _to_claim(frame, policy, today, paid & ~thanked & ~credit & owes)
    # The first rule that applies wins, in RULES order (ints: ten times cheaper than strings).
    rule = np.select(
        [masks[name] for name in RULES[:-1]], list(range(len(RULES) - 1)), default=RULE["wait"]
    )
    level_after, action, kind = _outcome(rule, level, days_late, policy, recorded)
    out = pd.DataFrame(index=frame.index)
    out["action"] = action
    out["level"] = level_after.astype(int)
    no_kind: Any = None
    out["kind"] = pd.Series(np.where(kind == "", no_kind, kind), index=frame.index, dtype=object)
    out["days_late"] = pd.array(np.where(np.isnan(days_late), np.nan, days_late), dtype="Int64")
    out["interest"] = penalties.interest
    out["indemnity"] = penalties.indemnity
    reason = reasons(frame, rule, level, level_after, days_late, since, delay, barred)
    below_threshold(reason, frame, rule == RULE["paid"], policy.tolerance)
    say_no_letter(reason, (rule == RULE["paid"]) & masks["silenced"] & ~thanked, level, owes)
    say_under_envelope(reason, frame, enveloped & (rule == RULE["wait"]), since_envelope, policy)
    say_under_deadline(reason, frame, pending & (rule == RULE["wait"]) & (since >= delay))
    warned = say_before_due(reason, frame, early & (rule == RULE["first"]), today)
    out["reason"] = reason
    out["enveloped"] = enveloped | pending
    say_legal_terms(out, frame, np.isin(rule, [RULE[n] for n in _DATED_RULES]))
    # A disputed claim is barred all the same; a public debt's letter sent today interrupts
    # its lapse: no warning for it.
    watched = alive & ~imminent & ~((barred.regime == PUBLIC) & (action == "letter"))
    note_soon_barred(out, barred, as_of, policy, alive)
    warnings = [*warned, *penalties.warnings, *say_soon_barred(out, barred, as_of, policy, watched)]
    warnings += say_imminent(out, barred, imminent, as_of, *bar)
    warnings += say_lapse_letter(out, frame, barred, as_of, policy, alive & ~watched)
    claimed_ever = say_paid(out, frame, rule == RULE["claim"], paid, owes)
    say_broken(out, broken & valid, frame["promise_date"])
    say_withheld(out, frame)
    out["promise_broken"] = broken & valid
    out["label"] = labels_after(frame, rule, level, level_after, claimed_ever, thanked & paid, owes)
    out["date"] = frame["last_date"].where(~np.isin(action, ACTED), today)
    return Decisions(out, penalties.rate, tuple(warnings), penalties.periods)


def _levels(frame: pd.DataFrame, today: pd.Timestamp) -> tuple[np.ndarray, ...]:
    """The level each invoice is at (its letters after the due date only), its recorded one,
    and those reminded before a due date now past: their first reminder is due (early.py)."""
    early, recorded = before_due_now(frame, today), frame["level"].to_numpy(dtype=int)
    return counted_level(frame, today), recorded, early


def _since(
    frame: pd.DataFrame, today: pd.Timestamp, level: np.ndarray, policy: Policy
) -> tuple[np.ndarray, np.ndarray]:
    """Days since each invoice's last letter, and the days its level waits before the next."""
    # A mise en demeure's deadline runs from its receipt when the avis de réception is dated.
    sent = frame["last_date"]
    received = frame["ar_date"].where((level == FORMAL_NOTICE) & (frame["ar_date"] > sent))
    since = (today - received.fillna(sent)).dt.days.to_numpy(dtype=float)
    since = np.where(frame["level_without_date"].to_numpy(dtype=bool), NEVER, since)
    since = np.nan_to_num(since, nan=NEVER)
    delay = lookup(level, lambda lv: _delays(policy).get(lv, NEVER)).astype(int)
    return since, delay


def _to_claim(
    frame: pd.DataFrame, policy: Policy, today: pd.Timestamp, owes: np.ndarray
) -> np.ndarray:
    """Paid late, owing penalties, paid recently enough: claimed when the policy says so."""
    if policy.claim_after_payment != "letter":
        return np.zeros(len(frame), dtype=bool)
    since = today - pd.Timedelta(days=policy.claim_within_days)
    recent = (frame["payment_date"] >= since).to_numpy(dtype=bool)
    # Paid once handed to litigation: its penalties stay in the court claim (incourt.py); a
    # client in collective proceedings: they are declared, never claimed (declared.py, L622-21).
    court = (frame["level"] >= LITIGATION).to_numpy(dtype=bool)
    return owes & recent & ~court & ~declared_penalties(frame) & ~in_proceedings(frame)


def _masks(
    frame: pd.DataFrame,
    policy: Policy,
    level: np.ndarray,
    days_late: np.ndarray,
    escalate: np.ndarray,
) -> dict[str, np.ndarray]:
    """For each rule, the invoices it applies to (before the first-rule-wins choice)."""
    valid = frame["valid"].to_numpy(dtype=bool)
    paid = frame["is_paid"].to_numpy(dtype=bool)
    thanked = frame["thanked"].to_numpy(dtype=bool)
    not_late = ~(np.nan_to_num(days_late, nan=-NEVER) >= policy.grace_days)
    until_due = -np.nan_to_num(days_late, nan=NEVER)
    pre_due = (
        policy.pre_due_reminder
        & not_late
        & (until_due >= 0)
        & (until_due <= policy.pre_due_days)
        & (level == 0)
        & ~frame["pre_due_sent"].to_numpy(dtype=bool)
    )
    return {
        "invalid": ~valid,
        "hold": frame["hold"].to_numpy(dtype=bool),
        "credit": frame["is_credit"].to_numpy(dtype=bool),
        # A credit note is no payment: nothing to thank for (ledger/credits.py).
        "thanks": paid & (level >= 1) & ~thanked & ~credited_rows(frame),
        "paid": paid,
        "pre_due": pre_due,
        "not_late": not_late,
        "first": level == 0,
        "in_litigation": level >= LITIGATION,
        "escalate": escalate,
        # not rules: what the steps after the choice need again
        "valid": valid,
        "thanked": thanked,
    }


def _outcome(
    rule: np.ndarray, level: np.ndarray, days_late: np.ndarray, policy: Policy, kept: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The level after the run, the action and the letter kind of each invoice's rule (kept:
    the level recorded, left to an invoice that gets no letter)."""
    first = first_level(np.nan_to_num(days_late), policy)
    level_after = np.select(
        [rule == RULE["first"], rule == RULE["escalate"]],
        [first, np.minimum(level + 1, LITIGATION)],
        default=kept,
    )
    action = np.select(
        [
            np.isin(rule, [RULE["first"], RULE["pre_due"]])
            | ((rule == RULE["escalate"]) & (level_after < LITIGATION)),
            rule == RULE["thanks"],
            rule == RULE["claim"],
            rule == RULE["escalate"],
            rule == RULE["hold"],
            np.isin(rule, [RULE["wait"], RULE["promised"], RULE["waiting"]]),
            rule == RULE["prescribed"],
            rule == RULE["insolvent"],
            rule == RULE["imminent"],
        ],
        [
            "letter",
            "thanks",
            "claim",
            "litigation",
            "hold",
            "wait",
            "prescribed",
            "insolvency",
            "imminent",
        ],
        default="none",
    )
    kind = np.select(
        [
            rule == RULE["pre_due"],
            rule == RULE["thanks"],
            rule == RULE["claim"],
            action == "letter",
        ],
        [
            KIND_PRE_DUE,
            KIND_THANKS,
            KIND_CLAIM,
            pd.Series(level_after).map(KIND_BY_LEVEL).fillna("").to_numpy(dtype=object),
        ],
        default="",
    )
    return level_after, action, kind


__all__ = ["ACTED", "ACTIONS", "Decisions", "decide", "first_level"]
