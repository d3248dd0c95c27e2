"""Whether a read gave usable invoices: a real run writes nothing after a read that looks
wrong, and `relance check` gives the same verdict."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from .echeancier import PLAN_SURPLUS
from .marks import EURO
from .payer import SHEET_HELD
from .records import Ledger
from .skips import NOTHING, UNNUMBERED

# The formats a run writes back (openpyxl's); .xls and .ods are read only.
WRITABLE_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def implausible(ledger: Ledger, min_share: float) -> str | None:
    """Why the read looks wrong, in one French sentence, or None.

    A wrong table (line items instead of invoices) or a shifted header makes every row a
    problem; writing « À corriger » into them would damage the user's table. Only the rows
    still owed count: a workbook whose invoices are all drafts, paid or not to chase has
    nothing to do, and says so, in a dry run and a real one alike.
    """
    frame = ledger.frame
    if not len(frame):
        return _all_dropped(ledger)
    owed = ~frame["is_paid"].to_numpy(dtype=bool)
    # A row kept out for an amount not read (« $1,200 », none) is not « settled » at 0 €.
    owed |= ~frame["valid"].to_numpy(dtype=bool) & (frame["amount"].to_numpy(dtype=float) == 0)
    read = int(owed.sum())
    if not read:
        return None  # nothing is owed: nothing to write but the statuses of settled rows
    usable = int(((frame["valid"].to_numpy(dtype=bool) | _set_aside(ledger)) & owed).sum())
    if usable and usable >= min_share * read:
        return None
    where = f"feuille « {ledger.sheet} », en-têtes ligne {ledger.header_row}"
    return (
        f"Lecture douteuse ({where}) : {usable} facture(s) utilisable(s) sur {read} ligne(s) "
        "lue(s) encore dues, donc rien n'est écrit dans le classeur"
    )


def _set_aside(ledger: Ledger) -> np.ndarray:
    """The rows set aside on purpose, their reason said, and read whole: held by a payments
    sheet or their look (struck, a paid colour) with no reading problem of their own, or in
    a foreign currency with no other (review-pubwb7 H4), or an instalment beyond its invoice's
    total with no other (review-late M4). A row unreadable besides counts as
    misread: a crafted hold never lets a misread table be written back (review-attack-6 §9)."""
    frame = ledger.frame
    held = np.zeros(len(frame), dtype=bool)
    if SHEET_HELD in frame:
        held = frame[SHEET_HELD].to_numpy(dtype=bool)
    foreign = np.zeros(len(frame), dtype=bool)
    if "currency" in frame:
        codes = frame["currency"].to_numpy(dtype=object)
        foreign = np.array([isinstance(c, str) and c != EURO for c in codes], dtype=bool)
    surplus = np.zeros(len(frame), dtype=bool)
    if PLAN_SURPLUS in frame:
        surplus = frame[PLAN_SURPLUS].to_numpy(dtype=bool)
    aside = held | foreign | surplus
    if not aside.any():
        return aside
    errors = Counter(p.row for p in ledger.problems if p.severity == "error")
    rows = frame["row"].to_numpy()
    for i in np.flatnonzero(aside).tolist():
        allowed = 1 if foreign[i] or surplus[i] else 0  # its own problem only
        aside[i] = errors.get(int(rows[i]), 0) <= allowed
    return aside


def _all_dropped(ledger: Ledger) -> str | None:
    """A read whose only rows were dropped for want of a number or an amount: never « Rien de
    nouveau », the rows were not read (review-pubwb5 L3)."""
    dropped = [s for s in ledger.skipped if s.reason.startswith((NOTHING, UNNUMBERED))]
    if not dropped:
        return None
    where = f"feuille « {ledger.sheet} », en-têtes ligne {ledger.header_row}"
    return (
        f"Lecture douteuse ({where}) : aucune facture lue, {len(dropped)} ligne(s) écartée(s) "
        f"(« {dropped[0].reason} », ligne {dropped[0].row}), donc rien n'est écrit dans le classeur"
    )


__all__ = ["implausible"]


def unwritable_format(path: Path) -> str | None:
    """Why a run cannot write this workbook back for its format (.xls, .ods), or None."""
    if path.suffix.lower() in WRITABLE_SUFFIXES:
        return None
    return (
        f"{path.name} est au format {path.suffix} : relance-xlsx le lit mais ne met à jour que "
        "les fichiers .xlsx et .xlsm ; enregistrez-le au format .xlsx, ou relancez avec "
        "--no-write-back (les lettres sont écrites, le classeur n'est pas mis à jour)"
    )


def would_stop(ledger: Ledger, min_share: float, *, writes: bool = True) -> str | None:
    """Why `relance run` would stop on this workbook, with what to do, or None: a read that
    looks wrong, then (when it writes the workbook back) a format it cannot write. Here, in
    the ledger, so that `relance check` gives the verdict without the write-back's modules."""
    why = implausible(ledger, min_share)
    if why:
        return (
            f"{why} ; corrigez les problèmes listés, ou la feuille et les colonnes lues "
            "(--sheet, section [columns] de relance.toml)"
        )
    return unwritable_format(ledger.path) if writes else None
