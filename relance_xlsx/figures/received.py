"""What a bank transfer already paid of the penalties a litigation file or a declaration
claims (journal « Pénalités réglées (banque) »): the interest table stays whole, and the
document says what was deducted from it, so that table − deduction = what is claimed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..wording import join_list, money


def _invoices(numbers: list[str]) -> str:
    return ("facture " if len(numbers) == 1 else "factures ") + join_list(numbers)


def excess_received(invoices: Sequence[Any]) -> float:
    """What transfers paid beyond the invoices' interest tables (positive, 0 when none)."""
    return round(
        sum(
            max(float(i.interest_paid) - sum(float(p[5]) for p in i.periods), 0.0) for i in invoices
        ),
        2,
    )


def _surplus(invoices: Sequence[Any], indemnity: bool, imputed: bool) -> str:
    """What a transfer paid beyond each invoice's interest table (the fourth legal review, 8).
    In a litigation file (imputed) it goes by law on the only debt left of that kind, the
    indemnity (Code civil 1342-10 al. 2; review-lawnew M2), the rest to give back (1302-1);
    elsewhere (a declaration) it is said, the choice left to the creditor."""
    over = excess_received(invoices)
    if over < 0.005:
        return ""
    owed = round(sum(float(getattr(i, "indemnity", 0) or 0) for i in invoices), 2)
    if imputed and owed > 0.005:
        used = min(over, owed)
        back = (
            f" ; reste {money(over - used)} à restituer (Code civil 1302-1)"
            if over - used > 0.005
            else ""
        )
        return (
            f" Excédent de {money(over)} reçu, imputé sur l'indemnité forfaitaire "
            f"(Code civil 1342-10) : {money(owed)} − {money(used)} = {money(owed - used)} "
            f"réclamés au titre de l'indemnité{back}."
        )
    use = "à imputer sur l'indemnité ou à restituer" if indemnity else "à restituer"
    return f" Excédent de {money(over)} reçu, {use} (Code civil 1342-10 et 1302-1)."


def received_lines(
    invoices: Sequence[Any], name: str, indemnity: bool = True, verb: str = "réclamés"
) -> list[str]:
    """The interest and the indemnity already received by transfer, each deducted from what
    the table or the law gives; nothing when no transfer paid any. name: what the law calls
    the interest (« pénalités de retard », « intérêts moratoires »…), in lower case.
    indemnity: False where the indemnity received is not deducted (a declaration); verb: what
    is done with the rest (« réclamés », « déclarés »)."""
    out = []
    indemnity_owed = any(float(getattr(i, "indemnity", 0) or 0) > 0.005 for i in invoices)
    table = round(sum(float(p[5]) for i in invoices for p in i.periods), 2)
    interest = round(sum(i.interest for i in invoices), 2)
    deducted = round(table - interest, 2)
    paid = [i.number for i in invoices if i.interest_paid > 0.005]
    received = round(sum(i.interest_paid for i in invoices), 2)
    if paid and deducted > 0.005:
        # More received than the table now gives (interest stopped at an earlier payment):
        # only the table is deducted, and the file says what came in.
        what = "reçus" if received - deducted < 0.005 else f"imputés sur {money(received)} reçus"
        out.append(
            f"Déjà reçu par virement au titre des {name} ({_invoices(paid)}), déduit : "
            f"{money(table)} au tableau − {money(deducted)} {what} = {money(interest)} {verb}."
            + _surplus(invoices, indemnity_owed, indemnity and verb == "réclamés")
        )
    fixed = [i for i in invoices if i.indemnity_paid > 0.005 and indemnity]
    if fixed:
        received = round(sum(i.indemnity_paid for i in fixed), 2)
        numbers = _invoices([i.number for i in fixed])
        out.append(
            f"Indemnité forfaitaire déjà reçue par virement ({numbers}) : {money(received)}, "
            "déduits de l'indemnité réclamée."
        )
    return out


__all__ = ["excess_received", "received_lines"]
