"""A client ledger from the accounts (« grand livre clients », « relevé de compte 411 »: Date,
Jnl, N° pièce, Libellé, Échéance, Débit, Crédit, Solde, Let.): entries, one block per client
under its account, invoices in the debit, payments in the credit, a running balance. Never
guessed into invoices (a journal code is no client, a running « Solde » no amount): refused in
one sentence saying what to export instead (review-pubwb8 H3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import LedgerError
from .columns import header_words

_DEBIT = frozenset({"debit", "debits", "mouvement debit", "mouvements debit", "montant debit"})
_CREDIT = frozenset(
    {"credit", "credits", "mouvement credit", "mouvements credit", "montant credit"}
)
# What only an accounting ledger has beside its debit and credit: a running balance, a
# journal code, a lettering mark.
_JOURNAL = frozenset({"jnl", "jal", "jl", "journal", "code journal", "journal code", "code jnl"})
_OWN = _JOURNAL | frozenset(
    {"solde", "solde progressif", "solde cumule", "solde courant", "cumul", "solde cumul"}
    | {"let", "lettrage", "code lettrage", "lettre", "lett"}
)
# A sales-only FEC extract (« PieceRef », « CompAuxLib », « Debit », « Credit ») is read.
_FEC_SALES = frozenset({"piece ref", "comp aux lib"})


def is_ledger411(row: list[Any]) -> bool:
    """Whether a header row is an accounting client ledger's (debit, credit and a running
    balance, journal code or lettering column)."""
    words = {header_words(v) for v in row if isinstance(v, str)}
    return bool(words & _DEBIT and words & _CREDIT and words & _OWN) and not words >= _FEC_SALES


def accounting_columns(headers: dict[int, str]) -> set[str]:
    """Headers never guessed as a field: a journal code (« Jnl », values VT, BQ), and beside a
    debit and a credit, a running balance (« Solde ») or a lettering mark."""
    words = {h: header_words(h) for h in headers.values()}
    ledger = set(words.values()) & _DEBIT and set(words.values()) & _CREDIT
    own = _OWN if ledger else _JOURNAL
    return {h for h, w in words.items() if w in own}


def ledger411_error(name: str, sheet: str, row: list[Any], index: int) -> LedgerError:
    """The one French sentence refusing an accounting client ledger (index: 0-based row)."""
    shown = ", ".join(str(v).strip() for v in row if isinstance(v, str) and v.strip())
    return LedgerError(
        f"{name} est un grand livre (ou relevé de compte) clients 411 (feuille « {sheet} », "
        f"en-têtes en ligne {index + 1} : {shown}) : des écritures comptables, un bloc par "
        "client, les factures au débit, les règlements au crédit et un solde progressif, pas "
        "une facture restant due par ligne (un code journal n'est pas un client, un solde "
        "cumulé n'est pas un montant) ; exportez plutôt de votre logiciel l'« échéancier "
        "clients » ou la « balance âgée détaillée par facture » : une ligne par facture non "
        "réglée, avec son client, son n°, sa date, son échéance et son montant restant dû."
    )


def ledger411_refusal(path: Path, heads: dict[str, list[list[Any]]]) -> LedgerError | None:
    """The refusal of a workbook whose table is an accounting client ledger, or None."""
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            if is_ledger411(row):
                return ledger411_error(path.name, sheet, row, index)
    return None


__all__ = ["accounting_columns", "is_ledger411", "ledger411_error", "ledger411_refusal"]
