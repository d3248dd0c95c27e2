"""The credits the bank step applied, read back from the journal by the bank's date and
amount: a statement imported again in another format (another key) is known (review-clerk3 M4)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .journal import PAYMENT_ACTIONS
from .journalread import lines_by_client

# The journal's text of a payment the bank step applied: the bank's date and the credit.
_CREDITED = re.compile(r"^Virement du (\d{2}/\d{2}/\d{4}) : (-?[\d\s\u202f\xa0]+,\d{2})")


def imported_payments(
    path: Path, sheet: str
) -> dict[tuple[str, int], list[tuple[str, str, dt.date]]]:
    """The credits the bank step applied, by (bank date JJ/MM/AAAA, amount in cents): each
    invoice it paid, its client and the day of the import (review-clerk3 M4)."""
    stat = Path(path).stat()
    out: dict[tuple[str, int], list[tuple[str, str, dt.date]]] = {}
    for client, by_client in lines_by_client(
        str(path), sheet, stat.st_size, stat.st_mtime_ns
    ).items():
        for line in by_client:
            found = _CREDITED.match(line.letter) if line.action in PAYMENT_ACTIONS else None
            if found is not None:
                figure = re.sub(r"[\s\u202f\xa0]", "", found.group(2)).replace(",", "")
                key = (found.group(1), int(figure))
                out.setdefault(key, []).append((line.invoice, client, line.run_date))
    return out


__all__ = ["imported_payments"]
