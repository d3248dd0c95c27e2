"""Other sheets whose invoice table is as complete as the one read (one sheet per month):
a run reads one sheet, and its warning names every such sheet with what is still owed on it
(review-pubwb7 MEDIUM-3: « Novembre » and its unpaid invoices were named nowhere)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..config import Policy
from ..errors import RelanceError
from ..wording import money
from .choice import TableGuess
from .records import OtherSheet
from .rows import normalise_rows


def equal_rivals(best: TableGuess | None, guesses: Sequence[TableGuess]) -> list[TableGuess]:
    """The best table of each other sheet that is as complete as the best one (not
    purchases, receipts or line items), in the order of the guesses."""
    if best is None:
        return []
    out: dict[str, TableGuess] = {}
    for g in guesses:
        if g.sheet == best.sheet or g.sheet in out:
            continue
        if g.purchases or g.receipts or g.signs or len(g.positions) < len(best.positions):
            continue
        out[g.sheet] = g
    return list(out.values())


def owed_on(grid: list[list[Any]], guess: TableGuess, policy: Policy) -> str:
    """« 2 factures dues, 1 210,00 € » for the table of another sheet; « » when it cannot
    be read well enough to say."""
    owed = _owed(grid, guess, policy)
    return "" if owed is None else _said(owed)


def _said(owed: OtherSheet) -> str:
    count = len(owed.invoices)
    if not count:
        return "aucune facture due"
    plural = "s" if count > 1 else ""
    return f"{count} facture{plural} due{plural}, {money(owed.amount)}"


def _owed(grid: list[list[Any]], guess: TableGuess, policy: Policy) -> OtherSheet | None:
    """The invoices still owed on another sheet's table, and their total; None when it
    cannot be read well enough to say."""
    data = grid[guess.header_index + 1 :]
    headers = ["" if v is None else str(v) for v in grid[guess.header_index]]
    try:
        rows = normalise_rows(
            data, guess.header_index + 2, dict(guess.positions), headers, policy, dt.date.today()
        )
    except (RelanceError, ValueError, KeyError, IndexError):
        return None
    frame = rows.frame
    if not len(frame):
        return OtherSheet(guess.sheet, (), 0.0)
    owed = frame[~frame["is_paid"] & ~frame["is_credit"]]
    invoices = tuple(str(v) for v in owed["invoice"].tolist()) if "invoice" in owed else ()
    invoices = invoices or tuple(f"ligne {int(r)}" for r in owed["row"].tolist())
    return OtherSheet(guess.sheet, invoices, round(float(owed["outstanding"].sum()), 2))


def rival_sheets(
    guess: TableGuess, rivals: Sequence[TableGuess], grid_of: Callable[[str], list[list[Any]]],
    policy: Policy,
) -> tuple[list[str], list[OtherSheet]]:  # fmt: skip
    """The run's warning naming every other sheet as complete as the one read, with what is
    still owed on each, and how to read them; what is owed on each, for « not chased »."""
    if not rivals:
        return [], []
    named = []
    elsewhere = []
    for r in rivals:
        try:
            found = _owed(grid_of(r.sheet), r, policy)
        except RelanceError:
            found = None
        owed = "" if found is None else _said(found)
        elsewhere += [found] if found is not None and found.invoices else []
        named.append(f"« {r.sheet} »" + (f" ({owed})" if owed else ""))
    options = ", ".join('--sheet "{}"'.format(r.sheet.replace('"', '\\"')) for r in rivals)
    columns = len(rivals[0].positions)
    if len(rivals) == 1:
        other = rivals[0].sheet.replace('"', '\\"')
        return [
            f"La feuille {named[0]} a un tableau de factures aussi complet ({columns} colonnes "
            f"reconnues) que la feuille lue « {guess.sheet} », mais un run ne lit qu'une "
            "feuille : ses factures ne sont ni lues ni relancées. Pour la lire, relancez avec "
            f'{options} (ou sheet = "{other}" en tête de relance.toml) ; pour tout relancer, '
            "réunissez les factures sur une seule feuille."
        ], elsewhere
    return [
        f"Les feuilles {', '.join(named)} ont un tableau de factures aussi complet que la "
        f"feuille lue « {guess.sheet} », mais un run ne lit qu'une feuille : leurs factures "
        "ne sont ni lues ni relancées ; réunissez-les sur une seule feuille ou lancez relance "
        f"sur chacune avec {options}."
    ], elsewhere


__all__ = ["equal_rivals", "owed_on", "rival_sheets"]
