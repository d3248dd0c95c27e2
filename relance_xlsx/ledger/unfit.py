"""When no table fits: what was seen, what is missing, and the [columns] lines that fix it."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import NoInvoiceTable
from .amount_guess import pick_amount
from .columns import ALIASES, header_words, match_headers
from .fitness import INVOICE_WORDS, bills_received, misfit, sparse
from .guesscheck import amount_doubt
from .ledger411 import accounting_columns
from .profile import Profiles, more_names

SHOWN_HEADERS = 12
SHOWN_SHEETS = 8  # more sheets than this are counted, not listed
_NEEDED = {
    "invoice": "le n° de facture",
    "client": "le client",
    "amount": "le montant",
    "invoice_date": "la date de facture ou l'échéance",
}
_FOLDED = {name: [header_words(a) for a in aliases] for name, aliases in ALIASES.items()}


def header_row(rows: list[list[Any]]) -> int | None:
    """The row most like a header: the most text cells, the earliest on a tie."""
    counts = [sum(isinstance(v, str) and bool(v.strip()) for v in r) for r in rows]
    best = max(counts, default=0)
    return counts.index(best) if best >= 2 else None


def suggest_columns(
    row: list[Any], sample: list[list[Any]], overrides: dict[str, str]
) -> tuple[dict[str, str], list[str], bool]:
    """The fields an invoice table needs, each guessed from a header of this row, why a
    column was not trusted, and whether the table is bills received (nothing to suggest).

    By name first (the synonyms, then the closest spelling: « Montnat » is « Montant »),
    then by what the column holds: dates, amounts, a name repeated, a number on each row.
    Every guess is checked against its column's content: a reference (« V/REF »), a row
    counter or a column of text is never suggested as the amount.
    """
    headers = {j: str(v).strip() for j, v in enumerate(row) if isinstance(v, str) and v.strip()}
    profiles = Profiles(sample)
    found = match_headers(row, overrides)
    guess: dict[str, str] = {}
    doubts: list[str] = []
    if "supplier" in found and "client" not in found:
        # The office's own bills: nothing to chase, so no mapping to suggest.
        supplier = headers.get(found["supplier"], "")
        return (
            {},
            [f"« {supplier} » nomme un fournisseur : des factures d'achats, jamais relancées"],
            True,
        )
    received = bills_received(headers, {j: _cells(sample, j) for j in headers})
    if received and "client" not in overrides:
        return {}, [f"{received}, jamais relancées"], True
    barred = accounting_columns(headers)  # « Jnl », a running « Solde » (review-pubwb8 H3)
    taken = {headers[j] for j in found.values() if j in headers} | barred
    for field in (*_NEEDED, "due_date"):
        j = found.get(field)
        if j is None or j not in headers or (headers[j] in barred and field not in overrides):
            continue
        why = _misfit(field, headers[j], profiles, j)
        if why is None or field in overrides:
            guess[field] = headers[j]
        else:
            what = _NEEDED.get(field, "l'échéance")
            doubts.append(f"« {headers[j]} » n'est pas retenue pour {what} : {why}")
    for field in _NEEDED:
        if field in guess:
            continue
        j = _closest(field, headers, taken, profiles)
        if j is None:
            j = _by_content(field, headers, profiles, taken)
        if j is not None:
            guess[field] = headers[j]
            taken.add(headers[j])
    if "amount" not in overrides:
        _pick_amount(guess, headers, profiles, doubts)
    if "amount" not in guess:
        # The numbers set aside say why no amount was found (« V/REF », a row counter).
        for j, h in headers.items():
            why = _misfit("amount", h, profiles, j)
            if h not in taken and profiles[j].numbers >= 0.8 and why:
                doubts.append(f"« {h} » n'est pas retenue pour le montant : {why}")
    doubt = None if "amount" in overrides else amount_doubt(row, sample, guess)
    if doubt:  # never written: amount − paid disagrees with the rows (review-pubwb7 H6)
        doubts.append(doubt)
        del guess["amount"]
    return guess, doubts, False


def _pick_amount(
    guess: dict[str, str], headers: dict[int, str], profiles: Profiles, doubts: list[str]
) -> None:
    """The total rather than its net, the invoice's currency rather than a converted amount."""
    taken = {h for f, h in guess.items() if f != "amount"}
    amount, why = pick_amount(
        guess.get("amount"),
        {j: h for j, h in headers.items() if h not in taken},
        lambda j: _misfit("amount", headers[j], profiles, j) is None,
    )
    if why:
        doubts.append(why)
    if amount is None:
        guess.pop("amount", None)
    elif "amount" in guess:
        guess["amount"] = amount


