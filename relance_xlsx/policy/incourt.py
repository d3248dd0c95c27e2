"""A payment or a credit note on an invoice already handed to litigation: the court file or
request handed over claims a principal that is paid, cancelled or reduced now. It must be
corrected before a judge is asked for a sum already received or cancelled (the second legal
review, N5). What stays owed depends on what happened: after a payment, the penalties and
the indemnity; after a credit note that cancels the invoice, nothing (nothing was due:
statuses.paid_late_rows); after a credit note for part of it, the penalties on the amount it
leaves (stretches.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..ledger import LITIGATION, PUBLIC_ENTERPRISE
from ..wording import date_short, money
from .sincehanded import part_paid_since
from .statuses import part_paid


def _last_credit(frame: pd.DataFrame) -> pd.Series:
    """The date of the latest credit note naming each invoice (NaT for none)."""
    out = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    if "credits" not in frame:
        return out
    named = frame["credits"].notna().to_numpy(dtype=bool)
    credits = frame["credits"].to_numpy()
    for i in np.flatnonzero(named).tolist():
        days = [pd.Timestamp(d) for d, _ in credits[i] or () if pd.notna(d)]
        out.iat[i] = max(days, default=pd.NaT)
    return out


def owed_principal(r: Any) -> float:
    """The principal a litigation file may still claim: the balance less the credit notes
    naming the invoice (a credit note is not deducted from its invoice: ledger/credits.py)."""
    if r["is_paid"]:
        return 0.0
    credits = r.get("credits") or ()
    return round(max(float(r["outstanding"]) - sum(float(a) for _, a in credits), 0.0), 2)


def _taken_into_account(frame: pd.DataFrame) -> np.ndarray:
    """The invoices a file redone on an earlier run already claims as they stand: no less is
    owed than that file says (« redone_owed », from the journal: workbook/redonefiles.py)."""
    out = np.zeros(len(frame), dtype=bool)
    if "redone_owed" not in frame:
        return out
    recorded = frame["redone_owed"].to_numpy(dtype=float, na_value=np.nan)
    for i in np.flatnonzero(~np.isnan(recorded)).tolist():
        out[i] = owed_principal(frame.iloc[i]) >= recorded[i] - 0.005
    return out


def _below_the_file(frame: pd.DataFrame) -> np.ndarray:
    """The invoices owing less now than the last file made or redone claims (the journal),
    whatever the payment's date: one typed after the file was made (review-lawnew M4)."""
    out = np.zeros(len(frame), dtype=bool)
    if "redone_owed" not in frame:
        return out
    recorded = frame["redone_owed"].to_numpy(dtype=float, na_value=np.nan)
    for i in np.flatnonzero(~np.isnan(recorded)).tolist():
        # The balance, not owed_principal: a hand-over line records the balance, credit
        # notes naming the invoice not deducted; a redone file's figure is never above it.
        out[i] = float(frame["outstanding"].iat[i]) < recorded[i] - 0.005
    return out


def paid_in_court_rows(frame: pd.DataFrame, as_of: dt.date) -> np.ndarray:
    """Invoices at the litigation level paid since they were handed over: in full, until the
    receipt is acknowledged; in part, settled by a credit note, or reduced by one (nothing
    is ever written back for these), whatever the payment's or credit's age, until a file
    redone on an earlier run takes it into account (the fourth legal review, 2: a payment
    typed weeks late went unsaid). None of a client in collective proceedings: once the
    opening judgment is given the court action is stopped or interrupted (Code de commerce
    L622-21, L622-22), there is no request to reduce; the claim goes through the declaration
    (policy/declaration.py, L622-7)."""
    level = frame["level"].to_numpy(dtype=int)
    paid = frame["paid"].to_numpy(dtype=float, na_value=0.0) > 0.005
    credited = np.zeros(len(frame), dtype=bool)
    if "credited_on" in frame:  # settled by a credit note: the claim is wrong as well
        credited = frame["credited_on"].notna().to_numpy(dtype=bool)
    handed = frame["last_date"]

    def since(day: pd.Series) -> np.ndarray:
        after = (day >= handed).to_numpy(dtype=bool) | handed.isna().to_numpy(dtype=bool)
        return after & day.notna().to_numpy(dtype=bool)

    is_paid = frame["is_paid"].to_numpy(dtype=bool)
    settled = is_paid & paid & ~credited & ~frame["thanked"].to_numpy(dtype=bool)
    day = frame["payment_date"]
    if "credited_on" in frame:  # a payment without a day, settled by credit notes: theirs
        day = day.fillna(frame["credited_on"])
    late = ((~is_paid & paid) | credited) & since(day)
    # Paid in part before the hand-over, yet less owed than the last file claims (the
    # journal): typed after that file was made, the request claims too much (lawnew M4).
    late |= ~is_paid & paid & _below_the_file(frame)
    # Reduced by a credit note naming it, the rest still owed (ledger/credits.py).
    reduced = ~is_paid & since(_last_credit(frame))
    rows = (
        frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & (level >= LITIGATION)
        & (settled | late | reduced)
    )
    if rows.any():
        rows &= settled | ~_taken_into_account(frame)
    if rows.any() and "insolvent" in frame:  # grouped only when some: a million rows
        rows &= ~frame["insolvent"].groupby(frame["client"]).transform("any").to_numpy(bool)
    return rows


