"""Whose payment: a receipts row that names its client (« Client » beside « Facture réglée »)
settles an invoice of that client only. A typo in the invoice number must not settle another
client's invoice (review-attack-5 §4): such a payment is set aside, its invoice held."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..wording import money
from .banks import BANK_OTHER_AMOUNT, BANK_PAID, bank_name
from .columns import normalise

if TYPE_CHECKING:  # payments.py imports this module
    from .payments import PaymentsTable

# Words that do not tell two clients apart: legal forms, articles, « & ».
_NOISE = frozenset(
    {"sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "scop", "ei", "eirl", "selarl", "selas",
     "gie", "ets", "etablissements", "ste", "societe", "cie", "et", "and", "le", "la", "les",
     "l", "de", "du", "des", "d", "m", "mme", "mr", "monsieur", "madame"}
)  # fmt: skip
# A name: a word of three letters or more, no digit (« C001 », « 411DUPONT » are codes).
_NAME = re.compile(r"^[^\d]*[^\W\d_]{3}[^\d]*$")
OTHER_CLIENT = (
    "règlement au nom d'un autre client : la ligne de la feuille « {sheet} » (ligne {row}) "
    "nomme « {payer} », la facture est celle de « {client} » ; le règlement n'est pas appliqué, "
    "la facture est mise en attente : vérifiez le numéro de facture de ce règlement"
)


def _words(name: Any) -> frozenset[str]:
    return frozenset(w for w in re.split(r"\s+", normalise(name)) if w and w not in _NOISE)


def same_client(payer: Any, client: Any) -> bool:
    """Whether a receipts row's client is the invoice's (one's words within the other's)."""
    mine, theirs = _words(payer), _words(client)
    if not mine or not theirs:
        return True  # nothing to compare: the number alone decides, as before
    return mine <= theirs or theirs <= mine


def other_clients(
    frame: pd.DataFrame, payers: dict[str, list[tuple[int, str]]], keys: list[str]
) -> dict[int, tuple[int, str]]:
    """Invoice position -> (sheet row, payer named) of a receipts row naming another client.
    Codes (« C001 ») are not names; a column that disagrees on most rows is not the clients'
    names at all (another naming, a bank's): nothing is held then, unless those rows name other
    clients of the ledger (a misaligned sheet: all held)."""
    out: dict[int, tuple[int, str]] = {}
    if not payers or "client" not in frame:
        return out
    clients = frame["client"].tolist()
    compared = 0
    for i, key in enumerate(keys):
        for row, payer in payers.get(key, ()):
            if not _NAME.search(payer) or bank_name(payer):  # a bank: banks.py
                continue
            compared += 1
            if not same_client(payer, clients[i]):
                out.setdefault(i, (row, payer))
    if len(out) > 2 and 2 * len(out) > compared and not _ledger_names(out, clients):
        return {}
    return out


def _ledger_names(out: dict[int, tuple[int, str]], clients: list[Any]) -> bool:
    """Whether most rows disagreeing name another client of the ledger: a misaligned sheet
    (a sorted column, review-attack-6 §4), every such row held; else another naming."""
    known = {w for w in map(_words, set(map(str, clients))) if w}
    by_word: dict[str, list[frozenset[str]]] = {}
    for words in known:
        for word in words:
            by_word.setdefault(word, []).append(words)
    named = 0
    for _, payer in out.values():
        mine = _words(payer)
        if mine and any(mine <= w or w <= mine for x in mine for w in by_word.get(x, ())):
            named += 1
    return 2 * named >= len(out)


# The rows a payments sheet held on purpose (its reason said): not unreadable rows, so never
# counted against the read's plausibility (usable.py; review-late M6: one such row among two
# stopped the run, and the other invoice's settlement was never written back).
SHEET_HELD = "sheet_held"


def mark_held(frame: pd.DataFrame, row: Any, said: str) -> None:
    """Hold the invoice of this row label, in place, for what a payments sheet says of it
    (its first problem kept)."""
    if SHEET_HELD not in frame:
        frame[SHEET_HELD] = False
    frame.loc[row, "valid"] = False
    frame.loc[row, SHEET_HELD] = True
    if frame.loc[row, "problem"] is None:
        frame.loc[row, "problem"] = said


def hold_invoice(frame: pd.DataFrame, i: int, said: str) -> str:
    """Hold the invoice at position i, in place, for what a payments sheet says of it (its
    first problem kept); the run's warning naming it."""
    row = frame.index[i]
    mark_held(frame, row, said)
    return f"Facture n° {frame.loc[row, 'invoice']} (ligne {frame.loc[row, 'row']}) : {said}."


def other_client_held(
    frame: pd.DataFrame, table: PaymentsTable, keys: list[str]
) -> tuple[PaymentsTable, list[str]]:
    """The table without the payments of a row naming another client than the invoice's;
    their invoices held, in place, a warning for each (payer.py)."""
    found = other_clients(frame, table.payers, keys)
    warnings = _banks(frame, table, keys, found)
    if not found:
        return table, warnings
    for i, (sheet_row, payer) in found.items():
        client = frame["client"].iloc[i]
        text = BANK_OTHER_AMOUNT if bank_name(payer) else OTHER_CLIENT
        said = text.format(sheet=table.sheet, row=sheet_row, payer=payer, client=client, bank=payer)
        warnings.append(hold_invoice(frame, i, said))
    gone = {keys[i] for i in found}
    kept = {k: v for k, v in table.payments.items() if k not in gone}
    undated = tuple(u for u in table.undated if u[0] not in gone)
    return replace(table, payments=kept, undated=undated), warnings


def _banks(
    frame: pd.DataFrame, table: PaymentsTable, keys: list[str], found: dict[int, tuple[int, str]]
) -> list[str]:
    """The warnings of the rows naming a bank: its payment applied when of the invoice's exact
    amount, else added to found (held)."""
    warnings = []
    for i, key in enumerate(keys):
        for row, payer in table.payers.get(key, ()):
            if not bank_name(payer) or i in found:
                continue
            paid = sum(a for _, a in table.payments.get(key, ()))
            paid += sum(u[3] for u in table.undated if u[0] == key)
            amount = float(frame["amount"].iloc[i])
            if abs(paid - amount) <= 0.005:
                said = BANK_PAID.format(
                    bank=payer, sheet=table.sheet, row=row, amount=money(amount)
                )
                invoice = frame["invoice"].iloc[i]
                warnings.append(f"Facture n° {invoice} (ligne {frame['row'].iloc[i]}) : {said}.")
            else:
                found[i] = (row, payer)
    return warnings


def unknown_invoices(table: PaymentsTable, keys: list[str], shown: int = 5) -> list[str]:
    """A warning per invoice a payments sheet names that the ledger does not hold: never
    applied, and never silent either (it may be a typo for another invoice, review-late M3)."""
    known = set(keys)
    # What is left to apply once rows naming several invoices are split (grouped.py).
    left = {*table.payments, *(u[0] for u in table.undated)}
    missing = [(k, v) for k, v in table.typed.items() if k in left and k not in known]
    out = [
        f"Feuille « {table.sheet} » : règlement de la facture n° {number} (ligne(s) "
        f"{', '.join(map(str, rows[:5]))}) : cette facture n'est pas dans le classeur, le "
        "règlement n'est appliqué à aucune facture ; vérifiez son numéro."
        for _, (number, rows) in missing[:shown]
    ]
    if len(missing) > shown:
        out.append(
            f"Feuille « {table.sheet} » : {len(missing) - shown} autre(s) facture(s) réglée(s) "
            "absente(s) du classeur, règlements non appliqués."
        )
    return out


__all__ = [
    "OTHER_CLIENT",
    "SHEET_HELD",
    "hold_invoice",
    "mark_held",
    "other_client_held",
    "other_clients",
    "same_client",
    "unknown_invoices",
]
