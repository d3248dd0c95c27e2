"""A payment said but not sure (« Payé en double », « Réglé selon client », « Virement à
vérifier »): the money may already pay the client's other invoices (Code civil 1342-10,
imputation on the oldest due debt), so every letter of that client is held until the office
checks its bank statement (review-lawnew2, 1)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

# The words of the hold reason ledger/pending.py writes for such a status (DOUBTFUL_PAID).
_MARK = "règlement annoncé mais incertain"
# How a statement of account names such a piece: never « contestée » (the client says it paid).
DOUBTFUL_LABEL = "règlement annoncé, en vérification"


def doubtful(reason: Any) -> bool:
    """Whether a hold reason is that of a payment said but not sure."""
    return isinstance(reason, str) and _MARK in reason


def hold_doubtful_clients(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every open invoice of a client holding a doubtful payment held too, its
    reason naming the doubtful invoices; the frame itself when there is none."""
    if "hold_reason" not in frame or not frame["hold"].to_numpy(dtype=bool).any():
        return frame
    reasons = frame["hold_reason"].to_numpy(dtype=object)
    marked = frame["hold"].to_numpy(dtype=bool) & np.array([doubtful(r) for r in reasons])
    if not marked.any():
        return frame
    clients = frame["client"].astype(str).to_numpy(dtype=object)
    named: dict[str, list[str]] = {}
    for client, number in zip(clients[marked], frame["invoice"].to_numpy()[marked], strict=True):
        named.setdefault(client, []).append(str(number))
    others = (
        np.isin(clients, list(named))
        & ~frame["hold"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
    )
    if not others.any():
        return frame
    out = frame.copy()
    out["hold"] = frame["hold"].to_numpy(dtype=bool) | others
    said = reasons.copy()
    for i in np.flatnonzero(others).tolist():
        said[i] = _sentence(named[clients[i]])
    out["hold_reason"] = said
    return out


def _sentence(numbers: list[str]) -> str:
    """« En attente : règlement annoncé mais incertain sur la facture S2 : vérifiez … »."""
    which = (
        f"la facture {numbers[0]}" if len(numbers) == 1 else "les factures " + ", ".join(numbers)
    )
    return (
        f"En attente : règlement annoncé mais incertain sur {which} : vérifiez le relevé "
        "avant toute relance (le règlement peut s'imputer sur cette facture, Code civil "
        "1342-10)"
    )


__all__ = ["DOUBTFUL_LABEL", "doubtful", "hold_doubtful_clients"]
