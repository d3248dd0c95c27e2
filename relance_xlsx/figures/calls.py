"""Whom to phone this week, and who is at the litigation stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..config import Report
from ..ledger import LEVEL_LABELS, LITIGATION, REMINDER_2
from ..wording import date_short, money


@dataclass(frozen=True)
class Call:
    """A client to phone, with what the clerk needs in hand."""

    client: str
    phone: str  # "" when the ledger has none: the report flags it
    contact: str
    total_due: float  # the client's total, all its unpaid invoices less its open credit notes
    oldest_invoice: str
    oldest_date: str  # its due date, dd/mm/yyyy
    last_action: str
    last_date: str
    why: str
    opening: str  # a suggested first sentence, in French
    oldest_amount: float = 0.0  # what the oldest invoice itself still owes
    invoices: int = 1  # how many unpaid invoices make the total
    # dd/mm/yyyy: the letter sent is still running (written today, or its deadline not
    # reached): call after that day, not before ("" when the call is due now).
    call_after: str = ""


@dataclass(frozen=True)
class LitigationCase:
    """A client at the litigation stage: what to claim."""

    client: str
    invoices: list[str]
    principal: float
    interest: float
    indemnity: float
    total: float


def call_list(
    frame: pd.DataFrame,
    decisions: pd.DataFrame,
    report: Report,
    as_of: dt.date | None = None,
    waits: dict[int, int] | None = None,
) -> list[Call]:
    """Clients with a relance 2 or a mise en demeure sent and no payment since, a promise not
    kept, or owing more than [report] call_above; the largest amounts first. Each reason
    says what happened and when; a letter still running (waits: days given after a letter
    of each level) is called after its deadline, said « à appeler après le JJ/MM/AAAA ».

    Aggregated per client in whole columns: a Python loop over groups took 3 s for 1,500
    clients, more than the rest of the report.
    """
    owed = frame["valid"] & ~frame["is_paid"] & ~frame["is_credit"] & (frame["outstanding"] > 0)
    chased = ~decisions["action"].isin(["hold", "insolvency", "prescribed"])
    keep = (owed & chased).to_numpy(dtype=bool)
    rows = frame.loc[keep]
    if rows.empty:
        return []
    broken = (
        decisions["promise_broken"].to_numpy(dtype=bool)[keep]
        if "promise_broken" in decisions
        else np.zeros(len(rows), dtype=bool)
    )
    level = rows["level"].to_numpy(dtype=int)
    paid_on, sent_on = rows["payment_date"], rows["last_date"]
    silent = (level >= REMINDER_2) & (paid_on.isna() | (paid_on <= sent_on)).to_numpy(dtype=bool)
    table = pd.DataFrame(
        {
            "client": rows["client"].astype(str).to_numpy(),
            "outstanding": rows["outstanding"].to_numpy(dtype=float),
            "silent_level": np.where(silent, level, 0),
            "silent_date": sent_on.where(silent).to_numpy(),
            "level": level,
            "last_date": sent_on.to_numpy(),
            "broken_on": rows["promise_date"].where(broken).to_numpy(),
            "phone": rows["phone"].where(rows["phone"].map(_filled)).to_numpy(dtype=object),
            "contact": rows["contact"].where(rows["contact"].map(_filled)).to_numpy(dtype=object),
            "due_date": rows["due_date"].to_numpy(),
            "invoice": rows["invoice"].astype(str).to_numpy(),
            "owed": rows["outstanding"].to_numpy(dtype=float),
        }
    )
    agg = _by_client(table)
    # Net of the client's open credit notes, as the aged balance gives it (review-lawhand 8).
    open_credit = frame["valid"] & frame["is_credit"] & (frame["outstanding"] < -0.004)
    credits = frame.loc[open_credit].groupby(frame["client"].astype(str))["outstanding"].sum()
    agg["total"] = (agg["total"] + agg.index.map(credits).fillna(0.0).to_numpy()).round(2)
    wanted = (
        (agg["silent_level"] > 0) | agg["broken_on"].notna() | (agg["total"] > report.call_above)
    )
    agg = agg[wanted].sort_values("total", ascending=False, kind="stable")
    records = agg.reset_index().to_dict("records")
    context = (as_of, waits or {})
    return [_call(str(r["client"]), r, report, context) for r in records]


def _by_client(table: pd.DataFrame) -> pd.DataFrame:
    """One row per client: totals, stages, dates, the first phone and contact, and its
    oldest invoice (whose own amount the opening sentence names)."""
    by = table.groupby("client", sort=False)
    agg = by.agg(
        total=("outstanding", "sum"),
        silent_level=("silent_level", "max"),
        silent_date=("silent_date", "max"),
        level=("level", "max"),
        last_date=("last_date", "max"),
        broken_on=("broken_on", "max"),
        phone=("phone", "first"),
        contact=("contact", "first"),
        count=("invoice", "size"),
    )
    oldest = table.loc[table.sort_values("due_date", kind="stable").groupby("client").head(1).index]
    agg = agg.join(oldest.set_index("client")[["invoice", "due_date", "owed"]])
    return agg


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _silent(
    level: int, sent: Any, context: tuple[dt.date | None, dict[int, int]]
) -> tuple[str, str]:
    """What was sent and when, how long without payment since; the day after which to call
    while the letter's deadline is still running (else "")."""
    as_of, waits = context
    what = "remis au contentieux" if level >= LITIGATION else LEVEL_LABELS[level].lower()
    if pd.isna(sent) or as_of is None:
        return f"{what}, sans règlement depuis", ""
    day = pd.Timestamp(sent).date()
    said = f"{what} {'le' if level >= LITIGATION else 'du'} {date_short(day)}"
    after = day + dt.timedelta(days=waits.get(level, 0))
    if level < LITIGATION and as_of < after:
        today = ", envoyée ce jour" if day == as_of else ""
        return f"{said}{today} : à appeler après le {date_short(after)}", date_short(after)
    days = (as_of - day).days
    return (f"{said} sans règlement depuis {days} jours" if days > 0 else said), ""


