"""A payment on an invoice already handed to litigation: the court file or request handed over
claims a principal that is paid (or partly paid) now. It must be corrected before a judge is
asked for a sum already received (the second legal review, N5)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..ledger import LITIGATION
from ..wording import date_short, money

# A part payment or a credit note on an invoice in litigation is warned of this many days.
RECENT_DAYS = 30
# Where the penalties still owed on an invoice paid in litigation go: its court claim.
KEPT_IN_COURT = "à maintenir dans la demande en justice (dossier de contentieux)"


def paid_in_court_rows(frame: pd.DataFrame, as_of: dt.date) -> np.ndarray:
    """Invoices at the litigation level paid since they were handed over: in full, until the
    receipt is acknowledged; in part, or settled by a credit note (nothing is ever written
    back for these), while the payment or credit is at most RECENT_DAYS old."""
    level = frame["level"].to_numpy(dtype=int)
    paid = frame["paid"].to_numpy(dtype=float, na_value=0.0) > 0.005
    credited = np.zeros(len(frame), dtype=bool)
    if "credited_on" in frame:  # settled by a credit note: the claim is wrong as well
        credited = frame["credited_on"].notna().to_numpy(dtype=bool)
    day = frame["payment_date"]
    after = (day >= frame["last_date"]).to_numpy(dtype=bool) | frame["last_date"].isna().to_numpy(
        dtype=bool
    )
    recent = (day > pd.Timestamp(as_of) - pd.Timedelta(days=RECENT_DAYS)).to_numpy(dtype=bool)
    is_paid = frame["is_paid"].to_numpy(dtype=bool)
    settled = is_paid & paid & ~credited & ~frame["thanked"].to_numpy(dtype=bool)
    lately = ((~is_paid & paid) | credited) & after & recent
    return (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & (level >= LITIGATION)
        & (settled | lately)
    )


def what_happened(r: pd.Series) -> str:
    """« la facture n° K1, remise au contentieux le 20/11/2026, a été réglée le 02/12/2026 »."""
    handed = (
        f", remise au contentieux le {date_short(r['last_date'].date())}"
        if pd.notna(r["last_date"])
        else ", remise au contentieux"
    )
    on = f" le {date_short(r['payment_date'].date())}" if pd.notna(r["payment_date"]) else ""
    what = "réglée" if r["is_paid"] else f"réglée en partie ({money(float(r['paid']))} reçus)"
    credited = r.get("credited_on")
    if credited is not None and pd.notna(credited):
        what, on = "soldée par l'avoir", f" du {date_short(credited.date())}"
    return f"la facture n° {r['invoice']}{handed}, a été {what}{on}"


def say_paid_in_court(frame: pd.DataFrame, as_of: dt.date) -> list[str]:
    """One warning per invoice paid, in full or in part, after it was handed to litigation:
    tell the lawyer or commissaire de justice, and reduce or withdraw the request."""
    return [
        f"{r['client']} : {what_happened(r)} : prévenez votre avocat ou le commissaire de "
        "justice à qui le dossier a été remis ; il faut réduire ou retirer la demande (requête "
        "en injonction de payer ou autre) : réclamer en justice une somme déjà payée est "
        "abusif. Les pénalités et l'indemnité restent dues et peuvent y être maintenues."
        for _, r in frame.iloc[np.flatnonzero(paid_in_court_rows(frame, as_of))].iterrows()
    ]


__all__ = ["KEPT_IN_COURT", "paid_in_court_rows", "say_paid_in_court", "what_happened"]
