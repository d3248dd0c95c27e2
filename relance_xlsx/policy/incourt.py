"""A payment on an invoice already handed to litigation: the court file or request handed over
claims a principal that is paid (or partly paid) now. It must be corrected before a judge is
asked for a sum already received (the second legal review, N5)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ledger import LITIGATION
from ..wording import date_short, money

# Where the penalties still owed on an invoice paid in litigation go: its court claim.
KEPT_IN_COURT = "à maintenir dans la demande en justice (dossier de contentieux)"


def paid_in_court_rows(frame: pd.DataFrame) -> np.ndarray:
    """Invoices at the litigation level with a payment received since they were handed over
    (in full and not yet acknowledged, or in part)."""
    level = frame["level"].to_numpy(dtype=int)
    paid = frame["paid"].to_numpy(dtype=float, na_value=0.0) > 0.005
    after = (frame["payment_date"] >= frame["last_date"]).to_numpy(dtype=bool) | frame[
        "last_date"
    ].isna().to_numpy(dtype=bool)
    settled = frame["is_paid"].to_numpy(dtype=bool) & ~frame["thanked"].to_numpy(dtype=bool)
    partly = ~frame["is_paid"].to_numpy(dtype=bool) & after
    return (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & (level >= LITIGATION)
        & paid
        & (settled | partly)
    )


def say_paid_in_court(frame: pd.DataFrame) -> list[str]:
    """One warning per invoice paid, in full or in part, after it was handed to litigation:
    tell the lawyer or commissaire de justice, and reduce or withdraw the request."""
    out = []
    for i in np.flatnonzero(paid_in_court_rows(frame)).tolist():
        r = frame.iloc[i]
        handed = (
            f", remise au contentieux le {date_short(r['last_date'].date())}"
            if pd.notna(r["last_date"])
            else ", remise au contentieux"
        )
        on = f" le {date_short(r['payment_date'].date())}" if pd.notna(r["payment_date"]) else ""
        what = "réglée" if r["is_paid"] else f"réglée en partie ({money(float(r['paid']))} reçus)"
        out.append(
            f"{r['client']} : la facture n° {r['invoice']}{handed}, a été {what}{on} : prévenez "
            "votre avocat ou le commissaire de justice à qui le dossier a été remis ; il faut "
            "réduire ou retirer la demande (requête en injonction de payer ou autre) : réclamer "
            "en justice une somme déjà payée est abusif. Les pénalités et l'indemnité restent "
            "dues et peuvent y être maintenues."
        )
    return out


__all__ = ["KEPT_IN_COURT", "paid_in_court_rows", "say_paid_in_court"]