def _misfit(field: str, header: str, profiles: Profiles, column: int) -> str | None:
    """Why a column cannot hold this field, judged by its header and content (None: it can)."""
    why = misfit(field, header, profiles[column], _cells(profiles.sample, column))
    empty = field in ("invoice", "client") and sparse(profiles[column], profiles.sample)
    return why or empty or None


def _cells(sample: Sequence[Sequence[Any]], column: int) -> list[Any]:
    return [r[column] if column < len(r) else None for r in sample]


def _closest(
    field: str, headers: dict[int, str], taken: set[str], profiles: Profiles
) -> int | None:
    scored = [
        (max(difflib.SequenceMatcher(None, header_words(h), a).ratio() for a in _FOLDED[field]), j)
        for j, h in headers.items()
        if h not in taken and _misfit(field, h, profiles, j) is None
    ]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.8 else None


def _by_content(
    field: str, headers: dict[int, str], profiles: Profiles, taken: set[str]
) -> int | None:
    """The first free column whose values look like this field's."""
    for j, h in headers.items():
        p = profiles[j]
        if h in taken or p.filled < 2 or _misfit(field, h, profiles, j) is not None:
            continue
        if field == "invoice_date" and p.dates > 0.8:
            return j
        if field == "amount" and p.distinct > 0.5:
            return j
        if field == "client" and p.distinct < 1.0:
            return j if not more_names(j, headers, profiles, taken) else None
        # Unique values alone are not invoice numbers (phones, serial numbers): the header
        # must name a number or a reference.
        words = set(header_words(h).split())
        if (
            field == "invoice"
            and p.distinct == 1.0
            and p.texts + p.numbers > 0.8
            and words & INVOICE_WORDS
        ):
            return j
    return None


def no_table_error(
    path: Path, heads: dict[str, list[list[Any]]], overrides: dict[str, str]
) -> NoInvoiceTable:
    """The error of a workbook with no invoice table: headers seen, fields missing, the fix."""
    seen, best, received = [], None, []
    for sheet, rows in heads.items():
        index = header_row(rows)
        if index is None:
            seen.append(f"feuille « {sheet} » : aucune ligne d'en-tête")
            continue
        first = next((i for i, r in enumerate(rows) if any(_filled(v) for v in r)), index)
        if _looks_like_data(rows[first]) and _looks_like_data(rows[index]):
            # Its values are never offered as header names (client = "admin").
            seen.append(_no_header(sheet, first, rows[first]))
            continue
        texts = [str(v).strip() for v in rows[index] if isinstance(v, str) and v.strip()]
        shown = ", ".join(f"« {t} »" for t in texts[:SHOWN_HEADERS]) + (
            " …" if len(texts) > SHOWN_HEADERS else ""
        )
        seen.append(f"feuille « {sheet} », ligne {index + 1} : {shown}")
        guess, doubts, bills = suggest_columns(
            rows[index], rows[index + 1 : index + 201], overrides
        )
        if bills:
            received.append(f"feuille « {sheet} » : {doubts[0]}")
        elif best is None or len(guess) > len(best[1]):
            best = (sheet, guess, doubts)
    message = f"Aucun tableau de factures reconnu dans {path.name}. {_seen(list(heads), seen)}"
    if received and (best is None or _missing(best[1])):
        # Bills the office received: nothing is owed to it, so no mapping is worth writing
        # (a products or rates sheet beside them is no sales table).
        return NoInvoiceTable(
            f"{path.name} ne contient que des factures d'achats, reçues de vos fournisseurs "
            f"({' ; '.join(received)}) : relance-xlsx ne relance jamais un fournisseur ; "
            "indiquez le classeur de vos ventes.",
            {},
        )
    suggestion, doubts = (best[1], best[2]) if best else ({}, [])
    error = suggestion_error(message, suggestion, doubts)
    error.missing = tuple(f for f in _NEEDED if f in _missing_fields(suggestion))
    error.headed, error.workbook = best is not None, path.name
    return error


