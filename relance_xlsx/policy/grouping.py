"""One envelope per client, each invoice at its own stage.

The rules give each invoice its own action: a first reminder to one newly due, the next
stage to one whose delay has run out (one stage at a time), a wait to the others. For each
client with a reminder or notice due today (group_by = "client"), one letter goes:
- it holds one part per stage, each invoice in the part of the stage it reached today,
  recorded at that stage and dated today; the letter's kind is its highest part;
- invoices of the client still waiting at a reminder stage are listed again at the stage
  they have, keeping their date (their own delay runs on); those waiting under a formal
  notice are only recalled (« pour mémoire »): a notice is never given twice;
- penalties of invoices paid late join it as a part of their own; invoices paid since the
  last letter are acknowledged in it; no reminder before the due date goes out that day.
A thank-you, or a claim for penalties on its own (never under [policy] claim_minimum), goes
only to a client with nothing left to chase; otherwise it waits for the client's next letter.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import (
    ACKNOWLEDGED_LABEL,
    FORMAL_NOTICE,
    KIND_BY_LEVEL,
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_PRE_DUE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
    KIND_THANKS,
    LEVEL_LABELS,
    LITIGATION,
    REMINDER_1,
    THANKED_LABEL,
)
from ..wording import date_short
from .decide import Decisions
from .declared import declared_penalties, declared_to
from .smallclaims import below_minimum
from .statuses import say_credited, say_still_due

DUNNING_KINDS = (KIND_REMINDER_1, KIND_REMINDER_2, KIND_FORMAL_NOTICE)
GROUP_BY = ("client", "client_and_stage")


def one_letter_per_client(
    decisions: Decisions, frame: pd.DataFrame, as_of: dt.date, policy: Policy
) -> Decisions:
    """Decisions where each client gets at most one letter today (unless group_by says not)."""
    out = decisions.frame.copy()
    for flag in ("acknowledged", "relisted", "recalled"):
        out[flag] = False
    say_credited(out, frame)  # settled by a credit note, not paid (ledger/credits.py)
    if policy.group_by == "client_and_stage":
        _, small = _small_claims(out, frame, set(frame["client"]), policy)
        return Decisions(out, decisions.rate, decisions.warnings + small, decisions.periods)
    client = frame["client"].to_numpy(dtype=object)
    action = out["action"].to_numpy(dtype=object)
    kind = out["kind"].to_numpy(dtype=object)
    level = out["level"].to_numpy(dtype=int)
    dunning = (action == "letter") & np.isin(kind, DUNNING_KINDS)
    chase = _still_to_chase(frame, out, policy, as_of)
    writing = set(client[dunning].tolist())
    has_letter = _among(client, writing)
    # A rerun on the same day: the client's letter went out already (its invoices are dated
    # today); the rows it listed again keep the sentence written then, and nothing goes
    # beside it (no pre-due reminder, no claim).
    before = frame["level"].to_numpy(dtype=int)
    sent_today = (
        (frame["last_date"] == pd.Timestamp(as_of)).to_numpy(dtype=bool)
        & (before >= REMINDER_1)
        & (before <= FORMAL_NOTICE)  # a case sent to litigation today is no letter
        & ~frame["thanked"].to_numpy(dtype=bool)
    )
    wrote = writing | set(client[sent_today].tolist())
    has_any = _among(client, wrote)
    waiting = chase & (action == "wait")
    # Listed in a formal notice's envelope whose delay runs: no other letter lists them.
    if "enveloped" in out:
        waiting &= ~out["enveloped"].to_numpy(dtype=bool)
    _relist(out, waiting & (level < FORMAL_NOTICE) & has_any, has_letter, as_of)
    out.loc[waiting & (level == FORMAL_NOTICE) & has_letter, "recalled"] = True

    pending = set(client[chase].tolist())
    has_pending = _among(client, pending)
    thanks = (action == "thanks") & (kind == KIND_THANKS)
    # Handed to litigation (today or before): no more letters, thanks least of all.
    in_court = _among(client, set(client[_to_court(frame, action)].tolist()))
    _no_thanks_in_court(out, frame, thanks & in_court)
    thanks &= ~in_court
    # A client under formal notice is never thanked, in the notice itself neither.
    notice = _among(client, set(client[dunning & (kind == KIND_FORMAL_NOTICE)].tolist()))
    _acknowledge(out, thanks & has_letter & ~notice)
    _acknowledge(out, thanks & has_letter & notice, unthanked=True)
    _postpone_thanks(out, frame, thanks & ~has_letter & has_pending)
    claiming = _place_claims(out, frame, client, action, kind, chase, has_letter, has_any)
    claiming, small = _small_claims(out, frame, claiming, policy)
    # A claim on its own thanks for the other payments too: one letter, not two.
    has_claim = _among(client, claiming)
    _acknowledge(out, thanks & ~has_letter & ~has_pending & has_claim, "de pénalités")
    # Acknowledged, their penalties owed and not claimed: the status still says so (N9).
    owed = (out["interest"] + out["indemnity"] > 0.005).to_numpy(dtype=bool)
    unclaimed = ~frame["claimed"].to_numpy(dtype=bool)
    say_still_due(out, out["acknowledged"].to_numpy(dtype=bool) & owed & unclaimed, frame, True)
    _drop_pre_due(out, frame, (kind == KIND_PRE_DUE) & has_any)
    say_credited(out, frame)
    return Decisions(out, decisions.rate, decisions.warnings + small, decisions.periods)


def _among(client: np.ndarray, names: set[str]) -> np.ndarray:
    """Which rows belong to one of these clients."""
    return np.fromiter(map(names.__contains__, client), bool, len(client))


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


def _relist(
    out: pd.DataFrame, rows_mask: np.ndarray, has_letter: np.ndarray, as_of: dt.date
) -> None:
    """Invoices waiting at a reminder stage, listed again in their client's letter at the stage
    they have: neither their level nor their date changes, so their own delay runs on.

    On a rerun the same day (no letter goes) they get the same sentence, so the workbook is
    left exactly as the first run wrote it.
    """
    rows = out.index[rows_mask]
    out.loc[rows, "reason"] = [
        f"{reason} ; rappelée à ce stade dans le courrier du client du {date_short(as_of)}"
        for reason in out.loc[rows, "reason"].tolist()
    ]
    listed = out.index[rows_mask & has_letter]
    out.loc[listed, "action"] = "letter"
    out.loc[listed, "kind"] = [KIND_BY_LEVEL[v] for v in out.loc[listed, "level"].tolist()]
    out.loc[listed, "relisted"] = True


def _place_claims(
    out: pd.DataFrame,
    frame: pd.DataFrame,
    client: np.ndarray,
    action: np.ndarray,
    kind: np.ndarray,
    chase: np.ndarray,
    has_letter: np.ndarray,
    has_any: np.ndarray,
) -> set[str]:
    """Penalties of invoices paid late: a part of the client's letter when one goes today; a
    letter of their own only to a client with nothing left to chase (a client under a notice
    or in litigation is never thanked for a payment); else they wait. The clients who get a
    claim on its own."""
    claims = (action == "claim") & (kind == KIND_CLAIM)
    unpaid = (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
    )
    level = frame["level"].to_numpy(dtype=int)
    owing = set(client[chase | (unpaid & (level >= REMINDER_1))].tolist())
    # In court already, or handed to litigation today: the penalties join the court claim.
    in_court = _among(client, set(client[_to_court(frame, action)].tolist()))
    pre_due = _among(client, set(client[kind == KIND_PRE_DUE].tolist()))
    alone = claims & ~has_letter & ~has_any & ~pre_due & ~_among(client, owing)
    later = claims & ~has_letter & ~alone
    said = "Réglée après l'échéance : pénalités "
    _stand_down(out, frame, later & in_court, "wait", _penalties_go(frame, later & in_court, said))
    _stand_down(
        out,
        frame,
        later & ~in_court,
        "wait",
        "Réglée après l'échéance : pénalités à réclamer dans le prochain courrier de relance "
        "du client (d'autres factures restent dues)",
    )
    return set(client[alone].tolist())


def _small_claims(
    out: pd.DataFrame, frame: pd.DataFrame, claiming: set[str], policy: Policy
) -> tuple[set[str], tuple[str, ...]]:
    """No letter of their own for penalties under [policy] claim_minimum (smallclaims.py):
    the clients still claimed apart, and the warnings."""
    client = frame["client"].to_numpy(dtype=object)
    alone = _among(client, claiming) & (out["kind"] == KIND_CLAIM).to_numpy(dtype=bool)
    small, said, warned = below_minimum(out, frame, alone, policy)
    _stand_down(out, frame, small, "wait", said)
    return set(client[alone & ~small].tolist()), tuple(warned)


def _penalties_go(frame: pd.DataFrame, rows_mask: np.ndarray, said: str) -> list[str]:
    """« … à ajouter à la demande en justice du client (dossier de contentieux) »; a client in
    collective proceedings paid before the judgment: « … à déclarer au mandataire judiciaire
    (déclaration de créance) », no court file being written for it (declared.py)."""
    rows = frame.index[rows_mask]
    declared = declared_penalties(frame)[rows_mask].tolist()
    return [
        said + (go if d else "à ajouter à la demande en justice du client (dossier de contentieux)")
        for go, d in zip(declared_to(frame, rows), declared, strict=True)
    ]


def _to_court(frame: pd.DataFrame, action: np.ndarray) -> np.ndarray:
    """Invoices in litigation already (unpaid), or handed to litigation today."""
    unpaid = (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
    )
    level = frame["level"].to_numpy(dtype=int)
    return (unpaid & (level >= LITIGATION)) | (action == "litigation")


def _no_thanks_in_court(out: pd.DataFrame, frame: pd.DataFrame, rows_mask: np.ndarray) -> None:
    """Paid invoices of a client in litigation: no thank-you; penalties owed join its file."""
    owed = (out["interest"] + out["indemnity"] > 0.005).to_numpy(dtype=bool)
    said = "Réglée : pas de remerciement, le client est remis au contentieux"
    _stand_down(out, frame, rows_mask & ~owed, "none", said)
    court = rows_mask & owed
    _stand_down(out, frame, court, "wait", _penalties_go(frame, court, f"{said} ; pénalités "))


def _acknowledge(
    out: pd.DataFrame, rows_mask: np.ndarray, letter: str = "de relance", unthanked: bool = False
) -> None:
    """Paid invoices of a client who gets a letter today: acknowledged in it, not apart;
    thanked, unless the letter gives a notice or their penalties are owed (letters/context)."""
    rows = out.index[rows_mask]
    out.loc[rows, "kind"] = None
    out.loc[rows, "acknowledged"] = True
    # A receipt acknowledged without thanks keeps its own label: no thanks were given.
    labels = out.loc[rows, "label"]
    kept = (labels == ACKNOWLEDGED_LABEL) | unthanked
    out.loc[rows, "label"] = np.where(kept, ACKNOWLEDGED_LABEL, THANKED_LABEL)
    out.loc[rows, "reason"] = [
        f"Réglée : règlement accusé{', sans remerciement,' if k else ''} dans le courrier "
        f"{letter} du client"
        for k in kept.tolist()
    ]


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
    out: pd.DataFrame, frame: pd.DataFrame, mask: np.ndarray, action: str, reason: str | list[str]
) -> None:
    """No letter for these rows today: their level, label and date stay as they were."""
    rows = out.index[mask]
    out.loc[rows, "action"] = action
    out.loc[rows, "kind"] = None
    out.loc[rows, "label"] = [LEVEL_LABELS[v] for v in frame.loc[rows, "level"].tolist()]
    out.loc[rows, "date"] = frame.loc[rows, "last_date"]
    out.loc[rows, "reason"] = reason


__all__ = ["DUNNING_KINDS", "GROUP_BY", "one_letter_per_client"]
