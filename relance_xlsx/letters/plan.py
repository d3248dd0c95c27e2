"""Which letters a run writes: one plan per client and kind, one record per letter (pure)."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import (
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
    KIND_THANKS,
    PRINT_ORDER,
    reminded_before_due,
)
from .credits import compensated, open_numbers, split_credits

# The letters that carry the client's statement of account as an annex.
STATEMENT_KINDS = (KIND_FORMAL_NOTICE,)
# The parts one envelope may hold, highest first: each invoice in the part of its own stage,
# the penalties of invoices paid late last.
PART_ORDER = (KIND_FORMAL_NOTICE, KIND_REMINDER_2, KIND_REMINDER_1, KIND_CLAIM)
_STAGES = PART_ORDER[:3]


@dataclass(frozen=True)
class Part:
    """The invoices of a letter at one stage: all reminded before, or none of them."""

    kind: str
    rows: tuple[int, ...]
    # Whether these invoices were reminded before (their recorded level was at least 1):
    # only they may be said unpaid « malgré nos relances ».
    reminded: bool = False
    # The credit notes that name one of these invoices: deducted here, and nowhere else.
    credits: tuple[int, ...] = ()


@dataclass(frozen=True)
class LetterPlan:
    """One letter: a client, a kind, a language, its invoices and the credits it deducts."""

    client: str
    kind: str
    language: str
    rows: tuple[int, ...]  # frame index labels of the invoices, every part's
    # The credit notes deducted: each names an invoice of the letter (its part's credits).
    credit_rows: tuple[int, ...] = ()
    # Invoices paid since the last letter, acknowledged in this one (« Nous avons bien reçu »).
    paid_rows: tuple[int, ...] = ()
    # The client's statement of account (relevé de compte): every open invoice and credit.
    statement_rows: tuple[int, ...] = ()
    # The letter's parts, highest stage first; none: one part of the letter's kind.
    parts: tuple[Part, ...] = ()
    # Invoices under a formal notice still running, recalled « pour mémoire », not claimed.
    recall_rows: tuple[int, ...] = ()
    # Credit notes naming no open invoice of the client: shown as « avoirs disponibles », never
    # deducted (no letter can know whether the client used them against another letter).
    free_credit_rows: tuple[int, ...] = ()
    # Another invoice of the client, not in this letter, is unpaid after a letter of its own:
    # the client is being chased, so this letter cannot call its debt « un simple oubli ».
    others_chased: bool = False
    # It interrupts a public debt's lapse due soon: posted registered with AR (the proof).
    lapse_saving: bool = False
    barred_out: bool = False  # a time-barred open invoice left out of the statement

    @property
    def all_parts(self) -> tuple[Part, ...]:
        """The letter's parts (a single-part letter included)."""
        return self.parts or (Part(self.kind, self.rows, credits=self.credit_rows),)


@dataclass(frozen=True)
class Letter:
    """One letter of a run: its plan, the file it goes to, and what its template is filled with.

    The context is None in a dry run, where only one letter per template is filled (to check it).
    It is kept pickled: at a million invoices the 5,000 letters' contexts took 900 MB as dicts
    in this process (and in the forked processes that render them), 160 MB as bytes.
    """

    plan: LetterPlan
    path: Path
    packed: bytes | None = None
    # What the letter still lacks (in French); a letter that lacks anything is not sendable:
    # it goes to a_completer/, out of the bundle and the e-mails, and its invoices stay put.
    missing: tuple[str, ...] = ()
    # Why the check of its statements refused it (in French): it goes to a_completer/ too.
    refused: tuple[str, ...] = ()

    @property
    def context(self) -> dict[str, Any] | None:
        """What its template is filled with, unpickled anew on each call (keep it while used)."""
        return None if self.packed is None else unpack(self.packed)

    @property
    def sendable(self) -> bool:
        """Whether the letter can be posted as it is."""
        return not self.missing and not self.refused


def pack(context: dict[str, Any]) -> bytes:
    """A letter's context as its Letter keeps it."""
    return pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(packed: bytes) -> dict[str, Any]:
    """A context pack() made (made by this run: never bytes read from elsewhere)."""
    context: dict[str, Any] = pickle.loads(packed)
    return context


def plan_letters(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    default_language: str,
    group_by: str = "client",
) -> list[LetterPlan]:
    """One letter per client (its parts by stage) and per other kind, ordered by client then
    stage; credits and payments acknowledged go on the client's most advanced letter."""
    joined = frame[
        ["client", "language", "is_credit", "valid", "hold", "outstanding", "level"]
    ].join(decisions[["kind"]])
    joined["language"] = joined["language"].fillna(default_language)
    with_kind = joined[joined["kind"].notna()]
    labels = with_kind.index.to_numpy()
    languages = with_kind["language"].to_numpy(dtype=object)
    kinds = with_kind["kind"].to_numpy(dtype=object)
    # A reminder recorded before the due date reminded nothing (ledger/early.py).
    early = reminded_before_due(frame)[frame.index.get_indexer(with_kind.index)]
    reminded = (with_kind["level"].to_numpy(dtype=int) >= 1) & ~early
    envelope = np.isin(kinds, PART_ORDER) if group_by == "client" else np.zeros(len(kinds), bool)
    # One envelope per client: its parts' kinds all share the group's key.
    group_kind = np.where(envelope, "", kinds)
    plans: list[LetterPlan] = []
    outside = joined[joined["kind"].isna()]
    chased = outside["valid"].to_numpy(dtype=bool) & ~outside["is_credit"].to_numpy(dtype=bool)
    chased &= (outside["level"].to_numpy(dtype=int) >= 1) & (
        outside["outstanding"].to_numpy(dtype=float) > 0.005
    )
    chased_clients = set(outside["client"].to_numpy()[chased].tolist())
    # .indices gives each group's positions at once; iterating groups costs ~100 µs each.
    grouped = pd.DataFrame({"client": with_kind["client"].to_numpy(), "kind": group_kind})
    for (client, _), where in grouped.groupby(["client", "kind"], sort=False).indices.items():
        parts = _parts(labels[where], kinds[where], reminded[where])
        rows = tuple(i for p in parts for i in p.rows)
        single = len(parts) == 1 and not parts[0].reminded
        plans.append(
            LetterPlan(
                str(client),
                parts[0].kind,
                str(languages[where[0]]),
                rows,
                parts=() if single else parts,
                others_chased=client in chased_clients,
            )
        )
    return _attach(plans, frame, joined, decisions)


