"""A guessed amount checked against the paid and balance columns the reader will also read
(review-pubwb7 H6): `check --suggest-config` never writes an amount that a paid column exceeds,
a balance column (« Reste dû ») taken for the invoice's amount beside a paid one (the payment
would be deducted twice), nor one whose amount − paid disagrees with a balance column."""

from __future__ import annotations

from typing import Any

from .columns import match_headers
from .values import parse_amount

_TOLERANCE = 0.01


def is_balance(header: str) -> bool:
    """Whether a header names what is left to pay (« Reste dû »), beside an amount."""
    return match_headers(["Montant TTC", header], {}).get("balance") == 1


def _value(row: list[Any], j: int | None) -> float | None:
    """The amount of one cell, None when it holds none."""
    if j is None or j >= len(row):
        return None
    try:
        found = parse_amount(row[j], None)
    except ValueError:
        return None
    return None if found is None else float(found.value)


def amount_doubt(row: list[Any], sample: list[list[Any]], guess: dict[str, str]) -> str | None:
    """Why the guessed amount cannot be written, in French (None when the rows agree)."""
    if "amount" not in guess:
        return None
    headers = [str(v).strip() if isinstance(v, str) else "" for v in row]
    amount = headers.index(guess["amount"]) if guess["amount"] in headers else None
    if amount is None:
        return None
    found = match_headers(row, {})
    paid = found.get("paid")
    balance = next(
        (j for j, h in enumerate(headers) if h and j not in (amount, paid)
         and is_balance(h)),
        None,
    )  # fmt: skip
    if paid is None:
        return None
    names = f"« {headers[amount]} »", f"« {headers[paid]} »"
    received = any((_value(r, paid) or 0) > 0 for r in sample)
    if received and is_balance(headers[amount]):
        return (
            f"{names[0]} est un reste dû, pas le montant de la facture : {names[1]} en serait "
            "déduit une seconde fois ; nommez la colonne du montant de la facture "
            '(amount = "…") dans la section [columns] de relance.toml'
        )
    over, off = 0, 0
    for r in sample:
        a, p, b = _value(r, amount), _value(r, paid), _value(r, balance)
        if a is None or p is None:
            continue
        over += a >= 0 and p > a + _TOLERANCE
        off += b is not None and abs(a - p - b) > _TOLERANCE
    if over:
        return f"{names[1]} dépasse {names[0]} sur {over} ligne(s) : le montant deviné est douteux"
    if off:
        return (
            f"{names[0]} moins {names[1]} ne donne pas « {headers[balance or 0]} » sur {off} "
            "ligne(s) : le montant deviné est douteux"
        )
    return None


__all__ = ["amount_doubt", "is_balance"]
