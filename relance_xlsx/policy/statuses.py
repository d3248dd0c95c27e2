"""The sentences added to an invoice's status once its rule is known: paid late, claimed,
a promise broken, prescribed soon."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..wording import date_short, money


def say_claimed(out: pd.DataFrame, mask: np.ndarray, frame: pd.DataFrame) -> None:
    """The status of an invoice whose penalties go out today in a letter of their own."""
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        f"Réglée le {date_short(paid.date())}, après l'échéance : "
        + (
            f"intérêts {money(i)} réclamés"
            if n == 0
            else f"pénalités {money(i)} et indemnité {money(n)} réclamées"
        )
        for paid, i, n in zip(
            frame.loc[rows, "payment_date"],
            out.loc[rows, "interest"],
            out.loc[rows, "indemnity"],
            strict=True,
        )
    ]


def say_paid_late(out: pd.DataFrame, mask: np.ndarray) -> None:
    """Paid after the due date: what the law still gives, said in the status, not waived."""
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        f"{reason} ; réglée après l'échéance : pénalités {money(i)} et indemnité {money(n)} "
        "restent dues (Code de commerce L441-10), à réclamer si vous le décidez"
        for reason, i, n in zip(
            out.loc[rows, "reason"],
            out.loc[rows, "interest"],
            out.loc[rows, "indemnity"],
            strict=True,
        )
    ]


def say_broken(out: pd.DataFrame, mask: np.ndarray, promised: pd.Series) -> None:
    """A promise to pay that passed unpaid: the escalation resumes, and the reason says why."""
    if not mask.any():
        return
    rows = out.index[mask]
    out.loc[rows, "reason"] = [
        f"{reason} ; promesse du {date_short(day.date())} non tenue"
        for reason, day in zip(out.loc[rows, "reason"], promised[rows], strict=True)
    ]


def say_soon_prescribed(out: pd.DataFrame, mask: np.ndarray, ends: pd.Series) -> list[str]:
    """Flag the claims time-barred soon, in their reason and in one warning of the run."""
    if not mask.any():
        return []
    rows = out.index[mask]
    days = [date_short(d.date()) for d in ends[rows]]
    out.loc[rows, "reason"] = [
        f"{reason} ; prescrite le {day} : à défaut de paiement, agissez avant (injonction de "
        "payer ou reconnaissance de dette signée)"
        for reason, day in zip(out.loc[rows, "reason"], days, strict=True)
    ]
    last = date_short(ends[rows].max().date())
    return [
        f"{len(rows)} facture(s) prescrite(s) d'ici le {last} : à traiter en priorité "
        "(voir leur motif)."
    ]


__all__ = ["say_broken", "say_claimed", "say_paid_late", "say_soon_prescribed"]
