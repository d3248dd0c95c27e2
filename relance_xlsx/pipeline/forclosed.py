"""The run's warning for a client in collective proceedings whose time to declare the claim
is over: only the juge-commissaire's relevé de forclusion is left (Code de commerce L622-26).
The declaration itself never says so: it is sent to the mandataire (figures/proceedings.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..config import Settings
from ..figures import outside_metropolitan
from ..ledger import declaration_deadline
from ..wording import date_short


def creditor_overseas(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The frame, marked « creditor_overseas » when the creditor is established outside
    metropolitan France: the run's status then gives the declaration's four months (R622-24)."""
    if outside_metropolitan(settings.creditor) and len(frame):
        return frame.assign(creditor_overseas=True)
    return frame


def say_foreclosed(
    frame: pd.DataFrame, decided: pd.DataFrame, settings: Settings, as_of: dt.date
) -> tuple[str, ...]:
    """One warning per client in proceedings whose last day to declare (the next working day
    after a weekend or a public holiday, CPC 642) is past."""
    insolvent = (decided["action"] == "insolvency").to_numpy(dtype=bool)
    if not insolvent.any() or "bodacc_date" not in frame:
        return ()
    rows = frame.loc[insolvent, ["client", "bodacc_date"]].dropna()
    overseas = outside_metropolitan(settings.creditor)
    out = []
    for client, notice in rows.groupby("client")["bodacc_date"].max().items():
        notice = pd.Timestamp(notice)
        _, last = declaration_deadline(notice.date(), overseas)
        if last >= as_of:
            continue
        out.append(
            f"Déclaration de créance de « {client} » : délai expiré (dernier jour : "
            f"{date_short(last)} ; BODACC du {date_short(notice.date())}, Code de commerce "
            "R622-24) ; "
            "la créance n'est plus admise aux répartitions sauf relevé de forclusion, à demander "
            "au juge-commissaire dans les 6 mois de la publication du jugement (Code de commerce "
            "L622-26) ; la déclaration écrite n'en dit rien : voyez votre conseil."
        )
    return tuple(out)


__all__ = ["creditor_overseas", "say_foreclosed"]
