"""Rows a document-kind column says are no invoice: a pro forma or a quote under « Mode
facturation », « Type de facture », « Nature », « Type » (review-pubwb5 M5), a QuickBooks
« Écriture de journal » under « Type d'opération » (review-pubwb5 L6). Each is kept out of
the letters as a draft is, with its reason."""

from __future__ import annotations

import re

import numpy as np

from .columns import normalise
from .freetext import by_value
from .grid import Grid

# Headers that give the kind of document (an invoice, a pro forma, a journal entry…), read or
# not by a field: « Mode facturation » (Standard / Proforma) is read by none.
KIND_HEADERS = frozenset(
    {"mode facturation", "mode de facturation", "type de facture", "type facture", "nature"}
    | {"type", "nature de la facture", "nature facture", "type de document", "type document"}
    | {"type de piece", "type piece", "type d operation", "type operation", "type de transaction"}
    | {"transaction type", "document type", "doc type"}
)
# « Proforma », « Pro forma », « Facture pro-forma », « Devis », « Devis n° 12 », « Quote »;
# not « Facture sur devis » (an invoice issued after a quote).
_DRAFT = re.compile(r"\b(pro ?formas?|devis|quotes?|quotations?|estimates?)\b")
_AFTER_QUOTE = re.compile(r"\b(sur|suite|selon|apres|d apres|on|per)( a| au| de| du)? devis\b")
# QuickBooks' « Écriture de journal », Xero's « Journal entry »: no invoice to chase.
_JOURNAL_ENTRY = re.compile(r"^(ecriture|ecritures)( de journal| comptable| d od| od)?$|"
                            r"^(journal entry|manual journal|operation diverse|od)$")  # fmt: skip
DRAFT_KIND = "brouillon, devis ou pro forma : pas une facture émise"
JOURNAL_KIND = "écriture de journal : pas une facture"


def kind_columns(grid: Grid) -> list[tuple[str, np.ndarray]]:
    """The header and kept cells of each document-kind column (the « Type de document » field's,
    and those no field reads)."""
    read = {p for f, p in grid.positions.items() if f != "doc_type"}
    return [
        (str(header), grid.cells(pos))
        for pos, header in enumerate(grid.headers)
        if pos < grid.width and pos not in read and normalise(header) in KIND_HEADERS
    ]


def kind_word(value: object) -> str | None:
    """Why a document-kind cell is no invoice (DRAFT_KIND, JOURNAL_KIND), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    word = normalise(value)
    if _DRAFT.search(word) and not _AFTER_QUOTE.search(word):
        return DRAFT_KIND
    return JOURNAL_KIND if _JOURNAL_ENTRY.match(word) else None


def kind_skips(grid: Grid, keep: np.ndarray) -> list[tuple[int, str]]:
    """The kept rows a document-kind column keeps out, each with its reason and the cell."""
    out: dict[int, str] = {}
    for header, cells in kind_columns(grid):
        for i in np.flatnonzero(keep & by_value(cells, kind_word)).tolist():
            why = None if i in out else kind_word(cells[i])
            if why:
                out[i] = f"{why} (« {' '.join(str(cells[i]).split())} », colonne « {header} »)"
    return sorted(out.items())


__all__ = ["DRAFT_KIND", "JOURNAL_KIND", "KIND_HEADERS", "kind_columns", "kind_skips", "kind_word"]
