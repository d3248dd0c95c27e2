"""One coherent letter per client: the most advanced stage due today covers all that is due.

Invoice by invoice, the rules can give one client a relance 1, a relance 2, a mise en
demeure and a thank-you on the same day. Here, for each client with a reminder due today:
- the letter's stage is the most advanced one due today, or the stage an invoice of that
  client already reached (a letter never goes back a stage);
- every unpaid invoice of the client that is due joins that letter and is recorded at its
  stage (dated today when that raises its stage; an invoice listed again at the stage it
  already had keeps its date, so that new invoices never hold back the oldest one);
- invoices paid since the last letter are acknowledged in that letter, not in a thank-you;
- no separate reminder before the due date goes out that day.
A thank-you letter goes only to a client with nothing left to chase; otherwise it waits for
the next reminder, which acknowledges the payment.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import (
    FORMAL_NOTICE,
    KIND_BY_LEVEL,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_PRE_DUE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
    KIND_THANKS,
    LEVEL_LABELS,
    REMINDER_1,
    THANKED_LABEL,
)
from .decide import Decisions

DUNNING_KINDS = (KIND_REMINDER_1, KIND_REMINDER_2, KIND_FORMAL_NOTICE)
GROUP_BY = ("client", "client_and_stage")


def one_letter_per_client(
    decisions: Decisions, frame: pd.DataFrame, as_of: dt.date, policy: Policy
) -> Decisions:
    """Decisions where each client gets at most one letter today (unless group_by says not)."""
    out = decisions.frame.copy()
    out["acknowledged"] = False
    if policy.group_by == "client_and_stage":
        return Decisions(out, decisions.rate, decisions.warnings, decisions.periods)
    client = frame["client"].to_numpy(dtype=object)
    action = out["action"].to_numpy(dtype=object)
    kind = out["kind"].to_numpy(dtype=object)
    level = out["level"].to_numpy(dtype=int)
    dunning = (action == "letter") & np.isin(kind, DUNNING_KINDS)
    chase = _still_to_chase(frame, out, policy, as_of)
    writing = set(client[dunning].tolist())
    has_letter = _among(client, writing)
    pending = set(client[chase].tolist())
    has_pending = _among(client, pending)

    joins = chase & has_letter
    stage = _stage(client, level, dunning | joins)
    if joins.any():
        _join(out, frame, joins, stage, as_of)
    thanks = (action == "thanks") & (kind == KIND_THANKS)
    _acknowledge(out, thanks & has_letter)
    _postpone_thanks(out, frame, thanks & ~has_letter & has_pending)
    # A rerun on the same day: the client's letter went out already (its invoices are dated
    # today); still no pre-due reminder, nor claim, beside it.
    sent_today = (frame["last_date"] == pd.Timestamp(as_of)).to_numpy(dtype=bool) & (
        frame["level"].to_numpy(dtype=int) >= REMINDER_1
    )
    wrote = writing | set(client[sent_today].tolist())
    has_any = _among(client, wrote)
    # A claim for penalties never goes beside a reminder: it waits for a week without one.
    claims = (action == "claim") & (kind == KIND_CLAIM)
    reminded = wrote | set(client[kind == KIND_PRE_DUE].tolist())
    busy = _among(client, reminded)
    _postpone_claims(out, frame, claims & busy)
    claiming = set(client[claims & ~busy].tolist())
    has_claim = _among(client, claiming)
    # The claim letter thanks for the other payments too: one letter, not two.
    _acknowledge(out, thanks & ~has_letter & ~has_pending & has_claim, "de pénalités")
    _drop_pre_due(out, frame, (kind == KIND_PRE_DUE) & has_any)
    return Decisions(out, decisions.rate, decisions.warnings, decisions.periods)


def _among(client: np.ndarray, names: set[str]) -> np.ndarray:
    """Which rows belong to one of these clients."""
    return np.fromiter((c in names for c in client), bool, len(client))


def _still_to_chase(
    frame: pd.DataFrame, out: pd.DataFrame, policy: Policy, as_of: dt.date
) -> np.ndarray:
    """Unpaid invoices that are due and in the reminder stages: a letter may list them."""
    days_late = out["days_late"].to_numpy(dtype=float, na_value=np.nan)
    return (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["hold"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & (np.nan_to_num(days_late, nan=-1.0) >= policy.grace_days)
        & np.isin(out["action"].to_numpy(dtype=object), ["letter", "wait"])
        & (out["level"].to_numpy(dtype=int) <= FORMAL_NOTICE)
        # A payment the platform says was sent keeps its invoice out of the client's letter.
        & frame["wait_reason"].isna().to_numpy(dtype=bool)
        # A promise to pay still running keeps its invoice out of the client's letter.
        & ~(
            frame["promise_date"] + pd.Timedelta(days=policy.promise_grace_days)
            >= pd.Timestamp(as_of)
        ).to_numpy(dtype=bool)
    )


def _stage(client: np.ndarray, level: np.ndarray, counted: np.ndarray) -> np.ndarray:
    """Each row's client letter stage: the highest level among the counted rows (min 1)."""
    levels = pd.Series(np.where(counted, level, 0))
    # A row without a client (a problem on its row) has no group: level 0, not NaN.
    best = levels.groupby(client).transform("max").fillna(0).to_numpy(dtype=int)
    return np.clip(best, REMINDER_1, FORMAL_NOTICE)


