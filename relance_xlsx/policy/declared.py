"""Penalties of an invoice paid late, before its client's opening judgment: a claim born before
the judgment, so declared to the mandataire judiciaire (the liquidateur in a liquidation) with
the rest of the claim (Code de commerce L622-24, L641-3), never claimed from the client nor in
court (L622-21). Late-payment interest runs up to the payment, the 40 € is due for an invoice
due before the judgment (L441-10 II, D441-5). An invoice paid on or after the judgment is the
L622-7 path (insolvent.py): declared whole, unchanged here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .insolvent import LIQUIDATION
from .prescription import column

DECLARED = "à déclarer au {who} (déclaration de créance)"


def declared_penalties(frame: pd.DataFrame) -> np.ndarray:
    """Invoices of a client in collective proceedings paid in full after their due date and
    before the opening judgment (or the judgment's day unknown): their penalties are declared."""
    insolvent = in_proceedings(frame)
    if not insolvent.any():
        return insolvent
    client = frame["client"]
    judged = column(frame, "judgment_date").groupby(client).transform("max")
    paid_on = column(frame, "payment_date")
    before = (paid_on < judged).to_numpy(dtype=bool) | judged.isna().to_numpy(dtype=bool)
    late = (
        frame["valid"].to_numpy(dtype=bool)
        & frame["is_paid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & (frame["paid"].to_numpy(dtype=float, na_value=0.0) > 0.005)  # not cancelled
        & (paid_on > column(frame, "due_date")).to_numpy(dtype=bool)
    )
    return insolvent & before & late


def in_proceedings(frame: pd.DataFrame) -> np.ndarray:
    """The invoices of a client in collective proceedings (one invoice marked is enough)."""
    if "insolvent" not in frame or not frame["insolvent"].to_numpy(dtype=bool).any():
        return np.zeros(len(frame), dtype=bool)  # no grouping on a million rows without any
    return frame["insolvent"].groupby(frame["client"]).transform("any").to_numpy(dtype=bool)


def declared_to(frame: pd.DataFrame, rows: pd.Index) -> list[str]:
    """« à déclarer au mandataire judiciaire (déclaration de créance) » for each of these rows,
    « au liquidateur judiciaire » in a liquidation."""
    if "proceedings" not in frame:
        return [DECLARED.format(who="mandataire judiciaire")] * len(rows)
    liquidation = (frame["proceedings"] == LIQUIDATION).groupby(frame["client"]).transform("any")
    return [
        DECLARED.format(who="liquidateur judiciaire" if liquid else "mandataire judiciaire")
        for liquid in liquidation.loc[rows].tolist()
    ]


__all__ = ["DECLARED", "declared_penalties", "declared_to", "in_proceedings"]
