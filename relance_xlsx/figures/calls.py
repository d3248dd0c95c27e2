"""Whom to phone this week, and who is at the litigation stage."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..config import Report
from ..ledger import LEVEL_LABELS, LITIGATION, REMINDER_2
from ..wording import date_short, money


@dataclass(frozen=True)
class Call:
    """A client to phone, with what the clerk needs in hand."""

    client: str
    phone: str
    contact: str
    total_due: float
    oldest_invoice: str
    oldest_date: str  # its due date, dd/mm/yyyy
    last_action: str
    last_date: str
    why: str
    opening: str  # a suggested first sentence, in French


@dataclass(frozen=True)
class LitigationCase:
    """A client at the litigation stage: what to claim."""

    client: str
    invoices: list[str]
    principal: float
    interest: float
    indemnity: float
    total: float


def _first(values: pd.Series) -> str:
    found = [str(v) for v in values.tolist() if isinstance(v, str) and v.strip()]
    return found[0] if found else ""


def call_list(frame: pd.DataFrame, decisions: pd.DataFrame, report: Report) -> list[Call]:
    """Clients with a relance 2 or a mise en demeure sent and no payment since, or owing more
    than [report] call_above; the largest amounts first."""
    owed = frame["valid"] & ~frame["is_paid"] & ~frame["is_credit"] & (frame["outstanding"] > 0)
    chased = ~decisions["action"].isin(["hold", "insolvency", "prescribed"])
    rows = frame[owed & chased].assign(
        promise_broken=decisions["promise_broken"][owed & chased].to_numpy(dtype=bool)
        if "promise_broken" in decisions
        else False
    )
    out = []
    for client, group in rows.groupby(rows["client"].astype(str), sort=False):
        total = round(float(group["outstanding"].sum()), 2)
        sent = group[group["level"] >= REMINDER_2]
        unpaid_since = sent["payment_date"].isna() | (sent["payment_date"] <= sent["last_date"])
        reasons = []
        if bool(unpaid_since.any()):
            top = int(sent["level"].max())
            reasons.append(f"{LEVEL_LABELS[top].lower()} envoyée, aucun règlement depuis")
        if bool(group["promise_broken"].any()):
            day = group.loc[group["promise_broken"], "promise_date"].max()
            reasons.append(f"promesse du {date_short(day.date())} non tenue")
        if total > report.call_above:
            reasons.append(f"plus de {money(report.call_above)} dus")
        if not reasons:
            continue
        out.append(_call(str(client), group, total, reasons))
    return sorted(out, key=lambda c: -c.total_due)


def _call(client: str, group: pd.DataFrame, total: float, reasons: list[str]) -> Call:
    oldest = group.sort_values("due_date", kind="stable").iloc[0]
    level = int(group["level"].max())
    last = group["last_date"].max()
    due = oldest["due_date"]
    due_text = date_short(due.date()) if isinstance(due, pd.Timestamp) else ""
    opening = (
        f"Bonjour, je vous appelle au sujet de la facture {oldest['invoice']}"
        + (f" échue le {due_text}" if due_text else "")
        + f" : il reste {money(total)} à régler ; pouvez-vous me dire quand le paiement partira ?"
    )
    return Call(
        client,
        _first(group["phone"]),
        _first(group["contact"]),
        total,
        str(oldest["invoice"]),
        due_text,
        LEVEL_LABELS.get(level, "") or "Aucune relance",
        date_short(last.date()) if isinstance(last, pd.Timestamp) else "",
        " ; ".join(reasons),
        opening,
    )


def litigation_cases(frame: pd.DataFrame, decisions: pd.DataFrame) -> list[LitigationCase]:
    """Clients with an invoice handed to litigation today or already there."""
    at = (decisions["action"] == "litigation") | (
        (decisions["level"] >= LITIGATION) & ~frame["is_paid"] & frame["valid"]
    )
    rows = frame[at].join(decisions[["interest", "indemnity"]])
    out = []
    for client, group in rows.groupby(rows["client"].astype(str), sort=True):
        principal = round(float(group["outstanding"].sum()), 2)
        interest = round(float(group["interest"].sum()), 2)
        indemnity = round(float(group["indemnity"].sum()), 2)
        out.append(
            LitigationCase(
                str(client),
                [str(v) for v in group["invoice"].tolist()],
                principal,
                interest,
                indemnity,
                round(principal + interest + indemnity, 2),
            )
        )
    return sorted(out, key=lambda c: -c.total)


__all__ = ["Call", "LitigationCase", "call_list", "litigation_cases"]
