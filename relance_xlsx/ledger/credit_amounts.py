"""An « Avoir » column of amounts (200, 0, empty) rather than oui/non: the credit note applied
to each invoice, read as « Avoir imputé » is (deducted, never said received)."""

from __future__ import annotations

import numpy as np

from .column_case import Case, percent
from .money import access_flags


def credit_amounts(case: Case) -> None:
    """A credit oui/non column holding amounts (other than 0 and 1) is the credit applied."""
    column = case.movable("credit_flag")
    if column is None or "credit_applied" in case.pos:
        return
    p = case.profiles[column]
    numbers = p.values[~np.isnan(p.values)]
    if p.numbers < 0.8 or not ((numbers != 0) & (numbers != 1)).any() or access_flags(numbers):
        return
    case.move(
        "credit_flag",
        "credit_applied",
        f"d'après le contenu : {percent(p.numbers)} de montants, pas des oui/non",
        f"« {case.name(column)} » contient des montants, pas des oui/non : lu comme l'avoir "
        "imputé sur la facture (déduit du reste dû).",
    )


__all__ = ["credit_amounts"]
