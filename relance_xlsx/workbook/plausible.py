"""Nothing written into the workbook after a read that looks wrong."""

from __future__ import annotations

from ..errors import LedgerError
from ..ledger import Ledger, implausible
from .writeback import unwritable_format


def refuse_implausible(ledger: Ledger, min_share: float) -> None:
    """Refuse to write when too few of the rows still owed give a usable invoice."""
    why = implausible(ledger, min_share)
    if why:
        raise LedgerError(
            f"{why} ; vérifiez la feuille et les colonnes avec « relance check », ou relancez "
            "avec --dry-run pour voir les problèmes."
        )


def would_stop(ledger: Ledger, min_share: float, *, writes: bool = True) -> str | None:
    """Why `relance run` would stop on this workbook, with what to do, or None: a read that
    looks wrong, then (when it writes the workbook back) a format it cannot write."""
    why = implausible(ledger, min_share)
    if why:
        return (
            f"{why} ; corrigez les problèmes listés, ou la feuille et les colonnes lues "
            "(--sheet, section [columns] de relance.toml)"
        )
    return unwritable_format(ledger.path) if writes else None


__all__ = ["implausible", "refuse_implausible", "would_stop"]