def _parts(labels: np.ndarray, kinds: np.ndarray, reminded: np.ndarray) -> tuple[Part, ...]:
    """A letter's invoices split by stage (highest first), then reminded before or not."""
    order = {k: i for i, k in enumerate(PART_ORDER)}
    keys: dict[tuple[int, bool], list[int]] = {}
    for label, kind, was in zip(labels.tolist(), kinds.tolist(), reminded.tolist(), strict=True):
        # Penalties are claimed whatever the invoice's level: one part (so is any other kind).
        keys.setdefault((order.get(kind, 99), bool(was) and kind in _STAGES), []).append(label)
    return tuple(
        Part(PART_ORDER[rank] if rank < len(PART_ORDER) else str(kinds[0]), tuple(rows), was)
        for (rank, was), rows in sorted(keys.items(), key=lambda kv: (kv[0][0], not kv[0][1]))
    )


def _attach(
    plans: list[LetterPlan], frame: pd.DataFrame, joined: pd.DataFrame, decisions: pd.DataFrame
) -> list[LetterPlan]:
    """Statements on formal notices; credits, payments acknowledged and notices recalled on
    each client's first letter; the letters by client, then stage."""
    credits = joined[
        joined["is_credit"] & joined["valid"] & ~joined["hold"] & (joined["outstanding"] < 0)
    ]
    credit_rows = _by_client(credits.index, credits["client"])
    still_open = open_numbers(frame, credit_rows)
    paid_rows = _flagged(decisions, frame, "acknowledged")
    recalled = _flagged(decisions, frame, "recalled")
    # A time-barred invoice is no part of what is claimable: never on the annexed statement.
    barred = (decisions["action"] == "prescribed").reindex(joined.index, fill_value=False)
    open_items = joined[joined["valid"] & (joined["outstanding"].abs() > 0.005) & ~barred]
    statements = _by_client(open_items.index, open_items["client"])
    gone = set(joined.loc[barred & (joined["outstanding"] > 0.005), "client"].astype(str))
    plans = [
        replace(p, statement_rows=tuple(statements.get(p.client, ())), barred_out=p.client in gone)
        if p.kind in STATEMENT_KINDS
        else p
        for p in plans
    ]
    order = {k: i for i, k in enumerate(PRINT_ORDER)}
    # By client, so that a client's letters (one, by default) lie together in the bundle.
    plans.sort(key=lambda p: (p.client.casefold(), p.client, order.get(p.kind, 99)))
    seen: set[str] = set()
    for i, plan in enumerate(plans):
        if plan.kind == KIND_THANKS or plan.client in seen:
            continue
        seen.add(plan.client)
        # A claim for penalties deducts no credit note: that is the account's business.
        credit = () if plan.kind == KIND_CLAIM else credit_rows.get(plan.client, ())
        recall = recalled.get(plan.client, ()) if plan.kind in PART_ORDER else ()
        plans[i] = with_credits(
            replace(
                plan,
                paid_rows=tuple(paid_rows.get(plan.client, ())),
                recall_rows=tuple(recall),
            ),
            frame,
            credit,
            still_open.get(plan.client, set()),
        )
    return plans


def with_credits(
    plan: LetterPlan, frame: pd.DataFrame, credits: Sequence[Any], still_open: set[str]
) -> LetterPlan:
    """The plan with each part's credit notes (its invoices'; the free ones in the first)."""
    if not credits:
        return plan
    parts = plan.all_parts
    rows = [() if p.kind == KIND_CLAIM else p.rows for p in parts]
    tied, free = split_credits(frame, credits, rows, still_open)
    if parts[0].kind != KIND_CLAIM:  # free credits compensated (credits.py); a claim: none
        tied[0], free = compensated(frame, tied[0], free)
    parts = tuple(replace(p, credits=t) for p, t in zip(parts, tied, strict=True))
    return replace(
        plan,
        parts=parts if plan.parts else (),
        credit_rows=tuple(c for t in tied for c in t),
        free_credit_rows=free,
    )


def _flagged(decisions: pd.DataFrame, frame: pd.DataFrame, flag: str) -> dict[str, list[Any]]:
    """The rows a boolean column of the decisions marks, by client."""
    if flag not in decisions:
        return {}
    rows = decisions.index[decisions[flag].to_numpy(dtype=bool)]
    return _by_client(rows, frame.loc[rows, "client"])


def _by_client(index: Any, clients: Any) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {}
    for idx, client in zip(index, clients, strict=True):
        rows.setdefault(client, []).append(idx)
    return rows


def in_print_order(plans: list[LetterPlan]) -> list[LetterPlan]:
    """By client, then by stage (a statement after the client's letter)."""
    order = {k: i for i, k in enumerate(PRINT_ORDER)}
    return sorted(plans, key=lambda p: (p.client.casefold(), p.client, order.get(p.kind, 99)))


__all__ = [
    "Letter",
    "LetterPlan",
    "Part",
    "in_print_order",
    "pack",
    "plan_letters",
    "unpack",
]
