"""Credit notes that name their invoice: « Facture d'origine » column, or « Avoir sur F2026-012 »
in the remarks. The invoice's interest runs on a base lowered by the credit from its date."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..wording import money
from .clients import key_of
from .coded import Coded, nones
from .grid import Grid
from .imputation import impute_received
from .problems import Problem

# « Avoir sur F2026-012 », « avoir sur facture n° 151 », « Avoir relatif à la facture F-7 »,
# « Credit note for invoice INV-12 »: the number is the first word after those words.
# « Avoir n° AV-2026-15 annulant la facture n°111 », « annulation de la facture 111 »,
# « Credit note cancelling invoice INV-7 » (the second legal review).
_NAMES = re.compile(
    r"\b(?:avoir|credit\s+note|credit|annulation)\b[^\n]{0,30}?\b(?:sur|pour|relatif\s+[aà]|"
    r"concernant|annulant|cancell?ing|on|for|against|de(?=\s+(?:la\s+)?(?:facture|invoice)))\s+(?:la\s+|l[’']\s*)?(?:facture|invoice|fact\.?|fa)?\s*"
    r"(?:n\s*[°º]|no\.?|num[ée]ro|#)?\s*(?P<number>[A-Za-z0-9][\w\-/.]*\d[\w\-/]*)",
    re.IGNORECASE,
)

# « Facture n° F-12 » in an origin column: the number is what follows.
# The words only when they stand apart: « FACT-2026-01 » and « NO1 » are numbers themselves.
_ORIGIN_PREFIX = re.compile(
    r"^\s*(?:(?:facture|invoice)(?=[\s.:°º#]|$)\.?|fact\.)?\s*"
    r"(?:n\s*[°º]|no\.|no(?=\s)|#)?\s*",
    re.I,
)


def named_invoice(text: Any) -> str | None:
    """The invoice number a remark names after « avoir sur … », or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    found = _NAMES.search(text)
    return found.group("number").rstrip(".") if found else None


def credit_columns(
    grid: Grid,
    invoice: Coded,
    client: Coded,
    is_credit: np.ndarray,
    amount: np.ndarray,
    invoice_date: np.ndarray,
) -> dict[str, Any]:
    """On each credit note, the invoice it names; on each invoice, its credits (date, amount).

    The invoice is looked for among the same client's, by number (case and spaces folded).
    A credit naming an invoice that is not there is a warning on its row: it is still deducted
    from what the client owes, without changing any invoice's interest.
    """
    rows = len(grid)
    out: dict[str, Any] = {
        "credit_for": nones(rows),
        "credits": nones(rows),
    }
    credit_rows = np.flatnonzero(is_credit).tolist()
    if not credit_rows:
        return out
    named = _named(grid, credit_rows)
    if not named:
        return out
    by_key: dict[tuple[str, str], int] = {}
    numbers, clients = invoice.array(), client.array()
    for i in np.flatnonzero(~is_credit).tolist():
        by_key.setdefault((key_of(clients[i]), key_of(numbers[i])), i)
    for i, (number, field) in named.items():
        target = by_key.get((key_of(clients[i]), key_of(number)))
        out["credit_for"][i] = number
        if target is None:
            grid.problem(
                i, field, grid.raw(field).at(i),
                f"avoir sur la facture {number} : facture introuvable pour ce client ; l'avoir "
                "reste déduit du total, sans effet sur les intérêts",
                "warning",
            )  # fmt: skip
            continue
        given = out["credits"][target] or ()
        out["credits"][target] = (*given, (pd.Timestamp(invoice_date[i]), float(-amount[i])))
    return out


def _named(grid: Grid, rows: list[int]) -> dict[int, tuple[str, str]]:
    """The invoice each credit-note row names, and the field that says it: its origin
    column, else its remarks or its object."""
    named: dict[int, tuple[str, str]] = {}
    origin = grid.raw("origin_invoice")
    for i in rows:
        value = origin.at(i)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = _ORIGIN_PREFIX.sub("", str(value)).strip() if value is not None else ""
        if text:
            named[i] = (text, "origin_invoice")
            continue
        for field in ("remarks", "object", "invoice"):
            found = named_invoice(grid.raw(field).at(i))
            if found:
                named[i] = (found, field)
                break
    return named


