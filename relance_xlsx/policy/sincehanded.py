"""What was received on an invoice in litigation since it was handed over: the request
handed over already deducted what came before, so only the payments since are to be cut
from it (the fourth legal review, finding 4: « 1 500,00 € reçus » counted 500 € paid
before the hand-over)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..wording import date_short, join_list, money


def part_paid_since(r: pd.Series) -> tuple[str, str]:
    """(what, on) of a part payment: « réglée en partie depuis la remise : 1 000,00 € reçus »,
    « le 01/12/2026 », the total received beside when it differs; the invoice's total paid
    and last payment day when its payments or its hand-over day are not known."""
    paid = float(r["paid"] or 0)
    day = r["payment_date"]
    payments: Any = r.get("payments")
    handed = r["last_date"]
    if not isinstance(payments, tuple) or not payments or pd.isna(handed):
        on = f" le {date_short(day.date())}" if pd.notna(day) else ""
        return f"réglée en partie ({money(paid)} reçus)", on
    since = [(pd.Timestamp(d), float(a)) for d, a in payments if pd.Timestamp(d) >= handed]
    received = round(sum(a for _, a in since), 2)
    before = round(sum(float(a) for d, a in payments if pd.Timestamp(d) < handed), 2)
    undated = round(paid - received - before, 2)
    if not since:  # reduced by a credit note since, paid before it only
        return f"réglée en partie avant la remise ({money(paid)} reçus)", ""
    each = [f"{money(a)} le {date_short(d.date())}" for d, a in since]
    what = f"réglée en partie depuis la remise : {join_list(each).replace(' le ', ' reçus le ', 1)}"
    what += f", soit {money(received)}" if len(since) > 1 else ""
    earlier = []
    if before > 0.005:
        earlier.append(f"{money(before)} avant la remise, normalement déduits du dossier remis")
    if undated > 0.005:
        earlier.append(f"{money(undated)} sans date de règlement")
    if earlier:
        what += f" (en tout {money(paid)} reçus, dont {join_list(earlier)})"
    return what, ""


__all__ = ["part_paid_since"]
