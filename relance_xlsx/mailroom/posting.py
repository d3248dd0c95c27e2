"""The posting list of the registered letters: handed over at the post office, then filled in
with each LRAR number, which the next run carries into the workbook.

One .xlsx written with XlsxWriter (and its PDF with --pdf): recipient, address, reference,
amount, and an empty column for the number. A very hidden sheet keeps what the office need not
see: each line's client, letter and invoices, so that the number reaches the right rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..letters import Letter, LetterRows, total_due
from ..wording import date_short, money, plain

LIST_NAME = "liste_recommandes.xlsx"
SHEET = "Recommandés"
KEYS_SHEET = "relance"
NUMBER_HEADER = "N° de recommandé"
HEADERS = ("N°", "Destinataire", "Adresse", "Référence", "Montant réclamé", NUMBER_HEADER)
KEYS_HEADERS = ("N°", "Client", "Courrier", "Facture", "Date")


@dataclass(frozen=True)
class PostingLine:
    """One registered letter on the list, and the LRAR number once typed."""

    line: int
    client: str
    recipient: str
    address: tuple[str, ...]
    reference: str
    amount: float
    letter: str  # the letter's file name
    invoices: tuple[str, ...]
    number: str = ""


def posting_lines(letters: Sequence[Letter], data: LetterRows) -> list[PostingLine]:
    """The list's lines, in print order, from the letters as they were filled."""
    lines = []
    # plain(): the letter's typographic spaces and hyphens are not for a list one searches.
    for n, letter in enumerate(letters, start=1):
        context = letter.context or {}
        debtor = context.get("debtor", {})
        contact = str(debtor.get("contact") or "")
        recipient = str(debtor.get("name") or letter.plan.client)
        numbers = tuple(str(r["invoice"] or "") for r in data.of(letter.plan.rows))
        lines.append(
            PostingLine(
                n,
                letter.plan.client,
                recipient + (f"\n{contact}" if contact else ""),
                tuple(plain(x) for x in debtor.get("address_lines", ())),
                _reference(numbers, context),
                total_due(letter.plan, data),
                letter.path.name,
                numbers,
            )
        )
    return lines


def _reference(numbers: tuple[str, ...], context: dict[str, Any]) -> str:
    """The line's reference, the same way on every line: its invoice numbers, or past a few
    the letter's own reference (« 36 factures, voir le détail »)."""
    if 0 < len(numbers) <= 6:
        return ", ".join(n for n in numbers if n)
    return plain(context.get("letter", {}).get("reference", ""))


def write_posting_list(
    lines: Sequence[PostingLine], target: Path, *, sender: str, as_of: dt.date
) -> Path:
    """Write the list to target (replacing it atomically) and return its path."""
    import xlsxwriter  # only a run with registered letters needs it

    tmp = target.with_name(f".{target.name}.tmp")
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    book = xlsxwriter.Workbook(str(tmp), options)
    styles = _styles(book)
    ws = book.add_worksheet(SHEET)
    ws.write(0, 0, f"Lettres recommandées avec accusé de réception – dépôt du {date_short(as_of)}",
             styles["title"])  # fmt: skip
    ws.write(1, 0, f"Expéditeur : {sender}")
    for j, header in enumerate(HEADERS):
        ws.write(3, j, header, styles["head"])
    for i, line in enumerate(lines, start=4):
        ws.write_number(i, 0, line.line, styles["line"])
        ws.write_string(i, 1, line.recipient, styles["cell"])
        ws.write_string(i, 2, "\n".join(line.address), styles["cell"])
        ws.write_string(i, 3, line.reference, styles["cell"])
        # Written as French text (« 6 505,15 € »): a number format would follow the locale of
        # whoever converts or opens the list (LibreOffice's English one wrote « 6,505.15 € »).
        ws.write_string(i, 4, money(line.amount), styles["money"])
        # Text, so that a number of digits only is never turned into 1,23E+12 by Excel.
        ws.write_string(i, 5, line.number, styles["number"])
        ws.set_row(i, _height(line))
    end = 4 + len(lines)
    ws.write(end + 1, 0, f"{len(lines)} lettre(s) recommandée(s) avec accusé de réception.")
    ws.write(end + 2, 0, "Remis au bureau de poste le ........................ "
             "Signature et cachet :")  # fmt: skip
    ws.write(end + 4, 0, "Notez le numéro de chaque recommandé dans la dernière colonne et "
             "enregistrez ce fichier : la prochaine exécution le reporte dans la colonne "
             "« N° recommandé » du classeur.", styles["note"])  # fmt: skip
    _layout(ws, end)
    _keys(book, lines, as_of)
    book.close()
    tmp.replace(target)
    return target


_WIDTHS = (5, 34, 40, 30, 15, 30)


def _height(line: PostingLine) -> float:
    """The row's height in points: neither Excel nor LibreOffice grows a row for wrapped text
    written by XlsxWriter; room to write a number by hand at least."""
    wrapped = [
        *(len(t) // int(_WIDTHS[1] * 1.1) + 1 for t in line.recipient.split("\n")),
    ]
    address = sum(len(t) // int(_WIDTHS[2] * 1.1) + 1 for t in line.address)
    reference = len(line.reference) // int(_WIDTHS[3] * 1.1) + 1
    return max(2, sum(wrapped), address, reference) * 13.0 + 6.0


def _styles(book: Any) -> dict[str, Any]:
    grid = {"border": 1, "valign": "top", "text_wrap": True}
    return {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "head": book.add_format({**grid, "bold": True, "bg_color": "#DDE4EE"}),
        "cell": book.add_format(grid),
        "line": book.add_format({**grid, "align": "center"}),
        "money": book.add_format({**grid, "align": "right"}),
        "number": book.add_format({**grid, "num_format": "@", "font_size": 12}),
        "note": book.add_format({"italic": True, "font_color": "#555555"}),
    }


def _layout(ws: Any, end: int) -> None:
    """A4 landscape, one page wide, the header repeated: the PDF reads like the screen."""
    for j, width in enumerate(_WIDTHS):
        ws.set_column(j, j, width)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(3)
    ws.print_area(0, 0, end + 4, len(HEADERS) - 1)
    ws.freeze_panes(4, 0)


def _keys(book: Any, lines: Sequence[PostingLine], as_of: dt.date) -> None:
    """The very hidden sheet: one row per invoice of each line."""
    keys = book.add_worksheet(KEYS_SHEET)
    keys.write_row(0, 0, KEYS_HEADERS)
    row = 1
    for line in lines:
        for invoice in line.invoices or ("",):
            keys.write_row(
                row, 0, (line.line, line.client, line.letter, invoice, as_of.isoformat())
            )
            row += 1
    keys.very_hidden()


def with_numbers(lines: Sequence[PostingLine], typed: Sequence[PostingLine]) -> list[PostingLine]:
    """The lines, with the numbers already typed on an earlier list of the same letters."""
    known = {(t.client, t.invoices): t.number for t in typed if t.number}
    return [replace(x, number=known.get((x.client, x.invoices), x.number)) for x in lines]


__all__ = [
    "HEADERS",
    "KEYS_SHEET",
    "LIST_NAME",
    "NUMBER_HEADER",
    "SHEET",
    "PostingLine",
    "posting_lines",
    "with_numbers",
    "write_posting_list",
]
