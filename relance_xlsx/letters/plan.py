"""Which letters a run writes: one plan per client and kind, one record per letter (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..ledger import KIND_CLAIM, KIND_FORMAL_NOTICE, KIND_STATEMENT, KIND_THANKS, PRINT_ORDER

# The letters that carry the client's statement of account as an annex.
STATEMENT_KINDS = (KIND_FORMAL_NOTICE,)


@dataclass(frozen=True)
class LetterPlan:
    """One letter: a client, a kind, a language, its invoices and the credits it deducts."""

    client: str
    kind: str
    language: str
    rows: tuple[int, ...]  # frame index labels of the invoices
    credit_rows: tuple[int, ...] = ()
    # Invoices paid since the last letter, acknowledged in this one (« Nous avons bien reçu »).
    paid_rows: tuple[int, ...] = ()
    # The client's statement of account (relevé de compte): every open invoice and credit.
    statement_rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Letter:
    """One letter of a run: its plan, the file it goes to, and what its template is filled with.

    The context is None in a dry run, where only one letter per template is filled (to check it).
    """

    plan: LetterPlan
    path: Path
    context: dict[str, Any] | None = None
    # What the letter still lacks (in French); a letter that lacks anything is not sendable:
    # it goes to a_completer/, out of the bundle and the e-mails, and its invoices stay put.
    missing: tuple[str, ...] = ()

    @property
    def sendable(self) -> bool:
        """Whether the letter can be posted as it is."""
        return not self.missing


def plan_letters(
    frame: pd.DataFrame, decisions: pd.DataFrame, default_language: str
) -> list[LetterPlan]:
    """One letter per client and kind, ordered by client then stage; credits and payments
    acknowledged go on the client's most advanced letter."""
    joined = frame[["client", "language", "is_credit", "valid", "hold", "outstanding"]].join(
        decisions[["kind"]]
    )
    joined["language"] = joined["language"].fillna(default_language)
    with_kind = joined[joined["kind"].notna()]
    labels = with_kind.index.to_numpy()
    languages = with_kind["language"].to_numpy(dtype=object)
    plans: list[LetterPlan] = []
    # .indices gives each group's positions at once; iterating groups costs ~100 µs each.
    for (client, kind), where in with_kind.groupby(["client", "kind"], sort=False).indices.items():
        rows = tuple(labels[where].tolist())
        plans.append(LetterPlan(str(client), str(kind), str(languages[where[0]]), rows))
    credits = joined[
        joined["is_credit"] & joined["valid"] & ~joined["hold"] & (joined["outstanding"] < 0)
    ]
    credit_rows = _by_client(credits.index, credits["client"])
    if "acknowledged" in decisions:
        paid = decisions.index[decisions["acknowledged"].to_numpy(dtype=bool)]
        paid_rows = _by_client(paid, frame.loc[paid, "client"])
    else:
        paid_rows = {}
    open_items = joined[joined["valid"] & (joined["outstanding"].abs() > 0.005)]
    statements = _by_client(open_items.index, open_items["client"])
    plans = [
        replace(p, statement_rows=tuple(statements.get(p.client, ())))
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
        acknowledged = paid_rows.get(plan.client, ())
        if credit or acknowledged:
            plans[i] = replace(plan, credit_rows=tuple(credit), paid_rows=tuple(acknowledged))
    return plans


def _by_client(index: Any, clients: Any) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {}
    for idx, client in zip(index, clients, strict=True):
        rows.setdefault(client, []).append(idx)
    return rows


def statement_plans(
    frame: pd.DataFrame, clients: list[str], default_language: str
) -> tuple[list[LetterPlan], list[str]]:
    """A statement of account for each client asked for by name (case and spaces aside);
    and the names that match no client of the ledger."""
    wanted = {" ".join(c.split()).casefold(): c for c in clients if c.strip()}
    if not wanted:
        return [], []
    names = frame["client"].fillna("").astype(str)
    key = names.map(lambda n: " ".join(n.split()).casefold())
    open_items = frame["valid"] & (frame["outstanding"].abs() > 0.005) & key.isin(list(wanted))
    plans = []
    for folded in sorted(set(key[open_items])):
        rows = frame.index[open_items & (key == folded)]
        language = frame.loc[rows[0], "language"] or default_language
        client = str(names[rows[0]])
        plans.append(LetterPlan(client, KIND_STATEMENT, str(language), (), (), (), tuple(rows)))
    known = set(key[frame["valid"]])
    return plans, [name for folded, name in wanted.items() if folded not in known]


def in_print_order(plans: list[LetterPlan]) -> list[LetterPlan]:
    """By client, then by stage (a statement after the client's letter)."""
    order = {k: i for i, k in enumerate(PRINT_ORDER)}
    return sorted(plans, key=lambda p: (p.client.casefold(), p.client, order.get(p.kind, 99)))


# The columns a letter reads, from the ledger frame and from the decisions.
_FRAME_FIELDS = (
    "invoice",
    "invoice_date",
    "object",
    "amount",
    "paid",
    "due_date",
    "payment_date",
    "outstanding",
    "address",
    "contact",
    "email",
    "consumer",
    "public",
    "last_date",
    "currency",
    "is_credit",
)
_DECISION_FIELDS = ("days_late", "interest", "indemnity")


class LetterRows:
    """The rows the letters use, as plain dicts, built once per run.

    Indexing a DataFrame per letter costs ~1 ms a call; a run with thousands of letters would
    spend most of its time there.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        decisions: pd.DataFrame,
        plans: list[LetterPlan],
        periods: Mapping[Any, Sequence[Any]] | None = None,
    ):
        wanted = sorted(
            {i for p in plans for i in (*p.rows, *p.credit_rows, *p.paid_rows, *p.statement_rows)}
        )
        sub = frame.loc[wanted, list(_FRAME_FIELDS)].join(
            decisions.loc[wanted, list(_DECISION_FIELDS)]
        )
        # Column by column into Python values (Series.tolist boxes as to_dict would: dates as
        # Timestamps, numbers as Python numbers), then one dict per row: five times faster.
        names = list(sub.columns)
        values = zip(*(sub[name].tolist() for name in names), strict=True)
        self.records: dict[Any, dict[str, Any]] = {
            i: dict(zip(names, row, strict=True)) for i, row in zip(wanted, values, strict=True)
        }
        # Each invoice's interest periods (start, end, days, rate, base, interest), if any.
        for i, record in self.records.items():
            record["periods"] = tuple((periods or {}).get(i, ()))

    def of(self, rows: tuple[int, ...]) -> list[dict[str, Any]]:
        """The records of some rows, in order."""
        return [self.records[i] for i in rows]


__all__ = [
    "Letter",
    "LetterPlan",
    "LetterRows",
    "in_print_order",
    "plan_letters",
    "statement_plans",
]
