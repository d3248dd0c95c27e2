"""A dispute over part of an invoice (« contesté 200 € » on 1 200 €): the invoice stays held
(prudent: which part is disputed is the client's word), but its status says what is not
disputed and stays due, for the user to claim if they decide to (review-lawhand 5)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..wording import money

_DISPUTE = "En litige « "
# The first amount the remark gives in euros: « 200 € », « 1 200,50 € », « 200 euros ».
_AMOUNT = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:[,.](\d{1,2}))?\s*(?:€|eur)", re.I)


def disputed_amount(text: str) -> float | None:
    """The amount in euros a dispute's text names, if any."""
    found = _AMOUNT.search(text)
    if not found:
        return None
    whole = re.sub(r"[ \u00a0\u202f.]", "", found.group(1))
    return float(f"{whole}.{found.group(2) or '0'}")


def partly_disputed(holds: dict[str, Any], outstanding: np.ndarray) -> dict[str, Any]:
    """The holds, a dispute's status saying the undisputed part when it names an amount
    smaller than what remains of the invoice."""
    reason = np.array(holds["hold_reason"], dtype=object)
    for i, said in enumerate(reason.tolist()):
        if not (isinstance(said, str) and said.startswith(_DISPUTE)):
            continue
        quoted = said[len(_DISPUTE) : said.find(" »")]
        part, left = disputed_amount(quoted), float(outstanding[i])
        if part is None or not 0.005 < part < left - 0.005:
            continue
        reason[i] = (
            f"En litige sur {money(part)} : {money(round(left - part, 2))} non contestés "
            "restent exigibles (à réclamer si vous le décidez) ; "
            f"{said[len('En litige ') :]}"
        )
    return {**holds, "hold_reason": reason}


__all__ = ["disputed_amount", "partly_disputed"]
