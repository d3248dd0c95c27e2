"""A part payment made once the claim was barred: it interrupts nothing (Code civil 2240
interrupts a running term); at most a renunciation, if unequivocal (2250-2251) (review-lawnew2,
5)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..wording import date_short


def paid_after_text(paid: Any) -> str:
    """What the status of such an invoice adds: the payment did not interrupt the prescription,
    a renunciation only if unequivocal, to check before any action."""
    return (
        f" ; le règlement du {_day(paid)}, postérieur à la prescription, ne l'a pas "
        "interrompue ; il ne vaut renonciation que s'il est sans équivoque (Code civil "
        "2250-2251) : à vérifier avant toute action"
    )


def _day(value: Any) -> str:
    return date_short(pd.Timestamp(value).date())


__all__ = ["paid_after_text"]
