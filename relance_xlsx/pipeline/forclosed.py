"""The run's warning for a client in collective proceedings whose time to declare the claim
is over: only the juge-commissaire's relevé de forclusion is left (Code de commerce L622-26).
The declaration itself never says so: it is sent to the mandataire (figures/proceedings.py)."""

from __future__ import annotations

import datetime as dt

import numpy as np
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
    # A claim born after the judgment runs from its own due date (R622-24, al. 2): its
    # BODACC deadline is none of its business (say_later_foreclosed).
    judged = _dates(frame, "judgment_date").groupby(frame["client"]).transform("max")
    born = _dates(frame, "performance_date").fillna(frame["invoice_date"])
    later = (born >= judged).to_numpy(dtype=bool)
    rows = frame.loc[insolvent & ~later, ["client", "bodacc_date"]].dropna()
    overseas = outside_metropolitan(settings.creditor)
    out = list(say_later_foreclosed(frame, insolvent & later, overseas, as_of))
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


def _dates(frame: pd.DataFrame, name: str) -> pd.Series:
    """A date column of the frame (all NaT when the ledger has none)."""
    if name not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[name])


def say_later_foreclosed(
    frame: pd.DataFrame, later: np.ndarray, overseas: bool, as_of: dt.date
) -> list[str]:
    """One warning per invoice born after the judgment whose own time to declare (2 months
    from its due date, R622-24 al. 2; CPC 642) is past: if it had to be declared."""
    out = []
    for i in np.flatnonzero(later).tolist():
        due = frame["due_date"].iat[i]
        if pd.isna(due):
            continue
        _, last = declaration_deadline(pd.Timestamp(due).date(), overseas)
        if last >= as_of:
            continue
        out.append(
            f"Créance de « {frame['client'].iat[i]} » née après le jugement d'ouverture "
            f"(facture {frame['invoice'].iat[i]}) : si elle devait être déclarée (hors Code de "
            f"commerce L622-17 I), le délai est expiré (dernier jour : {date_short(last)}, 2 "
            f"mois à compter de son échéance du {date_short(pd.Timestamp(due).date())}, "
            "R622-24 al. 2) ; relevé de forclusion à demander au juge-commissaire "
            "(L622-26) : voyez votre conseil."
        )
    return out


__all__ = ["creditor_overseas", "say_foreclosed"]