def _call(
    client: str,
    r: dict[str, Any],
    report: Report,
    context: tuple[dt.date | None, dict[int, int]],
) -> Call:
    reasons = []
    after = ""
    if r["silent_level"] > 0:
        said, after = _silent(int(r["silent_level"]), r["silent_date"], context)
        reasons.append(said)
    if pd.notna(r["broken_on"]):
        reasons.append(f"promesse du {_day(r['broken_on'])} non tenue")
    if r["total"] > report.call_above:
        reasons.append(f"plus de {money(report.call_above)} dus")
    due_text = _day(r["due_date"])
    total = float(r["total"])
    opening = _opening(str(r["invoice"]), float(r["owed"]), due_text, total, int(r["count"]))
    return Call(
        client,
        r["phone"] if isinstance(r["phone"], str) else "",
        r["contact"] if isinstance(r["contact"], str) else "",
        total,
        str(r["invoice"]),
        due_text,
        LEVEL_LABELS.get(int(r["level"]), "") or "Aucune relance",
        _day(r["last_date"]),
        " ; ".join(reasons),
        opening,
        round(float(r["owed"]), 2),
        int(r["count"]),
        after,
    )


def _opening(invoice: str, owed: float, due: str, total: float, count: int) -> str:
    """The first sentence of the call: the oldest invoice with its own amount, and the
    client's total with how many invoices make it, each labelled."""
    when = f", échue le {due}" if due else ""
    ask = " Pouvez-vous me dire quand le paiement partira ?"
    if count <= 1:
        return (
            f"Bonjour, je vous appelle au sujet de la facture n° {invoice} de {money(owed)}"
            f"{when}, toujours impayée.{ask}"
        )
    return (
        f"Bonjour, je vous appelle au sujet de vos {count} factures impayées, "
        f"{money(total)} au total ; la plus ancienne, n° {invoice}{when}, "
        f"reste due pour {money(owed)}.{ask}"
    )


def _day(value: object) -> str:
    return date_short(pd.Timestamp(value).date()) if pd.notna(value) else ""


def litigation_cases(frame: pd.DataFrame, decisions: pd.DataFrame) -> list[LitigationCase]:
    """Clients with an invoice handed to litigation today or already there."""
    at = (decisions["action"] == "litigation") | (
        (decisions["level"] >= LITIGATION) & ~frame["is_paid"] & frame["valid"]
    )
    # The client's open credit notes are deducted, as in its litigation file.
    credit = frame["is_credit"] & frame["valid"] & (frame["outstanding"] < 0)
    credits = frame.loc[credit, "outstanding"].groupby(frame.loc[credit, "client"].astype(str))
    credited = credits.sum().to_dict()
    # Grouped in Python, summed by numpy in row order as Series.sum does (NaN as 0): pandas'
    # groupby cost ~1 ms a client, 3,000 clients in litigation at 200,000 rows.
    clients = frame.loc[at, "client"].astype(str).tolist()
    invoices = frame.loc[at, "invoice"].tolist()
    sums = {
        name: np.nan_to_num(table.loc[at, name].to_numpy(dtype=float), nan=0.0)
        for name, table in (
            ("outstanding", frame),
            ("interest", decisions),
            ("indemnity", decisions),
        )
    }
    by_client: dict[str, list[int]] = {}
    for k, client in enumerate(clients):
        by_client.setdefault(client, []).append(k)
    out = []
    for client in sorted(by_client):
        rows = by_client[client]
        # Credit notes deducted from the principal, never beyond it (nor from the penalties).
        owed = float(sums["outstanding"][rows].sum())
        principal = round(max(owed + credited.get(client, 0.0), 0.0), 2)
        interest = round(float(sums["interest"][rows].sum()), 2)
        indemnity = round(float(sums["indemnity"][rows].sum()), 2)
        out.append(
            LitigationCase(
                client,
                [str(invoices[k]) for k in rows],
                principal,
                interest,
                indemnity,
                round(principal + interest + indemnity, 2),
            )
        )
    return sorted(out, key=lambda c: -c.total)


__all__ = ["Call", "LitigationCase", "call_list", "litigation_cases"]
