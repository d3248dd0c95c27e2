"""A client ledger from the accounts (« grand livre clients », « relevé de compte 411 »: Date,
Jnl, N° pièce, Libellé, Échéance, Débit, Crédit, Solde, Let.): entries, one block per client
under its account, invoices in the debit, payments in the credit, a running balance. Never
guessed into invoices (a journal code is no client, a running « Solde » no amount): refused in
one sentence saying what to export instead (review-pubwb8 H3)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import LedgerError
from .columns import header_words

# « Dr », « Cr », « Debit amount » too (review-pubre H3).
_DEBIT = frozenset(
    {"debit", "debits", "mouvement debit", "mouvements debit", "montant debit", "dr"}
    | {"debit amount", "montant au debit", "debit eur"}
)
_CREDIT = frozenset(
    {"credit", "credits", "mouvement credit", "mouvements credit", "montant credit", "cr"}
    | {"credit amount", "montant au credit", "credit eur"}
)
# What only an accounting ledger has beside its debit and credit: a running balance, a
# journal code, a lettering mark.
_JOURNAL = frozenset({"jnl", "jal", "jl", "journal", "code journal", "journal code", "code jnl"})
# « Lettre » alone is the letter sent (« Relance 1 »), no lettering mark (review-pubre2 H1).
_OWN = _JOURNAL | frozenset(
    {"solde progressif", "solde cumule", "solde courant", "cumul", "solde cumul"}
    | {"running balance", "cumulative balance", "balance cumulee", "running total"}
    | {"let", "lettrage", "code lettrage", "lett"}
)
# « Balance » or « Solde » beside a debit and a credit: a running balance when it adds up row
# by row, or an open-items list's per-invoice balance (debit − credit on its own row): the
# cells decide (review-pubre2 H1).
_BALANCE = frozenset({"balance", "solde", "dr cr", "balance dr cr", "solde dr cr"})
# A [columns] naming one of these says which column is owed: no guess to refuse.
_OWED_FIELDS = ("amount", "balance", "paid")
_RUNNING_ROWS = 2  # rows where the balance carries the one above
# A sales-only FEC extract (« PieceRef », « CompAuxLib », « Debit », « Credit ») is read.
_FEC_SALES = frozenset({"piece ref", "comp aux lib"})


def is_ledger411(
    row: list[Any], below: Sequence[Sequence[Any]] = (), columns: Mapping[str, str] | None = None
) -> bool:
    """Whether a header row is an accounting client ledger's (debit, credit and a running
    balance, journal code or lettering column); below: the rows under it, where a
    « Balance » that carries the row above is a running balance. A [columns] (columns) naming
    the amount, balance or paid column is obeyed, unless it names a journal code or a running
    balance."""
    words = [header_words(v) if isinstance(v, str) else "" for v in row]
    found = set(words)
    if not (found & _DEBIT and found & _CREDIT) or found >= _FEC_SALES:
        return False
    at = [next(i for i, w in enumerate(words) if w in kind) for kind in (_DEBIT, _CREDIT)]
    running = {i for i, w in enumerate(words) if w in _BALANCE and _running(below, at[0], at[1], i)}
    columns = columns or {}
    named = {header_words(h) for h in columns.values()}
    # A journal code is never the client: obeyed only with the client named elsewhere.
    clients = "client" in columns or not found & _JOURNAL
    if set(_OWED_FIELDS) & set(columns) and not named & _JOURNAL and clients:
        return any(words[i] in named for i in running)  # review-pubre2 H1
    return bool(found & _OWN or running)


def _running(rows: Sequence[Sequence[Any]], debit: int, credit: int, balance: int) -> bool:
    """Whether the balance column adds each row's debit − credit to the balance above."""
    carried, before = 0, None
    for row in rows:
        d, c, b = (_number(row, j) for j in (debit, credit, balance))
        if b is None:
            before = None  # a block's header or blank row: start again
            continue
        move = (d or 0.0) - (c or 0.0)
        if before is not None and abs(b - move) > _CENT and abs(before + move - b) <= _CENT:
            carried += 1
            if carried >= _RUNNING_ROWS:
                return True
        before = b
    return False


_CENT = 0.005


def _number(row: Sequence[Any], j: int) -> float | None:
    value = row[j] if j < len(row) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def accounting_columns(headers: dict[int, str]) -> set[str]:
    """Headers never guessed as a field: a journal code (« Jnl », values VT, BQ), and beside a
    debit and a credit, a running balance (« Solde ») or a lettering mark."""
    words = {h: header_words(h) for h in headers.values()}
    ledger = set(words.values()) & _DEBIT and set(words.values()) & _CREDIT
    own = _OWN | _BALANCE if ledger else _JOURNAL  # never amount = "Balance" (review-pubre H3)
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


def ledger411_refusal(
    path: Path, heads: dict[str, list[list[Any]]], columns: Mapping[str, str] | None = None
) -> LedgerError | None:
    """The refusal of a workbook whose table is an accounting client ledger, or None."""
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            if is_ledger411(row, rows[index + 1 :], columns):
                return ledger411_error(path.name, sheet, row, index)
    return None


__all__ = ["accounting_columns", "is_ledger411", "ledger411_error", "ledger411_refusal"]
