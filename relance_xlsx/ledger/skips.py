"""Rows of the grid that are not invoices to chase, with the reason.

Blank rows, totals rows (a label, or the sum of the rows above), invoice numbers that are
placeholders (« À_GÉNÉRER », « TBD », none), and invoices whose status says they are not to
be chased (draft, cancelled, rejected, written off, closed).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from .columns import normalise
from .dockinds import kind_skips
from .grid import Grid
from .kinds import is_payment_kind
from .numbers import amount_or_nan
from .partcredit import partly_credited
from .problems import Decision, Skip
from .standing import Standing
from .statuses import CANCELLED, CLOSED, DRAFT, NOT_CHASED, REJECTED, WRITTEN_OFF
from .sums import is_sum_above
from .voided import voided_credit_notes

_TOTAL_RE = re.compile(
    r"^(grand )?(total|totaux|sous total|subtotal|sub total|somme|sum|moyenne|average|avg|"
    r"max|min|cumul|report)\b"
)
# First letters of the words _TOTAL_RE knows: most invoice numbers are ruled out by this alone.
_TOTAL_INITIALS = frozenset("gtsmacrGTSMACR")
_NOT_PLAIN_START = _TOTAL_INITIALS | frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0")
# An invoice number not given yet: « À_GÉNÉRER », « TBD », « XXX », « F2026-XXX », « ? ».
_PLACEHOLDER = re.compile(
    r"^(a generer|a definir|a venir|a faire|a attribuer|a creer|tbd|tbc|tba|todo|to do|"
    r"pending|en attente|provisoire|brouillon|draft|none|null|nan|na|n a|sans|aucun)$"
    r"|x{3,}"
)
_TOTAL_LABEL = re.compile(
    r"^(grand |sous )?(total|totaux|totals|subtotal|sub total)"
    r"( (general|generaux|ttc|ht|client|clients|du mois|mois|annee|periode|a reporter))*$"
)
_TOTAL_STARTS = ("total", "sous", "grand", "sub")
_NUMBER, _BLANK, _PLACEHOLDER_KIND = 0, 1, 2
_ONLY_MARKS = re.compile(r"^[\s?_.\-–—/*#]+$")
# An invoice column filled on fewer rows than this is not the invoice numbers' column.
_NUMBERED = 0.5
_NOT_CHASED = {
    CANCELLED: "facture annulée",
    DRAFT: "brouillon, devis ou pro forma : pas une facture émise",
    REJECTED: "refusée ou rejetée sur la plateforme de facturation",
    WRITTEN_OFF: "créance classée, irrécouvrable ou passée en perte",
    CLOSED: "dossier clôturé",
}
TOTAL = "ligne de total"
PLACEHOLDER = "n° de facture provisoire : facture non émise"
UNNUMBERED = "sans n° de facture : facture non émise"
NOTHING = "ni numéro de facture ni montant"


def skip_rows(grid: Grid, standing: Standing) -> tuple[np.ndarray, list[Skip], list[Decision]]:
    """Which rows are invoices; the others with the reason they are passed over."""
    invoice = grid.raw("invoice")
    keep = np.ones(len(grid), dtype=bool)
    skips: list[Skip] = []

    def skip(index: int, reason: str) -> None:
        keep[index] = False
        skips.append(Skip(int(grid.numbers[index]), reason))

    numbered = "invoice" in grid.positions and invoice.filled().sum() >= _NUMBERED * len(grid)
    amounts = _amounts(grid, invoice)
    # One look at each distinct number: an invoice's, a blank or a total's label, a placeholder.
    kinds = np.fromiter(map(_number_kind, invoice.values), np.int8, len(invoice.values))
    kinds = kinds[invoice.codes]
    start = 0
    for i in np.flatnonzero(kinds == _BLANK).tolist():
        reason = _not_an_invoice(grid, i, amounts, start, numbered)
        if reason:
            skip(i, reason)
            start = i + 1 if reason == TOTAL else start
    # A client cell that is only a total's label (« TOTAL », « Sous-total client ») is a
    # totals row even when a formula filled its number cell (=COUNTA(A2:A40)).
    for i in np.flatnonzero(keep & grid.raw("client").mask(_total_label)).tolist():
        skip(i, TOTAL)
    for i in np.flatnonzero(keep & (kinds == _PLACEHOLDER_KIND)).tolist():
        skip(i, f"{PLACEHOLDER} (« {invoice.at(i)} »)")
    issued = voided_credit_notes(grid)  # « Avoir émis » on the credit note itself
    issued |= partly_credited(grid)  # « Annulée par avoir » beside a credit of 200 on 1 200 €
    for meaning, reason in _NOT_CHASED.items():
        rows = standing.rows(meaning) & ~(issued if meaning == CANCELLED else False)
        for i in np.flatnonzero(keep & rows).tolist():
            skip(i, f"{reason} ({standing.said[i]})")
    for i, reason in kind_skips(grid, keep):  # « Proforma » under « Mode facturation »
        skip(i, reason)
    # Blank rows after the last invoice are the sheet's end, not rows to report.
    end = grid.numbers[np.flatnonzero(keep)[-1]] if keep.any() else -1
    skips = [s for s in skips if not (s.reason == "ligne vide" and s.row > end)]
    return keep, sorted(skips, key=lambda s: s.row), _decisions(skips)


def _not_an_invoice(
    grid: Grid, i: int, amounts: np.ndarray, start: int, numbered: bool
) -> str | None:
    """Why a row without an invoice number (or with a total's label) is passed over."""
    cells = grid.row(i)
    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
        return "ligne vide"
    if any(isinstance(c, str) and _TOTAL_RE.match(normalise(c)) for c in cells):
        return TOTAL
    if np.isnan(amounts[i]) and _blank(grid.raw("amount").at(i)):
        return NOTHING
    if np.isnan(amounts[i]):  # an amount not read (« $1,200 »): said by the amount's check
        return UNNUMBERED if numbered else None
    if is_sum_above(amounts, i, start):
        return TOTAL  # no label: the sum of the rows above it
    # A payment received (QuickBooks' « Paiement » without a number) is imputed, not skipped.
    received = amounts[i] < 0 and is_payment_kind(grid.raw("doc_type").at(i))
    return UNNUMBERED if numbered and not received else None


def _amounts(grid: Grid, invoice: Any) -> np.ndarray:
    """The amounts as numbers (NaN where none), when a row without an invoice number has one:
    it may be a total. Most ledgers have no such row, and this costs them nothing."""
    if "amount" not in grid.positions:
        return np.full(len(grid), np.nan)
    amount = grid.raw("amount")
    if not (~invoice.filled() & amount.filled()).any():
        return np.full(len(grid), np.nan)
    cells = pd.Series(amount.array())
    numbers = pd.to_numeric(cells, errors="coerce").to_numpy(dtype=float, copy=True)
    texts = np.flatnonzero(np.isnan(numbers) & amount.filled())
    numbers[texts] = [amount_or_nan(v) for v in cells.iloc[texts].tolist()]
    return numbers


def _decisions(skips: list[Skip]) -> list[Decision]:
    """The skips `check` lists with their count (statuses are listed by their column)."""
    listed = (TOTAL, PLACEHOLDER, UNNUMBERED)
    kinds = Counter(s.reason.split(" (")[0] for s in skips if s.reason.startswith(listed))
    return [Decision(f"Lignes écartées : {kind}", n) for kind, n in kinds.items()]


def _blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and not value.strip())
    )


