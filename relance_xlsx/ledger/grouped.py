"""A receipt naming several invoices (« F2026-102 F2026-103 », « F-1, F-2 »): split into
each invoice's own amount when it is their sum, else its invoices held (review-nextcase H7)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from ..wording import money
from .clients import key_of
from .payer import mark_held

if TYPE_CHECKING:
    from .payments import PaymentsTable

# Between two invoice numbers of one receipt: a comma, « / », « ; », « + », « & », « et », a space.
_BETWEEN = re.compile(r"\s*(?:[,;/+&]|\bet\b)\s*|\s+", re.IGNORECASE)
# A cell that may name several invoices: worth keeping its line (a space or a separator).
MAYBE_SEVERAL = re.compile(r"\S\s*(?:[,;/+&\s]|\bet\b)\s*\S", re.IGNORECASE)


def parts(typed: str) -> list[str]:
    """The invoice numbers a receipt's « Facture réglée » names, as typed."""
    return [p for p in _BETWEEN.split(typed.strip()) if p]


def split_grouped(
    frame: pd.DataFrame, table: PaymentsTable, keys: list[str], tolerance: float
) -> tuple[PaymentsTable, list[str]]:
    """The table with each receipt naming several invoices of the ledger split into each
    one's amount when it equals their sum; otherwise those invoices held, in place, and a
    warning naming the receipt's line. Lines naming one invoice are left as they are."""
    known = {k: i for i, k in reversed(list(enumerate(keys))) if k}
    dated = {k: list(v) for k, v in table.payments.items()}
    undated = list(table.undated)
    warnings: list[str] = []
    for typed, line, day, paid in table.grouped:
        if key_of(typed) in known:
            continue  # one invoice whose number has a space: read as it is
        named = list(dict.fromkeys(key_of(p) for p in parts(typed)))
        ours = [k for k in named if k in known]
        if len(named) < 2 or not ours:
            continue
        amounts = [float(frame["amount"].iloc[known[k]]) for k in ours]
        # The receipt is split or held below: never also an unknown invoice « F-1, F-2 ».
        whole = key_of(typed)
        undated = [u for u in undated if (u[0], u[2]) != (whole, line)]
        if day is not None and whole in dated:
            dated[whole] = [p for p in dated[whole] if p != (day, paid)]
        if len(ours) == len(named) and abs(sum(amounts) - paid) <= tolerance:
            for k, amount in zip(ours, amounts, strict=True):
                if day is None:
                    undated.append((k, str(frame["invoice"].iloc[known[k]]), line, amount))
                else:
                    dated.setdefault(k, []).append((day, amount))
            continue
        said = _held(table.sheet, typed, line, paid, sum(amounts), len(ours) < len(named))
        for k in ours:
            mark_held(frame, frame.index[known[k]], said)
        warnings.append(said[0].upper() + said[1:] + ".")
    payments = {k: tuple(sorted(v)) for k, v in dated.items() if v}
    return replace(table, payments=payments, undated=tuple(undated)), warnings


def _held(sheet: str, typed: str, line: int, paid: float, owed: float, unknown: bool) -> str:
    """Why the invoices a receipt names together are held."""
    why = (
        "certaines ne sont pas dans la feuille des factures"
        if unknown
        else f"leur montant total est de {money(owed)}"
    )
    return (
        f"feuille « {sheet} », ligne {line} : le règlement de {money(paid)} nomme les factures "
        f"« {typed.strip()} » et {why} : il ne peut être réparti ; ces factures ne sont ni "
        "tenues pour réglées ni relancées tant que le règlement n'est pas réparti dans la "
        "feuille, une ligne par facture"
    )


__all__ = ["MAYBE_SEVERAL", "parts", "split_grouped"]
