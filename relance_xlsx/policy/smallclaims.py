"""No letter of its own for a trivial claim: penalties of a few euros (the legal interest of a
consumer who paid a few days after a notice, 0,79 €) would cost more to post than they claim
(the lawyer's review, finding 15). Below [policy] claim_minimum they are not claimed apart:
they stay due, said in the status and in one warning, and join the client's next dunning
letter if one goes while the payment is within claim_within_days."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import Policy
from ..wording import money


def _owed(interest: float, indemnity: float) -> str:
    """« intérêts 0,79 € », « pénalités 3,10 € et indemnité 0,00 € » (no part at zero)."""
    if not indemnity:
        return f"intérêts {money(interest)}"
    if not interest:
        return f"indemnité {money(indemnity)}"
    return f"pénalités {money(interest)} et indemnité {money(indemnity)}"


def below_minimum(
    out: pd.DataFrame, frame: pd.DataFrame, claims: np.ndarray, policy: Policy
) -> tuple[np.ndarray, list[str], list[str]]:
    """Of these rows, claimed in a letter of their own, those whose client's total is under
    claim_minimum: the rows, their status, and one warning per client."""
    minimum = policy.claim_minimum
    none = np.zeros(len(out), dtype=bool)
    if minimum <= 0 or not claims.any():
        return none, [], []
    client = frame["client"].astype(str).to_numpy(dtype=object)
    owed = (out["interest"] + out["indemnity"]).to_numpy(dtype=float)
    totals: dict[str, float] = {}
    for name, amount in zip(client[claims], owed[claims], strict=True):
        totals[name] = totals.get(name, 0.0) + float(amount)
    small = {name for name, total in totals.items() if round(total, 2) < minimum - 0.005}
    rows = claims & np.fromiter(map(small.__contains__, client), bool, len(client))
    floor = f"sous le minimum d'un courrier à part ({money(minimum)}, [policy] claim_minimum)"
    later = (
        "à joindre au prochain courrier de relance du client s'il en reçoit un dans les "
        f"{policy.claim_within_days} jours du règlement"
    )
    reasons = [
        f"Réglée après l'échéance : {_owed(i, n)} dus, {floor} : non réclamés seuls ; {later}"
        for i, n in zip(out.loc[rows, "interest"], out.loc[rows, "indemnity"], strict=True)
    ]
    warnings = [
        f"{name} : {money(round(totals[name], 2))} de pénalités ou d'intérêts de retard non "
        f"réclamés par un courrier séparé, {floor} : un courrier coûterait plus qu'il ne "
        f"réclame. Ils restent dus ; {later}."
        for name in sorted(small)
    ]
    return rows, reasons, warnings


__all__ = ["below_minimum"]
