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
    « Credit »), the debit is the invoice's amount (fec_signed folds the credit into it); a
    plain « Débit » elsewhere (a grand livre mixing invoices and payments) stays unread."""
    debit = folded.index("debit") if "debit" in folded else -1
    if _sales_extract(folded) and "amount" not in mapping and debit >= 0 and debit not in used:
        mapping["amount"] = debit
        used.add(debit)


def fec_signed(grid: list[list[Any]], header_index: int, amount: int | None) -> None:
    """A sales-only FEC extract's rows with the debit less the credit as their amount: a
    credit note (« Credit » 300, « Debit » 0) is an amount of -300, never a 0 € invoice."""
    from .columns import header_words  # columns reads this module's fec_money

    folded = [header_words(v) if isinstance(v, str) else "" for v in grid[header_index]]
    if amount is None or not _sales_extract(folded) or "credit" not in folded:
        return
    credit = folded.index("credit")
    for row in grid[header_index + 1 :]:
        if credit < len(row) and amount < len(row) and _number(row[credit]):
            debit = _debit(row[amount])
            if debit is not None:  # a debit as text the reader cannot fold is read as usual
                row[amount] = debit - row[credit]


def _debit(value: Any) -> float | None:
    """A debit cell as a number: empty is 0; a text « 1200,00 » (a FEC pasted as text) its
    value, never 0 (review-attack-6 §7: it became a 0 € invoice written back « Réglée »);
    None for any other text."""
    if _number(value):
        return float(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value)).replace(",", ".")
    return float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None


def _sales_extract(folded: list[str]) -> bool:
    return "piece ref" in folded and "comp aux lib" in folded


def _words(value: Any) -> str:
    return (
        " ".join(re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", value)).lower()
        if isinstance(value, str)
        else ""
    )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


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


__all__ = ["FEC_COLUMNS", "fec_money", "fec_refusal", "fec_signed", "is_fec_header"]
