"""Nothing written into the workbook after a read that looks wrong."""

from __future__ import annotations

from ..errors import LedgerError
from ..ledger import Ledger


def refuse_implausible(ledger: Ledger, min_share: float) -> None:
    """Refuse to write when too few of the rows read give a usable invoice (or none does).

    A wrong table (line items instead of invoices) or a shifted header makes every row a
    problem; writing « À corriger » into them would damage the user's table.
    """
    read = ledger.invoice_count
    usable = int(ledger.frame["valid"].sum()) if read else 0
    if usable and usable >= min_share * read:
        return
    where = f"feuille « {ledger.sheet} », en-têtes ligne {ledger.header_row}"
    raise LedgerError(
        f"Lecture douteuse ({where}) : {usable} facture(s) utilisable(s) sur {read} ligne(s) "
        "lue(s), donc rien n'est écrit dans le classeur ; vérifiez la feuille et les colonnes "
        "avec « relance check », ou relancez avec --dry-run pour voir les problèmes."
    )


__all__ = ["refuse_implausible"]
