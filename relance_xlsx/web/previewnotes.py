"""What the preview says above its letters besides the run's warnings (review-clerk3): a
workbook whose every invoice is paid, a run under way (Back during it), the run's warnings
without the preview's own temporary folder, and the cell a « Ligne N » link names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..pipeline import SETTINGS_WHERE, Cell, case_folder
from ..wording import money
from .plain import page_terms
from .state import UiState

# The run's sentence on the litigation files, which names the folder it wrote them to.
_HANDED = re.compile(r"leur dossier est dans (.+?) \(par exemple « (.+?) »\)")
# Said on a page where a run is under way, with a link to follow it.
UNDER_WAY = "Un traitement est en cours : rien n'est à confirmer ici, il n'a pas fini d'écrire."
FOLLOW = ("/suivi", "Suivre le traitement en cours")


def page_text(warning: str) -> str:
    """A run's warning as the page says it: the creditor's settings are filled in « les
    réglages », its own form, not in relance.toml."""
    return page_terms(warning.replace(SETTINGS_WHERE, "à remplir dans les réglages"))


def preview_warnings(result: Any) -> list[str]:
    """The preview's warnings, less the report's (phone numbers missing for the call list):
    those are said with the results and in the report, once, not on every preview; never a
    path of the preview's temporary folder (where nothing stays)."""
    said = [page_text(w) for w in result.warnings if "sans numéro de téléphone" not in w]
    return [_not_scratch(w, result) for w in said]


def _not_scratch(warning: str, result: Any) -> str:
    """The litigation files' sentence of a preview: where Confirmer will write them."""
    if not result.out_dir or str(result.out_dir) not in warning:
        return warning

    def where(found: re.Match[str]) -> str:
        folder = case_folder(found.group(2))
        return (
            f"leur dossier sera écrit à la confirmation, au dossier contentieux/{folder}/ à "
            f"côté des lettres (par exemple « {found.group(2)} »)"
        )

    warning = _HANDED.sub(where, warning)
    return warning.replace(str(result.out_dir), "le dossier des lettres")


def all_paid(result: Any) -> str | None:
    """One sentence when no letter goes because every invoice is paid, with what Confirmer
    still writes (the paid rows' status), or None."""
    invoices = [i for i in result.invoices if i.invoice]
    if result.letters or result.to_complete or not invoices:
        return None
    if not all(i.paid or i.outstanding <= 0 for i in invoices):
        return None
    paid = sum(1 for i in invoices if i.paid)
    late = [n for n in result.summary.not_chased if n.why == "paid_late"]
    owed = sum(n.amount for n in late)
    said = "Toutes les factures sont réglées : aucune lettre à envoyer."
    if paid:
        said += (
            f" À la confirmation, {paid} ligne(s) du classeur seront mises à jour (statut "
            "« Réglée »), sans autre écriture que le journal et le rapport."
        )
    if owed:
        said += (
            f" Réglées en retard : {money(owed)} de pénalités et d'indemnités que vous pouvez "
            "réclamer (voir plus bas)."
        )
    return said


def under_way(state: UiState) -> str | None:
    """What the preview says while a run (« Confirmer ») is under way, or None."""
    job = state.job
    if job is None or job.finished or job.kind != "traitement":
        return None
    return UNDER_WAY


def notes(state: UiState, result: Any) -> dict[str, Any]:
    """The preview's own sentences, for its template."""
    return {"all_paid": all_paid(result), "under_way": under_way(state), "follow": FOLLOW}


def faulty_ref(cells: Sequence[Cell], column: str) -> str | None:
    """The reference of the cell a problem names, by the column's title, its letter (a column
    without a title) or the cell's own reference; None when it names none of this row."""
    if not column:
        return None
    for cell in cells:
        letters = cell.ref.rstrip("0123456789")
        if column in (cell.header, letters, cell.ref):
            return cell.ref
    return None


__all__ = [
    "FOLLOW",
    "UNDER_WAY",
    "all_paid",
    "faulty_ref",
    "notes",
    "page_text",
    "preview_warnings",
]