def _total_label(value: Any) -> bool:
    """« TOTAL », « Totaux », « Sous-total client », « Total général TTC »: never a name such
    as « Total Energies »."""
    if value.__class__ is not str or not value.lstrip()[:5].lower().startswith(_TOTAL_STARTS):
        return False  # a name: no folding for it (a clients column has thousands)
    return bool(_TOTAL_LABEL.match(normalise(value)))


def _number_kind(value: Any) -> int:
    """What an invoice number cell is: a number, blank (or a total's label), a placeholder."""
    # Nearly every number, at once: ASCII, no space to strip, no total's initial, no x (no
    # « xxx »), a last digit. Exactly what the longer way below says of such a text.
    if (
        value.__class__ is str
        and value[-1:].isdigit()
        and value.isascii()
        and value[0] not in _NOT_PLAIN_START
        and "x" not in value
        and "X" not in value
    ):
        return _NUMBER
    if value.__class__ is not str:
        return _BLANK if _blank(value) else _NUMBER
    text = value.strip()
    if not text:
        return _BLANK
    # The initial rules out almost every invoice number before the regex runs.
    if text[0] in _TOTAL_INITIALS and _TOTAL_RE.match(normalise(text)):
        return _BLANK
    low = text.lower()
    if "xxx" in low:
        return _PLACEHOLDER_KIND
    if low[-1].isdigit():
        return _NUMBER  # nearly every invoice number ends with a digit: no regex for those
    placeholder = _ONLY_MARKS.match(low) or _PLACEHOLDER.search(normalise(low))
    return _PLACEHOLDER_KIND if placeholder else _NUMBER


__all__ = ["NOTHING", "NOT_CHASED", "PLACEHOLDER", "TOTAL", "UNNUMBERED", "skip_rows"]
