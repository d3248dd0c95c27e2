"""Which table of the workbook holds the invoices: every candidate scored, the best chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ooxml import ExcelTable
from .columns import header_words, is_invoice_table, match_headers, normalise
from .fec import is_fec_header
from .judge import judge
from .receipts import receipts
from .text import is_empty

HEADER_SEARCH_ROWS = 60
SAMPLE_ROWS = 200  # rows under a header looked at for signs of a line-item list
# What each field found is worth: an invoice list names its invoices, clients and amounts.
_WEIGHTS = {"invoice": 3.0, "client": 3.0, "amount": 3.0, "invoice_date": 2.0, "due_date": 2.0}
_MINOR = {"paid": 1.0, "balance": 1.0, "payment_date": 1.0, "client_number": 0.5}
# Headers of a list of invoice lines (many rows per invoice), not of invoices.
_LINE_ITEM_WORDS = {
    "qty": "quantité",
    "quantity": "quantité",
    "quantite": "quantité",
    "qte": "quantité",
    "unit price": "prix unitaire",
    "prix unitaire": "prix unitaire",
    "pu": "prix unitaire",
    "pu ht": "prix unitaire",
    "unit cost": "prix unitaire",
    "item": "article",
    "article": "article",
    "sku": "article",
    "product": "article",
    "produit": "article",
    "line": "ligne",
    "ligne": "ligne",
    "line no": "ligne",
}
_REPEATED_SHARE = 0.3
# A sheet named for purchases holds what the office owes: never chased.
_PURCHASE_SHEET_WORDS = frozenset(
    {"achat", "achats", "purchase", "purchases", "fournisseur", "fournisseurs", "supplier"}
    | {"suppliers", "vendor", "vendors", "depense", "depenses", "expense", "expenses"}
    | {"payable", "payables"}
)


@dataclass(frozen=True)
class TableGuess:
    """A candidate invoice table: where its header is, what it names, and its score."""

    sheet: str
    header_index: int  # 0-based row index in the grid
    positions: dict[str, int]
    score: float
    table: str | None = None  # the Excel table's name, when it is one
    signs: tuple[str, ...] = ()  # why it looks like a list of invoice lines
    # Why each field was read from its column (header, content), and what the content changed.
    evidence: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    # Why this is a purchases table (what the office owes), or "" for a sales table.
    purchases: str = ""
    # Why this is a receipts journal (payments received), or "" for invoices.
    receipts: str = ""

    def where(self) -> str:
        """« feuille « Factures », ligne 4 (tableau Excel « T_Factures ») », in French."""
        text = f"feuille « {self.sheet} », en-têtes en ligne {self.header_index + 1}"
        return text + (f" (tableau Excel « {self.table} »)" if self.table else "")


def score(
    positions: dict[str, int], headers: Sequence[Any], sample: list[list[Any]]
) -> tuple[float, tuple[str, ...]]:
    """How much a header row looks like an invoice list's, and the line-item signs it shows."""
    value = sum(_WEIGHTS.get(f, _MINOR.get(f, 0.5)) for f in positions)
    signs = list(
        dict.fromkeys(
            _LINE_ITEM_WORDS[w]
            for w in (header_words(h) for h in headers if h not in (None, ""))
            if w in _LINE_ITEM_WORDS
        )
    )
    if "invoice" in positions and _repeated(sample, positions["invoice"]):
        signs.append("même n° de facture sur plusieurs lignes")
    return value - 3.0 * len(signs), tuple(signs)


def _repeated(sample: list[list[Any]], column: int) -> bool:
    # A cell of spaces is empty: 25 template rows holding « » repeat no invoice number.
    values = [str(r[column]).strip() for r in sample if column < len(r) and not is_empty(r[column])]
    return len(values) >= 4 and 1 - len(set(values)) / len(values) > _REPEATED_SHARE


