"""A receipts journal (« Encaissements », « Règlements »): payments received, never invoices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import LedgerError
from .aged import aged_refusal
from .column_case import Case, percent
from .columns import header_words, match_headers, normalise
from .fec import fec_refusal
from .ledger411 import ledger411_refusal

# A sheet named for the payments received (« Encaissements », « Journal des règlements »).
RECEIPT_SHEET_WORDS = frozenset(
    {"encaissement", "encaissements", "reglement", "reglements", "receipt", "receipts"}
    | {"paiement", "paiements", "payment", "payments", "versement", "versements"}
)
# A sheet no invoice tracker is named after (« Suivi des paiements » may list invoices).
# A shop's « livre de recettes » too: its sales were paid at once (review-pubwb8 H6).
_RECEIPTS_ONLY = frozenset({"encaissement", "encaissements", "receipt", "receipts", "recettes"})
# How a payment was made: a column every receipts journal has (« Mode de règlement »).
_PAYMENT_MODE = frozenset(
    {"mode de reglement", "mode reglement", "mode de paiement", "mode paiement", "mode regl"}
    | {"moyen de paiement", "moyen paiement", "payment method", "payment mode"}
)


def settled_invoice_flags(case: Case) -> None:
    """« Facture réglée » of oui/non is a paid flag of the row's own invoice, not the number
    of the invoice a payment settles."""
    column = case.movable("settled_invoice")
    if column is None or "paid_flag" in case.pos:
        return
    p = case.profiles[column]
    if p.filled and p.flags >= 0.8:
        case.pos["paid_flag"] = case.pos.pop("settled_invoice")
        case.evidence["paid_flag"] = f"d'après le contenu : {percent(p.flags)} de oui/non"


def receipts(
    sheet: str, row: Sequence[Any], positions: Mapping[str, int], overrides: Mapping[str, str]
) -> str:
    """Why a table lists payments received rather than invoices, or "": a column naming the
    invoice each row settles, or a sheet named « Encaissements » with a payment-mode column
    and no due date."""
    if "invoice" in overrides:
        return ""  # the user named the invoice column: the table is theirs to chase
    if "settled_invoice" in positions:
        return f"colonne « {str(row[positions['settled_invoice']]).strip()} »"
    if _invoice_columns(row, positions):
        return ""  # « N° facture », « Date facture », « Réglée » : invoices, whatever the name
    named = set(normalise(sheet).split()) & _RECEIPTS_ONLY
    modes = [str(v).strip() for v in row if isinstance(v, str) and header_words(v) in _PAYMENT_MODE]
    if named and modes and "due_date" not in positions:
        return f"feuille « {sheet} », colonne « {modes[0]} »"
    return ""


# Words of an invoice-number header (« N° facture », « Invoice no. »), never a receipt's.
_INVOICE_WORDS = frozenset({"facture", "factures", "fact", "invoice", "invoices"})
# The columns that say whether each row's own invoice was paid: a yes/no or a status.
_OWN_STATE = frozenset({"paid_flag", "status", "payment_status"})


def _invoice_columns(row: Sequence[Any], positions: Mapping[str, int]) -> bool:
    """Whether a table's columns are an invoice's: « N° facture », « Date facture » and a paid
    yes/no or a status, which outweigh a sheet named « Suivi encaissements » and a payment
    mode column (review-nextcase H4)."""
    if "invoice" not in positions or "invoice_date" not in positions:
        return False
    if not _OWN_STATE & set(positions):
        return False
    return bool(set(header_words(str(row[positions["invoice"]])).split()) & _INVOICE_WORDS)


def receipts_error(name: str, where: str, reason: str) -> str:
    """The one French sentence refusing a receipts journal as the invoice table."""
    return (
        f"{name} ressemble à un journal des règlements reçus ({where}, {reason}) : chaque "
        "ligne y est un paiement encaissé, pas une facture à relancer ; choisissez la feuille "
        'des factures (--sheet "…" ou sheet = "…" en tête de relance.toml), ou nommez la '
        "colonne du n° de facture dans la section [columns] de relance.toml si ce tableau "
        "est bien celui de vos factures."
    )


def receipts_refusal(
    path: Path, heads: dict[str, list[list[Any]]], overrides: dict[str, str]
) -> LedgerError | None:
    """The refusal of a workbook with no invoice table whose sheet is a receipts journal
    (« Montant encaissé » and no invoice amount), or a FEC (fec.py), or an aged balance by
    client (aged.py), or None."""
    if (
        fec := fec_refusal(path, heads)
        or aged_refusal(path, heads)
        or ledger411_refusal(path, heads, overrides)
    ):
        return fec
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            positions = match_headers(row, overrides)
            if not {"paid", "amount"} & set(positions):
                continue
            reason = receipts(sheet, row, positions, overrides)
            if reason:
                where = f"feuille « {sheet} », en-têtes en ligne {index + 1}"
                return LedgerError(receipts_error(path.name, where, reason))
    return None


__all__ = [
    "RECEIPT_SHEET_WORDS",
    "receipts",
    "receipts_error",
    "receipts_refusal",
    "settled_invoice_flags",
]
