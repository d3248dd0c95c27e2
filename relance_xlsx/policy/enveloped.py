"""Invoices a letter asked to be paid by a date that has not come: those listed in the envelope
of a formal notice, below its stage: the registered letter
asked for them « dans le même délai de 8 jours à compter de la réception de la présente »; no
other letter may list them, nor any step escalate them, before that delay is over (a second
deadline beside the first would contradict the registered letter)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import Policy
from ..ledger import FORMAL_NOTICE, REMINDER_1
from ..wording import date_short


def under_envelope(
    frame: pd.DataFrame, today: pd.Timestamp, level: np.ndarray, policy: Policy
) -> tuple[np.ndarray, np.ndarray]:
    """Which invoices wait for the delay of the formal notice whose envelope listed them, and
    the days since that letter (since its avis de réception when one is recorded)."""
    none = np.zeros(len(frame), dtype=bool)
    if "envelope_date" not in frame:
        return none, np.zeros(len(frame))
    sent = pd.to_datetime(frame["envelope_date"])
    received = pd.to_datetime(frame["envelope_received"])
    # The row's own avis de réception, when the posting list carried it to this invoice.
    own = frame["ar_date"] if "ar_date" in frame else pd.Series(pd.NaT, index=frame.index)
    received = received.where(received > sent, own.where(own > sent))
    since = (today - received.fillna(sent)).dt.days.to_numpy(dtype=float)
    below = (level >= REMINDER_1) & (level < FORMAL_NOTICE)
    # Today's envelope is the letter a rerun the same day already wrote: it changes nothing.
    waiting = below & (sent < today).to_numpy(dtype=bool)
    waiting &= np.nan_to_num(since, nan=0.0) < policy.days_after_formal_notice
    return waiting, since


def under_deadline(frame: pd.DataFrame, today: pd.Timestamp, level: np.ndarray) -> np.ndarray:
    """Which reminded invoices a letter listed with a deadline (« au plus tard le … ») that
    has not passed: the next step, and any other letter listing them, wait for it."""
    if "listed_until" not in frame:
        return np.zeros(len(frame), dtype=bool)
    until = pd.to_datetime(frame["listed_until"])
    below = (level >= REMINDER_1) & (level < FORMAL_NOTICE)
    return below & (until >= today).to_numpy(dtype=bool)


def say_under_deadline(reason: np.ndarray, frame: pd.DataFrame, waiting: np.ndarray) -> None:
    """The wait's reason: the letter that listed the invoice, and the deadline it gave."""
    if not waiting.any():
        return
    sent, until = frame["listed_on"].to_numpy(), frame["listed_until"].to_numpy()
    for i in np.flatnonzero(waiting).tolist():
        reason[i] = (
            f"En attente : listée dans le courrier du {date_short(pd.Timestamp(sent[i]).date())},"
            f" qui en demande le règlement au plus tard le "
            f"{date_short(pd.Timestamp(until[i]).date())} ; rien de plus avant cette date"
        )


def say_under_envelope(
    reason: np.ndarray, frame: pd.DataFrame, waiting: np.ndarray, since: np.ndarray, policy: Policy
) -> None:
    """The wait's reason: the registered letter that listed the invoice, and its delay."""
    if not waiting.any():
        return
    days = frame["envelope_date"].to_numpy()
    for i in np.flatnonzero(waiting).tolist():
        day = date_short(pd.Timestamp(days[i]).date())
        reason[i] = (
            f"En attente : listée dans la lettre recommandée (mise en demeure) du {day}, "
            f"envoyée il y a {int(since[i])} jour(s) ; son délai ({policy.days_after_formal_notice}"
            " jours) court encore pour cette facture"
        )


__all__ = ["say_under_deadline", "say_under_envelope", "under_deadline", "under_envelope"]
