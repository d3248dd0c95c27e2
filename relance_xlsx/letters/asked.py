"""The statements of account asked for by name (`relance run --releve CLIENT`)."""

from __future__ import annotations

import pandas as pd

from ..ledger import KIND_STATEMENT
from .plan import LetterPlan


def statement_plans(
    frame: pd.DataFrame, clients: list[str], default_language: str, decisions: pd.DataFrame
) -> tuple[list[LetterPlan], list[str], list[str]]:
    """A statement of account for each client asked for by name (case and spaces aside),
    time-barred invoices left out as on a notice's; the names that match no client; and a
    sentence for each client asked whose open invoices are all time-barred (no statement)."""
    wanted = {" ".join(c.split()).casefold(): c for c in clients if c.strip()}
    if not wanted:
        return [], [], []
    names = frame["client"].fillna("").astype(str)
    key = names.map(lambda n: " ".join(n.split()).casefold())
    barred = (decisions["action"] == "prescribed").reindex(frame.index, fill_value=False)
    asked = frame["valid"] & (frame["outstanding"].abs() > 0.005) & key.isin(list(wanted))
    plans, notes = [], []
    for folded in sorted(set(key[asked])):
        rows = frame.index[asked & ~barred & (key == folded)]
        gone = bool((asked & barred & (key == folded) & (frame["outstanding"] > 0.005)).any())
        client = str(names[frame.index[asked & (key == folded)][0]])
        if rows.empty:  # nothing but time-barred invoices: no statement claims them
            notes.append(
                f"Pas de relevé de compte pour « {client} » : ses seules factures ouvertes sont "
                "prescrites (ou, pour une personne publique, atteintes par la déchéance "
                "quadriennale) ; la raison de chacune le dit, elles ne sont plus réclamées."
            )
            continue
        language = frame.loc[rows[0], "language"] or default_language
        plans.append(
            LetterPlan(
                client, KIND_STATEMENT, str(language), (), (), (), tuple(rows), barred_out=gone
            )
        )
    known = set(key[frame["valid"]])
    return plans, [name for folded, name in wanted.items() if folded not in known], notes


__all__ = ["statement_plans"]
