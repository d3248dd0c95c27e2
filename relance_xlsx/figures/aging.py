"""The aging balance (balance âgée): what each client owes, by how late it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..config import Report


@dataclass(frozen=True)
class AgingRow:
    """One client's outstanding, split by days late; held and credits apart."""

    client: str
    not_due: float
    buckets: tuple[float, float, float, float]  # 1–b1, b1+1–b2, b2+1–b3, > b3 days late
    held: float  # disputed or on hold: not chased, not in the buckets
    credits: float  # credit notes not yet used (negative)
    total: float
    # Not chased either, each for its own reason: a client under collective proceedings (its
    # claim is declared, not chased), an invoice time-barred (prescrite). Apart from « held »:
    # a manager must not read them as disputes.
    insolvency: float = 0.0
    prescribed: float = 0.0


# The columns of what is not chased, after the buckets, in the order of AgingRow's fields.
NOT_CHASED_HEADERS = ("En litige / en attente", "Procédure collective", "Prescrites")


def bucket_labels(report: Report) -> tuple[str, ...]:
    """« 1–30 j », « 31–60 j », « 61–90 j », « > 90 j »."""
    b1, b2, b3 = report.bucket_1, report.bucket_2, report.bucket_3
    return (f"1–{b1} j", f"{b1 + 1}–{b2} j", f"{b2 + 1}–{b3} j", f"> {b3} j")


def open_items(frame: pd.DataFrame, actions: pd.Series) -> pd.DataFrame:
    """The invoices and credits still open: valid, not paid, with something outstanding."""
    keep = frame["valid"].to_numpy(dtype=bool) & (frame["outstanding"].abs() > 0.004).to_numpy()
    keep &= ~frame["is_paid"].to_numpy(dtype=bool) | frame["is_credit"].to_numpy(dtype=bool)
    out = frame.loc[
        keep, ["client", "invoice", "invoice_date", "due_date", "outstanding", "is_credit", "hold"]
    ]
    return out.assign(action=actions[keep].to_numpy(dtype=object))


def aging(items: pd.DataFrame, as_of: dt.date, report: Report) -> list[AgingRow]:
    """Per client, sorted by total owed (largest first), from the open items."""
    late = (pd.Timestamp(as_of) - items["due_date"]).dt.days.to_numpy(dtype=float)
    late = np.nan_to_num(late, nan=0.0)  # no due date: counted as not due yet
    amount = items["outstanding"].to_numpy(dtype=float)
    credit = items["is_credit"].to_numpy(dtype=bool)
    # Not chased, by why: time-barred, a client under collective proceedings (nothing may be
    # chased), else disputed or on hold.
    action = items["action"].to_numpy(dtype=object)
    prescribed = ~credit & (action == "prescribed")
    insolvency = ~credit & ~prescribed & (action == "insolvency")
    held = ~credit & ~prescribed & ~insolvency
    held &= items["hold"].to_numpy(dtype=bool) | (action == "hold")
    chased = ~credit & ~held & ~insolvency & ~prescribed
    edges = [0, report.bucket_1, report.bucket_2, report.bucket_3]
    columns = {
        "not_due": np.where(chased & (late <= 0), amount, 0.0),
        "held": np.where(held, amount, 0.0),
        "insolvency": np.where(insolvency, amount, 0.0),
        "prescribed": np.where(prescribed, amount, 0.0),
        "credits": np.where(credit, amount, 0.0),
    }
    for k in range(4):
        upper = edges[k + 1] if k < 3 else np.inf
        columns[f"b{k}"] = np.where(chased & (late > edges[k]) & (late <= upper), amount, 0.0)
    table = pd.DataFrame(columns, index=items.index).groupby(items["client"].astype(str)).sum()
    table["total"] = table.sum(axis=1)
    table = table.round(2).sort_values("total", ascending=False, kind="stable")
    names = ("not_due", "b0", "b1", "b2", "b3", "held", "credits", "total")
    values = [table[c].tolist() for c in names]
    apart = [table[c].tolist() for c in ("insolvency", "prescribed")]
    return [
        AgingRow(str(client), nd, (b0, b1, b2, b3), held, credits, total, ins, pres)
        for client, nd, b0, b1, b2, b3, held, credits, total, ins, pres in zip(
            table.index.tolist(), *values, *apart, strict=True
        )
    ]


def aging_total(rows: list[AgingRow]) -> AgingRow:
    """The total row of the aging balance."""
    return AgingRow(
        "Total",
        round(sum(r.not_due for r in rows), 2),
        tuple(round(sum(r.buckets[k] for r in rows), 2) for k in range(4)),  # type: ignore[arg-type]
        round(sum(r.held for r in rows), 2),
        round(sum(r.credits for r in rows), 2),
        round(sum(r.total for r in rows), 2),
        round(sum(r.insolvency for r in rows), 2),
        round(sum(r.prescribed for r in rows), 2),
    )


__all__ = ["NOT_CHASED_HEADERS", "AgingRow", "aging", "aging_total", "bucket_labels", "open_items"]
