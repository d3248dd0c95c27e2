"""A bank's CSV export: `;` or `,`, comma decimals, DD/MM/YYYY, an account header above the
table, one signed amount or « Débit » / « Crédit » columns, columns found by meaning."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import StatementError
from ..ledger import parse_amount, parse_date
from .headers import FIELD_NAMES, NOT_BOOKED, is_statement_header, match_columns
from .records import BankEntry, Statement, fold
from .reversals import REVERSAL_KIND

HEADER_SEARCH_LINES = 40
# A bank's label is a few hundred characters: csv's own limit (128 kB), set here so that no
# other code can have raised it for this process.
FIELD_LIMIT = 128 * 1024
csv.field_size_limit(FIELD_LIMIT)
_DELIMITERS = (";", ",", "\t", "|")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?( ?[+-]\d{2}:?\d{2}|Z)?$")
_DASHED_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
# Lines below the table that are no entries: totals, balances.
_SUMMARY = re.compile(r"^(TOTAL|SOLDE|NOUVEAU SOLDE|ANCIEN SOLDE|SOUS.TOTAL)\b")


def read_csv(path: Path, text: str) -> Statement:
    """The entries of a CSV statement, and the lines set aside with their reason."""
    rows, columns, header_index = _table(path, text)
    entries: list[BankEntry] = []
    skipped: list[str] = []
    for index, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in row):
            continue
        entry, why = _entry(path.name, index, row, columns)
        if entry is not None:
            entries.append(entry)
        elif why and (entries or header_index >= 0):  # no header: lines above the table
            skipped.append(f"ligne {index} : {why}")
    if header_index >= 0:
        header = rows[header_index]
        named = ", ".join(
            f"{FIELD_NAMES[f]} « {header[pos].strip()} »"
            for f, pos in sorted(columns.items(), key=lambda item: item[1])
        )
        description = f"en-têtes en ligne {header_index + 1} : {named}"
    else:
        description = "sans ligne d'en-têtes : colonnes reconnues à leur contenu"
    return Statement(str(path), "csv", tuple(ranked(entries)), tuple(skipped), description)


def _table(path: Path, text: str) -> tuple[list[list[str]], dict[str, int], int]:
    """The rows, the columns of each field and the header's index (-1: none, by content):
    row i is the file's line i + 1, as the person counts them."""
    best: tuple[list[list[str]], dict[str, int], int] | None = None
    for delimiter in _DELIMITERS:
        if delimiter not in text[:20000]:
            continue
        rows = _rows(path, text, delimiter)
        for index, row in enumerate(rows[:HEADER_SEARCH_LINES]):
            found = match_columns(row)
            if is_statement_header(found) and (best is None or len(found) > len(best[1])):
                best = (rows, found, index)
                break
    if best is not None:
        return best
    by_content = _by_content(path, text)
    if by_content is not None:
        return by_content
    raise StatementError(
        f"{path.name} : aucune ligne d'en-tête de relevé trouvée (une date, un montant ou "
        "des colonnes « Débit » / « Crédit », un libellé) dans ses "
        f"{HEADER_SEARCH_LINES} premières lignes ; est-ce bien l'export CSV du compte ?"
    )


def _by_content(path: Path, text: str) -> tuple[list[list[str]], dict[str, int], int] | None:
    """A table without a header line (LCL's export): the date, amount and label columns
    recognised by what they hold, on the first lines that have a date."""
    for delimiter in (";", ",", "\t"):
        rows = _rows(path, text, delimiter)
        sample = [r for r in rows[:200] if len(r) >= 3 and _day(r[0]) is not None][:50]
        if len(sample) < 1:
            continue
        width = min(len(r) for r in sample)
        amounts = [c for c in range(1, width) if all(_money(r[c]) is not None for r in sample)]
        texts = [c for c in range(1, width) if c not in amounts]
        if not amounts or not texts:
            continue
        label = max(texts, key=lambda c: sum(len(r[c]) for r in sample))
        return rows, {"date": 0, "amount": amounts[0], "label": label}, -1
    return None


