"""Nothing written into the workbook after a read that looks wrong."""

from __future__ import annotations

from ..errors import LedgerError
from ..ledger import Ledger, implausible, would_stop


def refuse_implausible(ledger: Ledger, min_share: float) -> None:
    """Refuse to write when too few of the rows still owed give a usable invoice."""
    why = implausible(ledger, min_share)
    if why:
        raise LedgerError(
            f"{why} ; vérifiez la feuille et les colonnes avec « relance check », ou relancez "
            "avec --dry-run pour voir les problèmes."
        )


__all__ = ["implausible", "refuse_implausible", "would_stop"]