def candidates(
    sheet: str,
    head: list[list[Any]],
    tables: list[ExcelTable],
    overrides: dict[str, str],
) -> list[TableGuess]:
    """Every header row of a sheet that names an invoice table, and every Excel table's."""
    found: dict[int, TableGuess] = {}
    named = {t.header_row - 1: t for t in tables}
    rows = set(range(min(len(head), HEADER_SEARCH_ROWS))) | {i for i in named if i < len(head)}
    for index in sorted(rows):
        table = named.get(index)
        row = head[index]
        if table is not None:
            # Only the table's own columns: a note beside it is not one of its headers.
            row = [v if table.first_col <= j <= table.last_col else None for j, v in enumerate(row)]
        positions = match_headers(row, overrides, balance_as_amount=False)
        if not _worth_judging(positions) or is_fec_header(row):  # a FEC: entries, no invoices
            continue
        end = index + 1 + SAMPLE_ROWS
        if table is not None:
            end = min(end, table.last_row - table.totals_rows)
        sample = head[index + 1 : end]
        judged = judge(positions, row, sample, overrides)
        if not is_invoice_table(judged.positions):
            continue
        value, signs = score(judged.positions, row, sample)
        # An Excel table is a list someone declared: it wins a tie with a loose block of cells.
        bonus = 0.5 if table is not None else 0.0
        found[index] = TableGuess(
            sheet,
            index,
            judged.positions,
            value + bonus,
            table and table.name,
            signs,
            judged.evidence,
            judged.notes,
            _purchases(sheet, row, judged.positions, overrides),
            receipts(sheet, row, judged.positions, overrides),
        )
    return list(found.values())


def _worth_judging(positions: dict[str, int]) -> bool:
    """A header row that may be an invoice table once its content is seen (a net and a VAT
    column may hold the total's place)."""
    money = {"amount", "amount_ht", "vat", "balance"} & set(positions)
    return bool(money) and is_invoice_table({"amount": -1, **positions})


def _purchases(
    sheet: str, row: list[Any], positions: dict[str, int], overrides: dict[str, str]
) -> str:
    """Why a table is the office's purchases: a supplier column, or the sheet's name."""
    if "client" in overrides:
        return ""  # the user named the client column: the table is theirs to chase
    if "supplier" in positions and "client" not in positions:
        return f"colonne « {str(row[positions['supplier']]).strip()} »"
    if set(normalise(sheet).split()) & _PURCHASE_SHEET_WORDS:
        return f"feuille nommée « {sheet} »"
    return ""


def choose(
    guesses: list[TableGuess], order: Callable[[str], int]
) -> tuple[TableGuess | None, TableGuess | None]:
    """The best candidate and the runner-up (by score, then the earlier sheet and row)."""
    # A sales table beside a purchases table or a receipts journal is the one read,
    # whatever their scores.
    ranked = sorted(
        guesses,
        key=lambda g: (bool(g.purchases or g.receipts), -g.score, order(g.sheet), g.header_index),
    )
    best = ranked[0] if ranked else None
    # The runner-up worth naming is another table, not the row under the same header.
    others = [
        g
        for g in ranked[1:]
        if best and (g.sheet != best.sheet or abs(g.header_index - best.header_index) > 1)
    ]
    return best, others[0] if others else None


def why(guess: TableGuess, runner_up: TableGuess | None) -> str:
    """One French sentence: which table was chosen and why, and the other candidate."""

    text = f"Tableau choisi : {guess.where()}, {len(guess.positions)} colonnes reconnues"
    if runner_up is None:
        return text + "."
    if runner_up.purchases:
        reason = f"factures d'achats, {runner_up.purchases} : ce que vous devez, jamais relancé"
    elif runner_up.receipts:
        reason = f"règlements reçus, {runner_up.receipts} : pas des factures"
    elif runner_up.signs:
        reason = "lignes de détail : " + ", ".join(runner_up.signs)
    else:
        reason = f"{len(runner_up.positions)} colonnes reconnues"
    return text + f" ; écarté : {runner_up.where()} ({reason})."


__all__ = [
    "HEADER_SEARCH_ROWS",
    "SAMPLE_ROWS",
    "TableGuess",
    "candidates",
    "choose",
    "score",
    "why",
]
