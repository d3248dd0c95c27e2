"""Free text beside the remarks: SAP's « Texte », Sage's « Libellé », EBP's « Désignation »
read for a dispute as « Commentaire » is (review-pubwb5 M3), and a remark saying the invoice
was paid, which holds it until someone checks (review-pubwb5 M4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .columns import normalise
from .grid import Grid
from .problems import Problem

# The line's free text in accounting exports; only its dispute and payment words count
# (« Prestation de conseil novembre » says nothing).
FREE_TEXT = frozenset(
    {"texte", "text", "libelle", "designation", "libelle ecriture", "texte ecriture"}
    | {"texte poste", "libelle de l ecriture", "libelle piece", "designation article"}
)
# Columns that name the client or the invoice are never free text.
_NOT_FREE = ("client", "invoice", "remarks", "status", "payment_status", "platform_status")
# « Réglé par LC … », « payé le … », « encaissé », « virement reçu », « à lettrer ».
_PAID_WORD = (
    r"regle|reglee|regles|reglees|paye|payee|payes|payees|paid|encaisse|encaissee|encaisses|"
    r"encaissees|acquitte\w*"
)
_PAID = re.compile(
    rf"\b({_PAID_WORD})\b|\b(virement|cheque|paiement|reglement|payment|lcr|effet)s? "
    r"(bien )?(recu|recus|received|encaisse\w*)\b|\ba lettrer\b"
)
# A negation or a future before the paid word in its clause: « non réglé », « pas encore
# payé », « sera réglé le 15/12 », « à payer »; « chèque n° 12 reçu » is no negation.
_NOT_PAID = re.compile(
    r"\b(non|pas|not|never|jamais|no|sera|seront|doit|devra|devrait|va|vont|will|avant)\b"
    rf"(?! (de|d|du|des|\d))( \w+)*? ({_PAID_WORD}|recu|received|encaisse\w*)\b"
)
_CLAUSES = re.compile(r"[,;:/()\[\]|\u2013\u2014]| - ")
# « Litige réglé », « réclamation payée », « a réglé le différend »: a dispute closed, not an
# invoice paid; « payée par le client final »: who pays, not a payment (review-nextcase2 M5).
_DISPUTE_CLOSED = re.compile(
    r"\b(litig|contest|desaccord|reclam|disput|differend)\w* (\w+ )?(" + _PAID_WORD + ")|"
    rf"\b({_PAID_WORD}) (le |la |l |les |un |son |ce |notre |leur )?"
    r"(litig|contest|desaccord|reclam|disput|differend)|"
    rf"\b({_PAID_WORD}) par (le |la |l )?(client final|donneur d ordre|maitre d ouvrage|"
    r"tiers payeur|organisme payeur)\b"
)
PAID_SAID = "règlement signalé en remarque, à vérifier"
# A remark saying a row typed « Acompte » is money received: « acompte non imputé », « reçu »,
# « versé », « à imputer », « non lettré » (review-pubwb5 M2).
_RECEIVED = re.compile(
    r"\b(non imput\w*|a imputer|non lettr\w*|recus?|recues?|verses?|versees?|encaisse\w*|"
    r"unapplied|received)\b"
)


def by_value(cells: np.ndarray, test: Callable[[Any], object]) -> np.ndarray:
    """test() of each cell, asked once per distinct value (a column repeats its texts)."""
    codes, uniques = pd.factorize(pd.Series(cells, dtype=object), use_na_sentinel=False)
    answers = np.fromiter((bool(test(u)) for u in uniques), dtype=bool, count=len(uniques))
    return answers[codes] if len(uniques) else np.zeros(len(cells), dtype=bool)


def free_text_columns(grid: Grid) -> list[tuple[str, np.ndarray]]:
    """The header and kept cells of each free-text column that is not the client nor the
    invoice (« Texte », « Libellé », « Désignation »)."""
    taken = {grid.positions[f] for f in _NOT_FREE if f in grid.positions}
    return [
        (str(header), grid.cells(pos))
        for pos, header in enumerate(grid.headers)
        if pos < grid.width and pos not in taken and normalise(header) in FREE_TEXT
    ]


def free_text_disputes(grid: Grid, held: np.ndarray, why: np.ndarray, says: Any) -> None:
    """Hold the rows whose free text says a dispute (says: the remarks' test), with a warning."""
    for header, cells in free_text_columns(grid):
        for i in np.flatnonzero(by_value(cells, says) & ~held).tolist():
            text = " ".join(str(cells[i]).split())
            held[i] = True
            why[i] = f"« {text} » (colonne « {header} »)"
            _warn(grid, i, header, text, "litige écrit en remarque : facture mise en attente")


def said_received(grid: Grid) -> np.ndarray:
    """Rows whose remarks or free text say the money was received and not yet applied."""
    found = np.zeros(len(grid), dtype=bool)
    texts = [cells for _, cells in free_text_columns(grid)]
    if "remarks" in grid.positions:
        texts.append(grid.cells(grid.positions["remarks"]))
    for cells in texts:
        found |= by_value(
            cells, lambda c: isinstance(c, str) and bool(_RECEIVED.search(normalise(c)))
        )
    return found


def says_paid(value: Any) -> bool:
    """Whether a remark says the invoice was paid (« Réglé par LC le 15/10/2026, à lettrer »),
    not « non réglé », « pas encore payé », « sera réglé le 15/12 »."""
    if not isinstance(value, str) or not value.strip():
        return False
    for clause in _CLAUSES.split(value):
        text = normalise(clause)
        if _PAID.search(text) and not _NOT_PAID.search(text) and not _DISPUTE_CLOSED.search(text):
            return True
    return False


def paid_remarks(grid: Grid, holds: dict[str, Any], owed: np.ndarray) -> dict[str, Any]:
    """Hold the invoices still owed whose remarks or free text say they were paid: the
    payment is to be checked (and lettered) before any reminder."""
    held = np.array(holds["hold"], dtype=bool)
    reason = np.array(holds["hold_reason"], dtype=object)
    texts = list(free_text_columns(grid))
    if "remarks" in grid.positions:
        texts.insert(0, (grid.header("remarks"), grid.cells(grid.positions["remarks"])))
    for header, cells in texts:
        for i in np.flatnonzero(by_value(cells, says_paid) & owed & ~held).tolist():
            text = " ".join(str(cells[i]).split())
            held[i] = True
            reason[i] = (
                f"Règlement signalé en remarque, à vérifier : « {text} » (colonne « {header} ») : "
                "pas de relance tant qu'il n'est pas vérifié"
            )
            _warn(grid, i, header, text, f"{PAID_SAID} : facture mise en attente")
    return {**holds, "hold": held, "hold_reason": reason}


def _warn(grid: Grid, index: int, header: str, text: str, message: str) -> None:
    """A row warning naming the free-text column, which no field reads."""
    row = int(grid.numbers[index])
    grid.problems.append(Problem(row, header, text, message, "warning"))


__all__ = [
    "FREE_TEXT",
    "PAID_SAID",
    "by_value",
    "free_text_columns",
    "free_text_disputes",
    "paid_remarks",
    "said_received",
]
