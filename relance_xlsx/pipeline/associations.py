"""An association charged the business penalties: whether it acts as a professional decides
whether they are owed, which no column says; the run asks counsel (figures unchanged)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..figures import is_association
from ..ledger import KIND_CLAIM, KIND_FORMAL_NOTICE, KIND_REMINDER_2

# The letters that claim the L441-10 penalties and the 40 € (a first reminder claims neither).
_CLAIMING = (KIND_REMINDER_2, KIND_FORMAL_NOTICE, KIND_CLAIM)


def say_associations(frame: pd.DataFrame, decisions: pd.DataFrame) -> tuple[str, ...]:
    """One warning per association whose letter or litigation file of today claims the
    L441-10 penalties and the 40 € (D441-5): they assume it acts as a professional."""
    owes = (decisions["interest"] + decisions["indemnity"] > 0.005).to_numpy(dtype=bool)
    kind = decisions["kind"].to_numpy(dtype=object)
    action = decisions["action"].to_numpy(dtype=object)
    claims = owes & (np.isin(kind, _CLAIMING) | (action == "litigation"))
    claims &= ~frame["consumer"].to_numpy(dtype=bool) & ~frame["public"].to_numpy(dtype=bool)
    if not claims.any():
        return ()
    found: dict[str, list[str]] = {}
    rows = frame[claims]
    # Once per client and form, not per invoice: 22,765 invoices of 5,000 clients cost 0.9 s
    # of CPU at a million rows, folding the same names again and again.
    known: dict[tuple[str, str], bool] = {}
    for client, form, number, row in zip(
        rows["client"], rows["legal_form"], rows["invoice"], rows["row"], strict=True
    ):
        key = (str(form or ""), str(client))
        said = known.get(key)
        if said is None:
            said = known[key] = is_association(*key)
        if said:
            found.setdefault(key[1], []).append(f"{number or '–'} (ligne {row})")
    return tuple(_said(client, invoices) for client, invoices in found.items())


def _said(client: str, invoices: list[str]) -> str:
    which = "facture" if len(invoices) == 1 else "factures"
    return (
        f"« {client} » est une association ({which} {', '.join(invoices)}) : les pénalités de "
        "retard (Code de commerce L441-10) et l'indemnité forfaitaire de 40 € (D441-5) "
        "réclamées supposent qu'elle agit en professionnel. Si elle n'agit pas pour les besoins "
        "d'une activité professionnelle, seuls les intérêts au taux légal à compter de la mise "
        "en demeure sont dus (Code civil 1231-6). Aucun réglage ni colonne ne le dit encore "
        "(« Particulier » appliquerait aussi la prescription de deux ans du consommateur) : "
        "faites trancher ce point par votre conseil avant l'envoi."
    )


__all__ = ["say_associations"]
