"""A sheet of forecast receipts beside the invoices (« Encaissements prévus », « Date
prévue »): never read as payments (payments.forecast), and said once, so that nobody wonders
why the planned receipts changed nothing (review-nextcase M4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .columns import match_headers
from .payments import forecast

_SEARCH_ROWS = 30


def forecast_sheets(
    rows_of: Callable[[str, int | None], list[list[Any]]], sheets: list[str]
) -> list[str]:
    """The warning for each sheet listing planned receipts of invoices (an invoice and an
    amount column under a forecast's name or date header), which is not read."""
    said = []
    for sheet in sheets:
        try:
            head = rows_of(sheet, _SEARCH_ROWS)
        except Exception:  # an unreadable sheet says nothing
            continue
        for row in head:
            if not forecast(sheet, row):
                continue
            pos = match_headers(row)
            if {"invoice", "settled_invoice"} & set(pos) and {"amount", "paid"} & set(pos):
                said.append(
                    f"La feuille « {sheet} » (encaissements prévus) n'est pas lue comme des "
                    "règlements."
                )
                break
    return said


__all__ = ["forecast_sheets"]
