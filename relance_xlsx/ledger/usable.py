"""Whether a read gave usable invoices: a real run writes nothing after a read that looks
wrong, and `relance check` gives the same verdict."""

from __future__ import annotations

from .records import Ledger


def implausible(ledger: Ledger, min_share: float) -> str | None:
    """Why the read looks wrong, in one French sentence, or None.

    A wrong table (line items instead of invoices) or a shifted header makes every row a
    problem; writing « À corriger » into them would damage the user's table. Only the rows
    still owed count: a workbook whose invoices are all drafts, paid or not to chase has
    nothing to do, and says so, in a dry run and a real one alike.
    """
    frame = ledger.frame
    owed = ~frame["is_paid"].to_numpy(dtype=bool) if len(frame) else frame["valid"].to_numpy()
    read = int(owed.sum())
    if not read:
        return None  # nothing is owed: nothing to write but the statuses of settled rows
    usable = int((frame["valid"].to_numpy(dtype=bool) & owed).sum())
    if usable and usable >= min_share * read:
        return None
    where = f"feuille « {ledger.sheet} », en-têtes ligne {ledger.header_row}"
    return (
        f"Lecture douteuse ({where}) : {usable} facture(s) utilisable(s) sur {read} ligne(s) "
        "lue(s) encore dues, donc rien n'est écrit dans le classeur"
    )


__all__ = ["implausible"]