def _credits_said(r: pd.Series) -> str:
    """« l'avoir du 25/11/2026 (500,00 €) », « les avoirs du 01/11/2026 et du 25/11/2026
    (700,00 €) »."""
    credits = r.get("credits") or ()
    days = sorted({pd.Timestamp(d).date() for d, _ in credits if pd.notna(d)})
    total = money(round(sum(float(a) for _, a in credits), 2))
    if len(days) < 2:
        return f"l'avoir{' du ' + date_short(days[0]) if days else ''} ({total})"
    listed = ", du ".join(date_short(d) for d in days[:-1])
    return f"les avoirs du {listed} et du {date_short(days[-1])} ({total})"


def cancelled_by_credit(r: pd.Series) -> bool:
    """Settled by credit notes alone, nothing paid: the invoice is cancelled."""
    credited = r.get("credited_on")
    return credited is not None and pd.notna(credited) and not float(r["paid"] or 0) > 0.005


def what_happened(r: pd.Series) -> str:
    """« la facture n° K1, remise au contentieux le 20/11/2026, a été réglée le 02/12/2026 »,
    « … a été soldée par l'avoir du 25/11/2026 et le règlement du 28/11/2026 », « … a été
    réduite par l'avoir du 25/11/2026 (500,00 €) »."""
    handed = (
        f", remise au contentieux le {date_short(r['last_date'].date())}"
        if pd.notna(r["last_date"])
        else ", remise au contentieux"
    )
    on = f" le {date_short(r['payment_date'].date())}" if pd.notna(r["payment_date"]) else ""
    what = "réglée"
    if not r["is_paid"]:  # only what came since the hand-over is to be cut from the request
        what, on = part_paid_since(r)
        filed = r.get("redone_owed")
        if filed is not None and pd.notna(filed) and float(r["outstanding"]) < filed - 0.005:
            on += f", absent du dernier dossier qui réclame {money(float(filed))} en principal"
    credited = r.get("credited_on")
    if credited is not None and pd.notna(credited):
        credit = f"l'avoir du {date_short(credited.date())}"
        what, on = f"soldée par {credit}", ""
        if not cancelled_by_credit(r):  # paid in part too, in date order (statuses.say_credited)
            payments = r.get("payments") or ((r["payment_date"], float(r["paid"])),)
            paid = part_paid(payments)
            days = [pd.Timestamp(d) for d, _ in payments if pd.notna(d)]
            first = bool(days) and credited < min(days)
            what = f"soldée par {credit} et {paid}" if first else f"soldée par {paid} et {credit}"
    elif r.get("credits"):
        reduced = f"réduite par {_credits_said(r)}"
        some = float(r["paid"] or 0) > 0.005
        what, on = (f"{what}{on} et {reduced}", "") if some else (reduced, "")
    return f"la facture n° {r['invoice']}{handed}, a été {what}{on}"


def public_person(r: Any) -> bool:
    """A public buyer that is a public person (not an entreprise publique, a company): no
    injonction de payer, no commissaire de justice before a judgment; the route is the
    référé-provision before the tribunal administratif (legal-fr.md 8.1)."""
    public = bool(r.get("public")) and not bool(r.get("consumer"))
    return public and r.get("buyer") != PUBLIC_ENTERPRISE


