"""When no table fits: what was seen, what is missing, and the [columns] lines that fix it."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any

from ..errors import NoInvoiceTable
from .columns import ALIASES, header_words, match_headers

SHOWN_HEADERS = 12
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
) -> dict[str, str]:
    """The fields an invoice table needs, each guessed from a header of this row.

    By name first (the synonyms, then the closest spelling: « Montnat » is « Montant »),
    then by what the column holds: dates, amounts, a name repeated, a number on each row.
    """
    headers = {j: str(v).strip() for j, v in enumerate(row) if isinstance(v, str) and v.strip()}
    found = match_headers(row, overrides)
    guess = {
        f: headers[j] for f, j in found.items() if j in headers and f in (*_NEEDED, "due_date")
    }
    taken = {headers[j] for j in found.values() if j in headers}
    for field in _NEEDED:
        if field in guess:
            continue
        j = _closest(field, headers, taken) or _by_content(field, headers, sample, taken)
        if j is not None:
            guess[field] = headers[j]
            taken.add(headers[j])
    return guess


def _closest(field: str, headers: dict[int, str], taken: set[str]) -> int | None:
    scored = [
        (max(difflib.SequenceMatcher(None, header_words(h), a).ratio() for a in _FOLDED[field]), j)
        for j, h in headers.items()
        if h not in taken
    ]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.8 else None


def _by_content(
    field: str, headers: dict[int, str], sample: list[list[Any]], taken: set[str]
) -> int | None:
    """The first free column whose values look like this field's."""
    for j, h in headers.items():
        if h in taken:
            continue
        values = [r[j] for r in sample if j < len(r) and r[j] not in (None, "")]
        if len(values) < 2:
            continue
        dates = sum(isinstance(v, dt.date) for v in values) / len(values)
        numbers = sum(isinstance(v, int | float) and not isinstance(v, bool) for v in values) / len(
            values
        )
        texts = [str(v) for v in values if isinstance(v, str)]
        distinct = len(set(map(str, values))) / len(values)
        if field == "invoice_date" and dates > 0.8:
            return j
        if field == "amount" and numbers > 0.8 and distinct > 0.5:
            return j
        if field == "client" and len(texts) > 0.8 * len(values) and distinct < 1.0:
            return j
        if field == "invoice" and distinct == 1.0 and dates < 0.2:
            return j
    return None


def no_table_error(
    path: Path, heads: dict[str, list[list[Any]]], overrides: dict[str, str]
) -> NoInvoiceTable:
    """The error of a workbook with no invoice table: headers seen, fields missing, the fix."""
    seen, best = [], None
    for sheet, rows in heads.items():
        index = header_row(rows)
        if index is None:
            seen.append(f"feuille « {sheet} » : aucune ligne d'en-tête")
            continue
        texts = [str(v).strip() for v in rows[index] if isinstance(v, str) and v.strip()]
        shown = ", ".join(f"« {t} »" for t in texts[:SHOWN_HEADERS]) + (
            " …" if len(texts) > SHOWN_HEADERS else ""
        )
        seen.append(f"feuille « {sheet} », ligne {index + 1} : {shown}")
        guess = suggest_columns(rows[index], rows[index + 1 :], overrides)
        if best is None or len(guess) > len(best[1]):
            best = (sheet, guess)
    suggestion = best[1] if best else {}
    missing = [
        label
        for f, label in _NEEDED.items()
        if f not in suggestion and not (f == "invoice_date" and "due_date" in suggestion)
    ]
    lines = "\n".join(f"{f} = {json.dumps(h, ensure_ascii=False)}" for f, h in suggestion.items())
    seen_text = " ; ".join(seen) or "aucun"
    message = f"Aucun tableau de factures reconnu dans {path.name}. En-têtes vus : {seen_text}."
    if suggestion:
        message += (
            f" Colonnes devinées (à vérifier) à coller dans relance.toml :\n[columns]\n{lines}\n"
            "ou lancez « relance check --suggest-config » pour les y écrire."
        )
    if missing:
        message += (
            f" Introuvable : {', '.join(missing)} ; nommez chaque colonne dans la section "
            '[columns] de relance.toml, par exemple amount = "Montant TTC".'
        )
    return NoInvoiceTable(message, suggestion)


__all__ = ["header_row", "no_table_error", "suggest_columns"]
