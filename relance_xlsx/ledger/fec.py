"""A FEC (fichier des écritures comptables): its header is fixed by article A47 A-1 of the
Livre des procédures fiscales. It lists accounting entries, not invoices: never read as an
invoice table, refused in one sentence that says what to export instead (review-pubwb5 M11)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import LedgerError

# The 18 columns of article A47 A-1 LPF, folded (case, underscores, spaces).
FEC_COLUMNS = (
    "journalcode", "journallib", "ecriturenum", "ecrituredate", "comptenum", "comptelib",
    "compauxnum", "compauxlib", "pieceref", "piecedate", "ecriturelib", "debit", "credit",
    "ecriturelet", "datelet", "validdate", "montantdevise", "idevise",
)  # fmt: skip
# The columns no other table has: with most of the others, a FEC for certain.
_OWN = frozenset({"journalcode", "ecriturenum", "comptenum", "compauxnum", "pieceref"})
_ENOUGH = 12
_FOLD = re.compile(r"[^a-z]")


def _fold(value: Any) -> str:
    return _FOLD.sub("", str(value).lower()) if isinstance(value, str) else ""


def is_fec_header(row: list[Any]) -> bool:
    """Whether a header row is a FEC's (most of its 18 fixed columns, its own among them)."""
    named = {_fold(v) for v in row} & set(FEC_COLUMNS)
    return len(named) >= _ENOUGH and named >= _OWN


def fec_money(folded: list[str], mapping: dict[str, int], used: set[int]) -> None:
    """In a sales-only extract named like a FEC (« PieceRef », « CompAuxLib », « Debit »,
    « Credit »), the debit is the invoice's amount and the credit what settled it; a plain
    « Débit » elsewhere (a grand livre mixing invoices and payments) stays unread."""
    if "piece ref" not in folded or "comp aux lib" not in folded:
        return
    for field, name in (("amount", "debit"), ("paid", "credit")):
        if field not in mapping and name in folded and folded.index(name) not in used:
            mapping[field] = folded.index(name)
            used.add(mapping[field])


def fec_refusal(path: Path, heads: dict[str, list[list[Any]]]) -> LedgerError | None:
    """The refusal of a workbook whose table is a FEC, or None."""
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            if is_fec_header(row):
                return LedgerError(
                    f"{path.name} est un FEC, fichier des écritures comptables (feuille "
                    f"« {sheet} », en-têtes en ligne {index + 1} : JournalCode, EcritureNum, "
                    "CompteNum, PieceRef, Debit, Credit…) : il liste des écritures, pas les "
                    "factures restant dues, et relance-xlsx ne le lit pas ; exportez plutôt de "
                    "votre logiciel comptable la « balance âgée », l'« échéancier clients » ou "
                    "le « grand livre clients non lettré »."
                )
    return None


__all__ = ["FEC_COLUMNS", "fec_money", "fec_refusal", "is_fec_header"]
