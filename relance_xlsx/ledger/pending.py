"""Something under way that leaves the amount or the step in doubt: a credit note to come
(« Avoir à faire », « Avoir demandé » = Oui), a cancellation asked or partial (« Annulation
demandée », « Annulée partiellement »), a litigation avoided (« Contentieux évité »), a
lettering partly done, a « Contentieux » column holding a name (« Me Durand »). The invoice is
held, with a warning on its row: neither chased in full nor read as settled."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .coded import nones, object_array
from .columns import normalise
from .grid import Grid

# Words under way, read in a status, a cancellation or a credit oui/non column.
_CREDIT_TO_COME = re.compile(
    r"\b(avoirs?|credit notes?) (a faire|a emettre|a etablir|a venir|a creer|a saisir|"
    r"demande\w*|en attente|en cours|prevu\w*|requested|pending|to issue|to come)\b|"
    r"\bdemande d avoir\b"
)
_CANCEL_ASKED = re.compile(
    r"\b(annul\w*) (partiel\w*|demande\w*|en cours|a faire|en attente|requested|pending)\b|"
    r"\bannulation partielle\b|\bdemande d annulation\b|\bpartiellement annul\w*\b|"
    r"\bpartial(ly)? cancel\w*\b"
)
_AVOIDED = re.compile(r"\bcontentieux (evite|ecarte)\w*\b")
# The three, as one pattern a status is read with.
PENDING = "|".join(p.pattern for p in (_CREDIT_TO_COME, _CANCEL_ASKED, _AVOIDED))

# What the row's warning says of each (French).
CREDIT_TO_COME = (
    "avoir à venir : le montant dû n'est pas encore connu ; facture mise en attente, ni "
    "relancée en entier ni tenue pour un avoir"
)
CANCEL_ASKED = (
    "annulation demandée ou partielle : un avoir est probablement à venir ; facture mise en "
    "attente, pas relancée en entier"
)
AVOIDED = (
    "contentieux évité : un arrangement a sans doute été trouvé ; facture mise en attente, "
    "vérifiez ce qui reste dû"
)
PARTLY_LETTERED = (
    "lettrage partiel : une partie seulement est rapprochée d'un règlement, le reste dû est "
    "inconnu ; facture mise en attente (un code en minuscules ou marqué « * » signale "
    "d'ordinaire un lettrage partiel ; un lettrage total s'écrit en majuscules)"
)
LITIGATION_NAMED = (
    "contentieux à confirmer (avocat, cabinet, précontentieux…) : la colonne de contentieux "
    "est remplie, le dossier est au contentieux ou près de l'être ; facture mise en attente, "
    "pas de relance amiable ; écrivez « Oui » ou la date pour le niveau Contentieux, « Non » "
    "pour la relancer"
)
CREDIT_ASKED = "avoir à émettre ou demandé : " + CREDIT_TO_COME.split(" : ", 1)[1]


def pending_word(value: Any) -> str | None:
    """The warning for a text saying something under way (« Avoir à faire »), else None."""
    if not isinstance(value, str):
        return None
    text = normalise(value)
    if _CREDIT_TO_COME.search(text):
        return CREDIT_TO_COME
    if _CANCEL_ASKED.search(text):
        return CANCEL_ASKED
    if _AVOIDED.search(text):
        return AVOIDED
    return None


def pending_rows(grid: Grid, held: np.ndarray, readers: dict[str, Any]) -> np.ndarray:
    """Rows among held whose statuses say something under way, each with a warning on its
    row; their hold reason (None elsewhere). readers: field -> cell -> warning or None."""
    reason = nones(len(grid))
    for field, read in readers.items():
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        said = object_array([read(v) for v in raw.values])[raw.codes]
        for i in np.flatnonzero(held & (reason == None) & (said != None)).tolist():  # noqa: E711
            message = said[i]
            text = " ".join(str(raw.at(i)).split())
            reason[i] = (
                f"En attente (« {text} », colonne « {grid.header(field)} ») : "
                f"{message.split(' : ')[0]}, pas de relance"
            )
            grid.problem(i, field, raw.at(i), message, "warning")
    return reason


__all__ = [
    "AVOIDED",
    "CANCEL_ASKED",
    "CREDIT_ASKED",
    "CREDIT_TO_COME",
    "LITIGATION_NAMED",
    "PARTLY_LETTERED",
    "PENDING",
    "pending_rows",
    "pending_word",
]
