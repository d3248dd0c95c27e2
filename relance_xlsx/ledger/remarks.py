"""Remarks and status texts read for their meaning: a dispute written in words holds the invoice."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .columns import normalise
from .denials import denied
from .freetext import free_text_disputes
from .grid import Grid

# litige, contesté, désaccord, réclamation, disputed, contest… (accents folded first).
# (« Pre-litigation » is no dispute: the last amicable stage, pending.py's.)
_DISPUTE = re.compile(r"(?<!pre )\b(litig\w*|contest\w*|desaccord\w*|reclamation\w*|disput\w*)")
# « pas de litige », « litige réglé », « no dispute », « ne conteste pas », « n'a pas
# contesté »: the word is there, the dispute is not.
SETTLED_DISPUTE = re.compile(
    r"\b(pas de|sans|aucun\w*|no|not|non)\s+(\w+\s+)?(litig|contest|desaccord|reclam|disput)"
    r"|\bne\s+(\w+\s+)?(contest|disput|reclam)\w*\s+(pas|plus|jamais|rien)\b"
    r"|\bno\s+(a|ont|avait|avons)\s+(pas|plus|jamais|rien)\s+(contest|disput|reclam)"
    r"|(litig|contest|desaccord|reclam|disput)\w*\s+(\w+\s+)?"
    r"(regle\w*|resolu\w*|leve\w*|clos\w*|termine\w*|resolved|settled|closed)"
    # « Réglé le litige avec le client »: the dispute settled (review-nextcase2 M5).
    r"|\b(regle\w*|resolu\w*|clos\w*|leve\w*|termine\w*)\s+(le |la |l |les |un |son |ce )?"
    r"(litig|contest|desaccord|reclam|disput|differend)"
)


def says_dispute(value: Any) -> bool:
    """Whether a free text says the invoice is disputed (« Disputing due overcharge »)."""
    if not isinstance(value, str) or not value.strip():
        return False
    text = normalise(value)
    return bool(_DISPUTE.search(text)) and not SETTLED_DISPUTE.search(text) and not denied(value)


def disputes(grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """Invoices whose remarks or status say they are disputed, and the text that says so.

    Each is listed as a warning on its row, so that `check` shows why it is on hold.
    """
    held = np.zeros(len(grid), dtype=bool)
    why = np.full(len(grid), None, dtype=object)
    for field in ("remarks", "status", "payment_status", "platform_status"):
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        for i in np.flatnonzero(raw.mask(says_dispute) & ~held).tolist():
            text = " ".join(str(raw.at(i)).split())
            held[i] = True
            why[i] = f"« {text} » (colonne « {grid.header(field)} »)"
            written = "en remarque" if field == "remarks" else "dans le statut"
            said = f"litige écrit {written} : facture mise en attente"
            grid.problem(i, field, raw.at(i), said, "warning")
    free_text_disputes(grid, held, why, says_dispute)  # « Texte », « Libellé »
    return held, why


__all__ = ["SETTLED_DISPUTE", "disputes", "says_dispute"]
