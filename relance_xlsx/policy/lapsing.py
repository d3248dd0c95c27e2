"""A public debt that lapses soon and whose only interrupting act is today's letter: its date,
and the proof the creditor will need (loi n° 68-1250, art. 1 and 2; legal-fr §8.2)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..config import Policy
from ..wording import date_short
from .prescription import PUBLIC, Prescription, soon_prescribed

# The invoices a warning names before « et N autre(s) ».
_NAMED = 10


def _day(value: pd.Timestamp) -> str:
    return date_short(value.date())


def say_lapse_letter(
    out: pd.DataFrame,
    frame: pd.DataFrame,
    p: Prescription,
    as_of: dt.date,
    policy: Policy,
    sending: np.ndarray,
) -> list[str]:
    """The public debts of today's letters that lapse within [policy]
    prescription_warning_days: the lapse date in their status, and one warning naming them
    with the advice to send the letter by registered post with AR (the creditor proves the
    interruption) or to act."""
    mask = soon_prescribed(p, as_of, policy) & sending & (p.regime == PUBLIC)
    if not mask.any():
        return []
    rows = out.index[mask]
    where = np.flatnonzero(mask).tolist()
    out["lapse_saving"] = mask  # its letter goes by registered post (pipeline/lapsesaving.py)
    out.loc[rows, "reason"] = [
        f"{reason} ; déchéance quadriennale le {_day(p.barred_on.iat[i])} : cette relance ne "
        f"l'interrompt que si elle est adressée au débiteur au plus tard le "
        f"{_day(p.barred_on.iat[i] - pd.Timedelta(days=1))} ; envoyez-la en recommandé avec "
        "avis de réception, preuve de l'interruption (loi n° 68-1250, art. 2)"
        for i, reason in zip(where, out.loc[rows, "reason"].tolist(), strict=True)
    ]
    invoices, clients = frame["invoice"].to_numpy(), frame["client"].to_numpy()
    named = [f"{invoices[i]} ({clients[i]}) le {_day(p.barred_on.iat[i])}" for i in where[:_NAMED]]
    more = f" et {len(where) - _NAMED} autre(s)" if len(where) > _NAMED else ""
    return [
        "Déchéance quadriennale proche (loi n° 68-1250) : facture(s) "
        + ", ".join(named)
        + more
        + ". La relance de ce jour ne l'interrompt que si elle part avant cette date : "
        "envoyez-la en recommandé avec avis de réception (la preuve de l'interruption vous "
        "incombe), ou agissez avant (référé-provision devant le tribunal administratif)."
    ]


__all__ = ["say_lapse_letter"]
