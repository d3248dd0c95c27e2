"""Letters that cannot be posted: their invoices stay where they were."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .decide import Decisions


def hold_back(decisions: Decisions, frame: pd.DataFrame, held: dict[Any, str]) -> Decisions:
    """Decisions where the invoices of letters that cannot be posted stay where they were.

    held maps a frame index to why its letter is not sendable. Those invoices keep their
    level, label and date; their action is "incomplete" and the reason says what is missing.
    """
    if not held:
        return decisions
    out = decisions.frame.copy()
    rows = list(held)
    out.loc[rows, "action"] = "incomplete"
    out.loc[rows, "level"] = frame.loc[rows, "level"].to_numpy()
    out.loc[rows, "kind"] = None
    out.loc[rows, "label"] = [_text(v) for v in frame.loc[rows, "level_text"].tolist()]
    out.loc[rows, "date"] = frame.loc[rows, "last_date"]
    out.loc[rows, "reason"] = [held[i] for i in rows]
    warnings = decisions.warnings + _lapsing(out, rows)
    # An invoice held back owes what it owed: its periods stay.
    return Decisions(out, decisions.rate, warnings, decisions.periods)


def _lapsing(out: pd.DataFrame, rows: list[Any]) -> tuple[str, ...]:
    """The held letters' invoices soon time-barred: their status says the date again, and one
    warning of the run names them (a public debt's letter not posted interrupts nothing)."""
    if "lapse" not in out:
        return ()
    notes = out.loc[rows, "lapse"]
    soon = [i for i, note in zip(rows, notes.tolist(), strict=True) if isinstance(note, str)]
    if not soon:
        return ()
    out.loc[soon, "reason"] = [f"{out.at[i, 'reason']} ; {out.at[i, 'lapse']}" for i in soon]
    # A business's prescription has its warning already (a letter would not interrupt it).
    public = [i for i in soon if out.at[i, "lapse"].startswith("déchéance")]
    if not public:
        return ()
    latest = pd.Timestamp(out.loc[public, "lapse_on"].max()).strftime("%d/%m/%Y")
    return (
        f"{len(public)} facture(s) d'acheteurs publics déchue(s) d'ici le {latest} dont la "
        "lettre n'est pas partie (à compléter) : seule une réclamation écrite partie avant "
        "cette date interrompt la déchéance quadriennale (voir leur motif).",
    )


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


__all__ = ["hold_back"]