def still_owed(r: pd.Series, interest: float, indemnity: float) -> str:
    """What the court claim may keep of this invoice, with the run's figures: the principal
    still open, « pénalités 300,12 € et indemnité forfaitaire 40,00 € », on the amount a
    credit note left (« sur le montant diminué de l'avoir »); "" for nothing."""
    public = bool(r.get("public")) and not bool(r.get("consumer"))
    what = "intérêts au taux légal" if r.get("consumer") else "pénalités"
    what = "intérêts moratoires" if public else what
    credits = r.get("credits") or ()
    credited = bool(credits) or pd.notna(r.get("credited_on", pd.NaT))
    parts = []
    if not r["is_paid"]:  # a credit note naming it is not deducted from it (ledger/credits.py)
        parts.append(f"principal restant {money(owed_principal(r))}")
    if interest > 0.005:
        parts.append(
            f"{what} {money(interest)}"
            + ("" if r["is_paid"] else " à ce jour")
            + (" sur le montant diminué de l'avoir" if credited else "")
            + (" (Code de la commande publique L2192-13)" if public else "")
        )
    if indemnity > 0.005:
        code = "" if interest > 0.005 else "Code de la commande publique "
        parts.append(
            f"indemnité forfaitaire {money(indemnity)}" + (f" ({code}R2192-32)" if public else "")
        )
    return ", ".join(parts[:-1]) + " et " + parts[-1] if len(parts) > 1 else "".join(parts)


def said_to(public: bool) -> tuple[str, str]:
    """Whom to tell, and the request handed over: for a public person, the lawyer and the
    référé-provision (legal-fr.md 8.1), else the lawyer or the commissaire de justice and the
    injonction de payer."""
    if public:
        return (
            "prévenez votre avocat à qui le dossier a été remis ; ",
            "référé-provision devant le tribunal administratif, ou réclamation",
        )
    return (
        "prévenez votre avocat ou le commissaire de justice à qui le dossier a été remis ; ",
        "requête en injonction de payer ou autre",
    )


def _correct(r: pd.Series, interest: float, indemnity: float) -> str:
    """What to do with the request handed over, and what it may keep."""
    tell, request = said_to(public_person(r))
    if cancelled_by_credit(r):
        return (
            f"{tell}il faut retirer cette facture de la demande ({request}) : annulée par "
            "l'avoir, elle n'est plus due, ni en principal, ni en pénalités ou intérêts, ni "
            "en indemnité forfaitaire ; réclamer en justice une somme annulée est abusif."
        )
    credited = bool(r.get("credits")) or pd.notna(r.get("credited_on", pd.NaT))
    paid = float(r["paid"] or 0) > 0.005
    sum_ = "déjà payée ou annulée" if credited and paid else "annulée" if credited else "déjà payée"
    owed = still_owed(r, interest, indemnity)
    return (
        f"{tell}il faut réduire ou retirer la demande ({request}) : réclamer en justice une "
        f"somme {sum_} est abusif."
        + (f" Ce qui reste dû peut y être maintenu : {owed}." if owed else "")
    )


def say_paid_in_court(
    frame: pd.DataFrame, as_of: dt.date, decided: pd.DataFrame | None = None
) -> list[str]:
    """One warning per invoice paid, in full or in part, settled or reduced by a credit note
    after it was handed to litigation: tell the lawyer or commissaire de justice, reduce or
    withdraw the request, and what stays owed (decided: the run's interest and indemnity, by
    frame index)."""
    out = []
    for i, r in frame.iloc[np.flatnonzero(paid_in_court_rows(frame, as_of))].iterrows():
        figures: Any = decided.loc[i] if decided is not None else {}
        interest = float(figures.get("interest", 0.0) or 0.0)
        indemnity = float(figures.get("indemnity", 0.0) or 0.0)
        out.append(f"{r['client']} : {what_happened(r)} : {_correct(r, interest, indemnity)}")
    return out


__all__ = [
    "cancelled_by_credit",
    "owed_principal",
    "paid_in_court_rows",
    "public_person",
    "said_to",
    "say_paid_in_court",
    "still_owed",
    "what_happened",
]