def _rows(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """The file's rows; a field beyond FIELD_LIMIT (a line no bank writes), or a NUL, is
    refused in French with its line, before it costs the memory of a whole table."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        what = (
            f"un champ de plus de {FIELD_LIMIT // 1024} Ko"
            if "larger than field limit" in str(exc)
            else "un caractère nul ou des guillemets mal placés"
        )
        raise StatementError(
            f"Le relevé {path.name}, ligne {reader.line_num}, contient {what}, ce qu'aucun "
            "export bancaire ne fait ; téléchargez à nouveau l'export CSV du compte."
        ) from None


def _entry(
    source: str, line: int, row: Sequence[str], columns: dict[str, int]
) -> tuple[BankEntry | None, str]:
    """One row as an entry, or None and why (empty why: a line that is no entry at all)."""

    def cell(field: str) -> str:
        pos = columns.get(field)
        return row[pos].strip() if pos is not None and pos < len(row) else ""

    label = " ".join(cell(f) for f in ("label",) if cell(f))
    if _SUMMARY.match(fold(label or (row[0] if row else ""))):
        return None, ""
    status = cell("status")
    if status and NOT_BOOKED.search(fold(status)):
        return None, f"opération non comptabilisée (statut « {status} »)"
    day = _day(cell("date")) or _day(cell("value_date"))
    if day is None:
        return None, f"date illisible « {cell('date')} »" if cell("date") else ""
    amount = _signed(cell("amount"), cell("debit"), cell("credit"), columns)
    if amount is None:
        return None, "montant illisible ou absent"
    remittance = " ".join(x for x in (cell("detail"), cell("reference")) if x)
    kind = cell("kind")
    if amount < 0 and (_money(cell("credit")) or 0.0) < 0:  # a credit cancelled, never paid
        kind = f"{REVERSAL_KIND} {kind}".strip()
    entry = BankEntry(
        source=source,
        line=line,
        date=day,
        amount=amount,
        label=label or cell("payer"),
        payer=cell("payer"),
        remittance=remittance,
        bank_ref=cell("bank_ref"),
        currency=(cell("currency") or "EUR").upper(),
        kind=kind,
    )
    return entry, ""


def _signed(amount: str, debit: str, credit: str, columns: dict[str, int]) -> float | None:
    """One signed amount: the credit column as written (a negative credit is a cancellation,
    never a payment), the debit negative (written with or without its minus sign), else the
    amount column as signed."""
    if "credit" in columns or "debit" in columns:
        got = _money(credit)
        if got:
            return got
        lost = _money(debit)
        if lost:
            return -abs(lost)
        if not amount:
            return None
    value = _money(amount)
    return value if value else None


def _money(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        found = parse_amount(text)
    except ValueError:
        return None
    return round(float(found.value), 2) if found is not None else None


def _day(text: str) -> dt.date | None:
    """DD/MM/YYYY, DD/MM/YY, DD-MM-YYYY, YYYY-MM-DD, with or without a time after it."""
    text = _TIME.sub("", text.strip())
    dashed = _DASHED_DAY.match(text)
    if dashed:
        text = "/".join(dashed.groups())
    try:
        day = parse_date(text) if text else None
    except ValueError:
        return None
    return day if isinstance(day, dt.date) else None


def ranked(entries: list[BankEntry]) -> list[BankEntry]:
    """Identical entries (same date, amount, label, payer, remittance and account, no bank
    reference) numbered 1, 2…: two real 50,00 € payments on one day stay two when the file
    is imported again."""
    seen: Counter[tuple[dt.date, float, str]] = Counter()
    out = []
    for e in entries:
        if e.bank_ref:
            out.append(e)
            continue
        key = (e.date, e.amount, e.digest)
        seen[key] += 1
        out.append(e if seen[key] == 1 else replace(e, occurrence=seen[key]))
    return out


__all__ = ["ranked", "read_csv"]