def settle_by_credits(frame: pd.DataFrame, tolerance: float) -> list[Problem]:
    """Invoices the credit notes naming them cancel, in place: settled on the last credit's
    date, as if paid that day (a late « payment » still owes what ran before it, L441-10),
    never chased as unpaid. The credit notes are used up by what they settle.

    credited_on: that date (NaT otherwise); credited: the amount of credit used. The
    invoice's own paid column is kept: its interest is computed on its real payments.

    Returns a warning for each credit note the ledger contradicts: one naming an invoice
    already paid in full, or one larger than what its invoice left to settle; what it could
    not settle stays an open credit, never deducted from any invoice's penalties.
    """
    frame["credited_on"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    frame["credited"] = 0.0
    named = frame["credit_for"].notna().to_numpy(dtype=bool)
    tied = named & frame["is_credit"].to_numpy(dtype=bool)
    tied &= frame["valid"].to_numpy(dtype=bool) & (frame["outstanding"] < 0).to_numpy()
    if not tied.any():
        impute_received(frame, tolerance)
        return []
    owed = ~frame["is_credit"] & ~frame["is_paid"] & frame["valid"] & (frame["outstanding"] > 0)
    by_key = {
        (key_of(c), key_of(n)): i
        for i, c, n in zip(
            frame.index[owed], frame.loc[owed, "client"], frame.loc[owed, "invoice"], strict=True
        )
    }
    # Invoices paid in full that a credit note names (credit_columns found them): a few.
    paid = ~frame["is_credit"] & frame["is_paid"] & frame["valid"] & frame["credits"].notna()
    settled = {
        (key_of(c), key_of(n)): i
        for i, c, n in zip(
            frame.index[paid], frame.loc[paid, "client"], frame.loc[paid, "invoice"], strict=True
        )
    }
    credits: dict[Any, list[Any]] = {}
    problems = []
    for i in frame.index[tied]:
        key = (key_of(frame.at[i, "client"]), key_of(frame.at[i, "credit_for"]))
        target = by_key.get(key)
        if target is not None:
            credits.setdefault(target, []).append(i)
        elif key in settled:  # paid in full all the same: the ledger contradicts itself
            problems.append(_unused(frame, i, settled[key], 0.0))
    for target, rows in credits.items():
        remaining = float(frame.at[target, "outstanding"])
        if remaining + float(frame.loc[rows, "outstanding"].sum()) > tolerance:
            continue  # partly credited: chased for the rest, the credit deducted in its letter
        _settle(frame, target, sorted(rows, key=lambda r: frame.at[r, "invoice_date"]))
        problems += [
            _unused(frame, r, target, remaining)
            for r in rows
            if float(frame.at[r, "outstanding"]) < -tolerance
        ]
    impute_received(frame, tolerance)  # then the payments received, applied by law (1342-10)
    return problems


def _unused(frame: pd.DataFrame, row: Any, target: Any, owed: float) -> Problem:
    """The warning on a credit note that could not be used in full on the invoice it names:
    its row, the invoice, the amounts; what is left is an open credit, said « non imputé »."""
    number, invoice = frame.at[row, "invoice"], frame.at[target, "invoice"]
    whole = money(-float(frame.at[row, "amount"]))
    left = money(-float(frame.at[row, "outstanding"]))
    if owed < 0.005:  # the invoice was paid in full, none of the credit used
        paid, amount = float(frame.at[target, "paid"]), float(frame.at[target, "amount"])
        why = f"elle est déjà réglée en entier ({money(paid)} réglés sur {money(amount)})"
    else:
        why = f"il dépasse ce qui en restait dû ({money(owed)})"
    return Problem(
        int(frame.at[row, "row"]),
        None,
        None,
        f"avoir {number} de {whole} sur la facture {invoice} : {why} ; reste de l'avoir, non "
        f"imputé sur cette facture : {left}. Il reste un avoir ouvert du client : les "
        "courriers, le dossier de contentieux et la déclaration de créance le déduisent du "
        "principal de ses autres "
        "factures réclamées (compensation, Code civil 1347), jamais des pénalités ni des "
        "indemnités, et disent « avoir non imputé » ce qui dépasse ce principal. Corrigez le "
        "classeur s'il se trompe (montant réglé, montant ou facture d'origine de l'avoir) ; "
        "ne remboursez au client que ce qui n'est déduit d'aucune demande, sans quoi il "
        "serait compté deux fois.",
        "warning",
    )


def _settle(frame: pd.DataFrame, target: Any, rows: list[Any]) -> None:
    """One invoice settled by these credit notes (oldest first), each used up to its need."""
    remaining = float(frame.at[target, "outstanding"])
    dated = frame.at[target, "paid"] > 0 and pd.notna(frame.at[target, "payment_date"])
    if dated and frame.at[target, "payments"] is None:  # its payment keeps its own date
        day, paid = frame.at[target, "payment_date"], float(frame.at[target, "paid"])
        frame.at[target, "payments"] = ((day, paid),)
    for row in rows:
        use = min(remaining, -float(frame.at[row, "outstanding"]))
        frame.at[row, "outstanding"] = round(float(frame.at[row, "outstanding"]) + use, 2)
        remaining = round(remaining - use, 2)
    days = [frame.at[r, "invoice_date"] for r in rows if pd.notna(frame.at[r, "invoice_date"])]
    day = max(days, default=pd.NaT)
    frame.at[target, "credited_on"] = day
    frame.at[target, "credited"] = round(float(frame.at[target, "outstanding"]) - remaining, 2)
    frame.at[target, "outstanding"] = remaining
    frame.at[target, "is_paid"] = True
    # Settled on the credit's day, unless paid later; a payment without a day keeps none:
    # the credit does not date it (its interest is then as an undated payment's alone).
    undated = frame.at[target, "paid"] > 0 and pd.isna(frame.at[target, "payment_date"])
    if pd.notna(day) and not undated and not frame.at[target, "payment_date"] > day:
        frame.at[target, "payment_date"] = day


__all__ = ["credit_columns", "named_invoice", "settle_by_credits"]
