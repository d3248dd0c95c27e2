"""A column the table does not have at all is said once, with the headers it does have,
never once per row as if each row's cell were empty."""

from __future__ import annotations

import numpy as np

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
        grid.problems.append(Problem(None, None, None, message))
        ok[~quiet] = False
        first = first or f"aucune colonne {name}"
    return first


__all__ = ["absent_columns"]
