"""A column the table does not have at all is said once, with the headers it does have,
never once per row as if each row's cell were empty."""

from __future__ import annotations

import numpy as np

from .aged import is_bucket
from .columns import header_words, normalise
from .grid import Grid
from .problems import Problem

_SHOWN_HEADERS = 12
# Each field a letter cannot do without, the columns that may give it, and what it is for.
_NEEDED = (
    ("invoice", ("invoice",), "N° de facture", "une lettre doit nommer sa facture"),
    ("client", ("client",), "Client", "une lettre doit nommer son destinataire"),
    (
        "invoice_date",
        ("invoice_date", "due_date", "receipt_date"),
        "Date de facture ou Échéance",
        "impossible de savoir quand les factures sont dues",
    ),
)


def absent_columns(grid: Grid, ok: np.ndarray, quiet: np.ndarray) -> str | None:
    """One problem per needed column the table lacks; its rows are kept out of the letters,
    but for the quiet ones (settled, never reminded: no letter needs the column, and « À
    corriger » would be written on rows that owe nothing). Returns what each row kept out
    says (None when no column is missing)."""
    headers = [str(h).strip() for h in grid.headers if h and str(h).strip()]
    shown = ", ".join(f"« {h} »" for h in headers[:_SHOWN_HEADERS])
    more = " …" if len(headers) > _SHOWN_HEADERS else ""
    first = None
    for _field, fields, name, why in _NEEDED:
        if any(f in grid.positions for f in fields):
            continue
        message = f"aucune colonne {name} trouvée (en-têtes : {shown}{more}) : {why}"
        message += _fix(grid, fields[0], name)
        grid.problems.append(Problem(None, None, None, message))
        ok[~quiet] = False
        first = first or f"aucune colonne {name}"
    return first


_SAMPLE = 20
# A column offered as the invoice's date must say it is a date (« Date d'opération »).
_DATED = frozenset({"date", "dt", "jour", "day"})
# No column to name: the number is added to the workbook, never made up from a label.
_ADD_NUMBER = (
    " ; ajoutez au classeur une colonne « N° de facture » (le numéro porté par chaque "
    "facture) : sans lui, deux factures du même client à la même date ne se distinguent pas "
    "dans la lettre"
)


def _fix(grid: Grid, field: str, name: str) -> str:
    """The exact fix proposed: the [columns] line naming the column guessed from its
    content (« client = "Adhérent" », « invoice_date = "Txn Date" »), else, for the number,
    the column to add; a « Contact » of names read as the contact is offered for the client."""
    from .unfit import suggest_columns  # the guess reads the table, which reads this module

    sample = [list(grid.row(i)) for i in range(min(len(grid), _SAMPLE))]
    guess, _, _ = suggest_columns(list(grid.headers), sample, {})
    header = guess.get(field)
    if field == "client" and not header and "contact" in grid.positions:
        header = _contact(grid, sample)
    elif header and header_words(header) in _read(grid):
        header = None
    elif header and field == "invoice_date" and not set(header_words(header).split()) & _DATED:
        header = None  # « Remis le » (handed to an agency) is never offered as the date
    if header:
        what = "la date de facture" if field == "invoice_date" else f"le {name.lower()}"
        return (
            f" ; si la colonne « {header} » est bien {what}, écrivez dans la "
            f'section [columns] de relance.toml : {field} = "{header}"'
        )
    return _ADD_NUMBER if field == "invoice" else group_names(grid)


_GROUPS = 2
_NAMED = 3


def group_names(grid: Grid) -> str:
    """Rows set aside that hold a name alone (Xero's « Aged Receivables Detail »: the contact
    on its own row above its invoices): asked whether the client heads each group
    (review-pubwb8 M4); "" when there are fewer than two."""
    found = []
    for number, cells in grid.set_aside():
        filled = [c for c in cells if c is not None and str(c).strip()]
        if len(filled) != 1 or not isinstance(name := filled[0], str):
            continue
        words = normalise(name)
        if words and not words.startswith("total") and not is_bucket(name) and _has_letter(name):
            found.append((number, " ".join(name.split())))
    if len(found) < _GROUPS:
        return ""
    rows = ", ".join(str(n) for n, _ in found[:_NAMED]) + ("…" if len(found) > _NAMED else "")
    names = ", ".join(f"« {n} »" for _, n in found[:_GROUPS])
    return (
        f" ; les lignes {rows} portent un nom seul ({names}…) : le client est-il en tête de "
        "groupe ? relance-xlsx ne le reporte pas sur les factures du dessous : ajoutez une "
        "colonne « Client » remplie sur chaque ligne de facture (ou exportez le rapport avec "
        "le contact en colonne)"
    )


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _contact(grid: Grid, sample: list[list[object]]) -> str | None:
    """The contact column's header, when it holds names that could be the clients'."""
    from .fitness import misfit
    from .profile import profile

    column = grid.positions["contact"]
    cells = [row[column] if column < len(row) else None for row in sample]
    header = grid.header("contact")
    return None if misfit("client", header, profile(cells), cells) else header


def _read(grid: Grid) -> set[str]:
    """The folded headers of the columns already read as another field."""
    return {header_words(grid.header(f)) for f in grid.positions}


__all__ = ["absent_columns"]
