"""A client typed « particulier » whose legal form is a legal person's (an association, an SCI,
a company…): only natural persons are consumers (Code de la consommation, liminaire and
L218-2), so the row is said, never silently treated as one (review-lawhand 4)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .columns import normalise
from .grid import Grid

# Folded as normalise does (case, accents, punctuation): « Association loi 1901 », « S.A.S. ».
_LEGAL_PERSON = re.compile(
    r"\b(association|asso|loi 1901|fondation|syndicat|societe|sci|scp|scm|sarl|sas|sasu|"
    r"eurl|sa|snc|sca|scop|scic|sel|selarl|selas|gie|gaec|earl|cooperative|mutuelle)\b"
)


def legal_person(form: Any) -> bool:
    """Whether a legal form (« Association loi 1901 », « SARL », « SCI ») is a legal person's."""
    text = normalise(form.replace(".", "")) if isinstance(form, str) else ""
    return bool(text) and bool(_LEGAL_PERSON.search(text))


def say_legal_persons(grid: Grid, consumer: np.ndarray) -> None:
    """A warning on each row typed « particulier » whose legal form is a legal person's."""
    if "legal_form" not in grid.positions or not consumer.any():
        return
    forms = grid.raw("legal_form")
    for i in np.flatnonzero(consumer & forms.mask(legal_person)).tolist():
        grid.problem(
            i,
            "legal_form",
            forms.at(i),
            "« Type client » dit « particulier », mais la forme juridique est celle d'une "
            "personne morale : seule une personne physique est un consommateur (prescription "
            "de deux ans, Code de la consommation L218-2 ; intérêts au taux légal, sans "
            "indemnité de 40 €). Écrivez « professionnel » ou « association » dans « Type "
            "client » si c'est bien une personne morale",
            "warning",
        )


__all__ = ["legal_person", "say_legal_persons"]