def _join(
    out: pd.DataFrame, frame: pd.DataFrame, joins: np.ndarray, stage: np.ndarray, as_of: dt.date
) -> None:
    """Put the joining invoices on their client's letter, at its stage, dated today."""
    rows = out.index[joins]
    new_stage = stage[joins]
    before_kind = out.loc[rows, "kind"].to_numpy(dtype=object)
    before_reason = out.loc[rows, "reason"].to_numpy(dtype=object)
    kinds = np.array([KIND_BY_LEVEL[s] for s in new_stage], dtype=object)
    out.loc[rows, "action"] = "letter"
    out.loc[rows, "level"] = new_stage
    out.loc[rows, "kind"] = kinds
    out.loc[rows, "label"] = [LEVEL_LABELS[s] for s in new_stage]
    # Raised to a new stage: dated today. Listed again at the stage it already had: it keeps
    # its date, so that a client who keeps buying still sees the oldest debt escalate.
    raised = new_stage != frame.loc[rows, "level"].to_numpy(dtype=int)
    out.loc[rows[raised], "date"] = pd.Timestamp(as_of)
    # Its status sentence changes only with its stage: a rerun on the same day then finds
    # the very sentence it would write, and leaves the row alone.
    out.loc[rows, "reason"] = [
        f"{LEVEL_LABELS[s]} avec les autres factures du client (un courrier par client) ; {reason}"
        if up and was != now
        else reason
        for was, now, s, reason, up in zip(
            before_kind, kinds, new_stage, before_reason, raised, strict=True
        )
    ]


def _acknowledge(out: pd.DataFrame, rows_mask: np.ndarray, letter: str = "de relance") -> None:
    """Paid invoices of a client who gets a letter today: thanked in it, not apart."""
    rows = out.index[rows_mask]
    out.loc[rows, "kind"] = None
    out.loc[rows, "acknowledged"] = True
    out.loc[rows, "label"] = THANKED_LABEL
    out.loc[rows, "reason"] = f"Réglée : règlement accusé dans le courrier {letter} du client"


def _postpone_claims(out: pd.DataFrame, frame: pd.DataFrame, rows_mask: np.ndarray) -> None:
    """Penalties of a client who gets a reminder today: claimed in a later letter."""
    _stand_down(
        out,
        frame,
        rows_mask,
        "wait",
        "Réglée après l'échéance : pénalités à réclamer par une lettre à part, une semaine "
        "où le client ne reçoit pas de relance",
    )


def _postpone_thanks(out: pd.DataFrame, frame: pd.DataFrame, rows_mask: np.ndarray) -> None:
    """A client with invoices still due gets no « compte à jour » letter: thanks wait."""
    _stand_down(
        out,
        frame,
        rows_mask,
        "wait",
        "Réglée : le règlement sera accusé dans le prochain courrier (d'autres factures du "
        "client restent dues)",
    )


def _drop_pre_due(out: pd.DataFrame, frame: pd.DataFrame, rows_mask: np.ndarray) -> None:
    """No reminder before the due date on the day the client gets a dunning letter."""
    _stand_down(
        out,
        frame,
        rows_mask,
        "none",
        "Pas encore échue : pas de rappel séparé le jour où le client reçoit une relance",
    )


def _stand_down(
    out: pd.DataFrame, frame: pd.DataFrame, rows_mask: np.ndarray, action: str, reason: str
) -> None:
    """No letter for these rows today: their level, label and date stay as they were."""
    rows = out.index[rows_mask]
    out.loc[rows, "action"] = action
    out.loc[rows, "kind"] = None
    out.loc[rows, "label"] = [LEVEL_LABELS[v] for v in frame.loc[rows, "level"].tolist()]
    out.loc[rows, "date"] = frame.loc[rows, "last_date"]
    out.loc[rows, "reason"] = reason


__all__ = ["DUNNING_KINDS", "GROUP_BY", "one_letter_per_client"]
