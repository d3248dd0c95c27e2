"""The 40 € recovery indemnity is due once per invoice (Code de commerce D441-5), never once
per instalment: an invoice in instalments is one row per instalment (ledger/echeancier.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def once_per_invoice(frame: pd.DataFrame, indemnity: np.ndarray) -> np.ndarray:
    """The indemnity kept on one charged row of each invoice (its client and number), 0 on
    the rows of its other instalments: an instalment still owed first (the letter that
    claims it carries the 40 €, review-lawre 2), else the first; rows without a number are
    each their own."""
    charged = np.flatnonzero(indemnity > 0.005)
    if len(charged) < 2 or "invoice" not in frame:
        return indemnity
    numbers = frame["invoice"].to_numpy(dtype=object)[charged]
    # Most numbers appear once: only those that repeat are looked at (0.4 s at a million rows
    # for all of them, 0.05 s to find none repeats).
    repeats = pd.Series(numbers).duplicated(keep=False).to_numpy(dtype=bool)
    if not repeats.any():
        return indemnity
    charged, numbers = charged[repeats], numbers[repeats]
    named = np.array([n is not None and n == n and str(n).strip() != "" for n in numbers])
    if named.sum() < 2:
        return indemnity
    rows = charged[named]
    owed = frame["outstanding"].to_numpy(dtype=float)[rows] > 0.005 if "outstanding" in frame else 0
    keys = pd.DataFrame(
        {
            "client": frame["client"].to_numpy(dtype=object)[rows],
            "number": [str(n).strip() for n in numbers[named]],
        }
    ).astype(str)
    keys["paid"] = ~np.asarray(owed, dtype=bool)  # an open instalment sorts first
    keys["row"] = rows
    keys = keys.sort_values(["paid", "row"], kind="stable")
    repeated = keys.duplicated(["client", "number"], keep="first").to_numpy(dtype=bool)
    if not repeated.any():
        return indemnity
    out = np.array(indemnity, dtype=float, copy=True)
    out[keys["row"].to_numpy()[repeated]] = 0.0
    return out


__all__ = ["once_per_invoice"]
