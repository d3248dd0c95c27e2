"""Which credit notes a letter deducts, and where: a credit note applies once.

A credit note that names its invoice (« Facture d'origine », « Avoir sur F-12 ») reduces that
invoice only: it is deducted in the part that lists the invoice, and left out of a letter that
does not claim it (the invoice recalled under a notice, or waiting). A credit note that names
no open invoice of the client (or what is left of one larger than its invoice) is set against
what the client owes by compensation (Code civil 1347): the letter deducts it in its first
part, as the litigation file and the statement of account do, so that the letter, the file
and the balance it annexes claim one sum (review-lawhand 1). A payment received and not
applied is shown, not deducted (the ledger imputes it by law, 1342-10). The demand of a
letter therefore never counts a credit twice, and never falls to zero or below because of
one (truth.py refuses it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..ledger import (
    KIND_CLAIM,
    KIND_FORMAL_NOTICE,
    KIND_LABELS,
    KIND_PRE_DUE,
    KIND_REMINDER_1,
    KIND_REMINDER_2,
)

if TYPE_CHECKING:
    from .plan import LetterPlan
    from .records import LetterRows


# The letters that ask for a sum: it must be more than nothing.
DEMANDS = (KIND_FORMAL_NOTICE, KIND_REMINDER_2, KIND_REMINDER_1, KIND_CLAIM, KIND_PRE_DUE)


def open_numbers(frame: pd.DataFrame, clients: Iterable[str]) -> dict[str, set[str]]:
    """The numbers (folded) of each of these clients' invoices still open."""
    wanted = set(clients)
    if not wanted:
        return {}
    mine = frame["client"].isin(wanted).to_numpy(dtype=bool)
    open_ = (
        mine
        & frame["valid"].to_numpy(dtype=bool)
        & ~frame["is_credit"].to_numpy(dtype=bool)
        & ~frame["is_paid"].to_numpy(dtype=bool)
    )
    out: dict[str, set[str]] = {}
    sub = frame.loc[open_, ["client", "invoice"]]
    for client, number in zip(sub["client"].tolist(), sub["invoice"].tolist(), strict=True):
        out.setdefault(str(client), set()).add(key_of(number))
    return out


def split_credits(
    frame: pd.DataFrame,
    credits: Sequence[Any],
    parts: Sequence[Sequence[Any]],
    still_open: set[str],
) -> tuple[list[tuple[Any, ...]], tuple[Any, ...]]:
    """The credits each part deducts (those naming one of its invoices), and the free ones
    (naming no open invoice of the client); a credit naming another open invoice: neither."""
    where = {key_of(frame.at[row, "invoice"]): i for i, rows in enumerate(parts) for row in rows}
    tied: list[list[Any]] = [[] for _ in parts]
    free: list[Any] = []
    for row in credits:
        target = frame.at[row, "credit_for"] if "credit_for" in frame else None
        key = key_of(target) if isinstance(target, str | int | float) and _given(target) else ""
        if key and key in where:
            tied[where[key]].append(row)
        elif not key or key not in still_open:
            free.append(row)
    return [tuple(t) for t in tied], tuple(free)


def compensated(
    frame: pd.DataFrame, first: tuple[Any, ...], free: tuple[Any, ...]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The first part's credit notes with the client's free ones added (compensation, Code
    civil 1347), and what stays shown, not deducted: the payments received, not applied."""
    received = frame.get("on_account")
    kept = tuple(c for c in free if received is not None and bool(received.at[c]))
    return (*first, *(c for c in free if c not in kept)), kept


def key_of(value: Any) -> str:
    """An invoice number folded as the ledger matches credit notes to invoices: case and
    spaces; 1001.0 is 1001."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()).casefold() if value not in (None, "") else ""


def _given(value: Any) -> bool:
    return not (isinstance(value, float) and value != value) and str(value).strip() != ""


def demand_refusals(plan: LetterPlan, data: LetterRows, context: dict[str, Any]) -> list[str]:
    """A letter that asks for money asks for more than nothing, in each part and once the
    client's free credit notes are set against it: never « la somme de -300,00 € »."""
    if plan.kind not in DEMANDS:
        return []
    out = [
        f"la partie « {KIND_LABELS.get(part.kind, part.kind)} » demanderait "
        f"{shown['totals']['claimed']} : une somme nulle ou "
        "négative ne se réclame pas (avoir à imputer ou à rembourser)"
        for part, shown in zip(plan.all_parts, context["parts"], strict=True)
        if shown["figures"]["claimed"] < 0.005
    ]
    out += [  # compensation takes the principal only, never the penalties (as the file does)
        f"les avoirs du client ({shown['totals']['credits']}) dépassent le principal de la "
        f"partie « {KIND_LABELS.get(part.kind, part.kind)} » : imputez-les sur ses factures "
        "(colonne « Facture d'origine ») ou remboursez-les"
        for part, shown in zip(plan.all_parts, context["parts"], strict=True)
        if shown["figures"]["outstanding"] < -0.005 and shown["figures"]["claimed"] >= 0.005
    ]
    rows = data.of(plan.free_credit_rows)
    free = -round(float(sum(r["outstanding"] for r in rows)), 2)
    claimed = round(sum(p["figures"]["claimed"] for p in context["parts"]), 2)
    received = [bool(r.get("on_account")) for r in rows]
    what = (
        "les règlements reçus non imputés"
        if received and all(received)
        else "les avoirs et règlements non imputés"
        if any(received)
        else "les avoirs disponibles"
    )
    if free > 0.005 and claimed - free < 0.005 and not out:
        out.append(
            f"{what} du client ({context['totals']['available']}) couvrent la "
            f"somme demandée ({context['totals']['claimed']}) : imputez-les sur ses factures "
            "(colonne « Facture d'origine ») ou remboursez-les"
        )
    return out


__all__ = ["DEMANDS", "compensated", "demand_refusals", "open_numbers", "split_credits"]