_DATE_OR_TIME = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^\d{1,2}:\d{2}(:\d{2})?$")


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _looks_like_data(row: Sequence[Any]) -> bool:
    """A row of values, not of headers: a date or a time among two numbers or more."""
    cells = [v for v in row if _filled(v)]
    dated = [
        v
        for v in cells
        if isinstance(v, dt.date | dt.time)
        or (isinstance(v, str) and _DATE_OR_TIME.match(v.strip()))
    ]
    numbers = [v for v in cells if isinstance(v, int | float) and not isinstance(v, bool)]
    values = len(dated) + len(numbers)
    return bool(dated) and values >= 2 and 3 * values >= len(cells)


def _no_header(sheet: str, first: int, row: Sequence[Any]) -> str:
    """What a sheet without a header row is said to be."""
    shown = [int(v) if isinstance(v, float) and v.is_integer() else v for v in row]
    values = ", ".join(f"« {str(v).strip()} »" for v in shown if _filled(v))
    return (
        f"feuille « {sheet} » : la ligne {first + 1} ressemble à des données ({values}) : pas "
        "de ligne d'en-têtes ; ajoutez au-dessus des données une ligne qui nomme les colonnes "
        "(« N° facture », « Client », « Date facture », « Montant TTC »…)"
    )


def _missing(suggestion: dict[str, str]) -> list[str]:
    """The needed fields a suggestion lacks, in French (a due date stands for the date)."""
    return [_NEEDED[f] for f in _missing_fields(suggestion)]


def _missing_fields(suggestion: dict[str, str]) -> list[str]:
    """The needed fields a suggestion lacks (a due date stands for the date)."""
    return [
        f
        for f in _NEEDED
        if f not in suggestion and not (f == "invoice_date" and "due_date" in suggestion)
    ]


def _seen(sheets: list[str], seen: list[str]) -> str:
    """The headers seen, sheet by sheet; a workbook of many sheets in one short sentence."""
    if len(seen) <= SHOWN_SHEETS:
        return f"En-têtes vus : {' ; '.join(seen) or 'aucun'}."
    names = ", ".join(sheets[:3])
    return (
        f"{len(sheets)} feuilles, aucune ne ressemble à un tableau de factures "
        f'(ex. : {names}…) ; indiquez la feuille avec --sheet ou sheet = "…" dans relance.toml.'
    )


def suggestion_error(message: str, suggestion: dict[str, str], doubts: list[str]) -> NoInvoiceTable:
    """The error with the doubts, the columns guessed and what is still missing."""
    missing = _missing(suggestion)
    lines = "\n".join(f"{f} = {json.dumps(h, ensure_ascii=False)}" for f, h in suggestion.items())
    if doubts:
        message += " " + " ; ".join(doubts) + "."
    if suggestion and not missing:
        message += (
            f" Colonnes devinées (à vérifier) à coller dans relance.toml :\n[columns]\n{lines}\n"
            "ou lancez « relance check --suggest-config » pour les y écrire."
        )
    elif suggestion:
        message += (
            f" Colonnes devinées, incomplètes (« relance check --suggest-config » n'écrit "
            f"qu'une correspondance complète et vérifiée) :\n[columns]\n{lines}\n"
        )
    if missing:
        message += (
            f" Introuvable : {', '.join(missing)} ; nommez chaque colonne dans la section "
            '[columns] de relance.toml, par exemple amount = "Montant TTC".'
        )
    # Only a mapping whose every field was found and checked against its column is offered
    # for writing: a half-guess written into relance.toml would read wrong sums every week.
    return NoInvoiceTable(message, suggestion if not missing else {})


__all__ = ["header_row", "no_table_error", "suggest_columns", "suggestion_error"]
