"""The posting list of the registered letters: handed over at the post office, then filled in
with each LRAR number, which the next run carries into the workbook.

One .xlsx written with XlsxWriter (and its PDF with --pdf): recipient, address, invoices, the
letter's RF reference, its date and the amount claimed (a real date and a number, in French
formats), and two empty columns the office fills: the LRAR number and the date of posting
printed on the proof of posting (a date cell, the journal's « déposée le »). A very hidden
sheet keeps what the office need not see: each line's client, letter, invoices, reference and
the letters' date, so that the number reaches the right rows and the list is found again in
whatever folder it is.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..bank import printed
from ..letters import Letter, LetterRows, total_due
from ..userfiles import write_bytes_atomically
from ..wording import date_short, plain, typeset, unbreakable
from .postingstyles import money_style, sheet_styles

LIST_NAME = "liste_recommandes.xlsx"
SHEET = "Recommandés"
KEYS_SHEET = "relance"
NUMBER_HEADER = "N° de recommandé"
POSTED_HEADER = "Date de dépôt"
HEADERS = (
    "N°", "Destinataire", "Adresse", "Factures", "Référence", "Date de la lettre",
    "Montant réclamé", NUMBER_HEADER, POSTED_HEADER,
)  # fmt: skip
# Where each field is written (0-based columns of HEADERS): the read-back falls back on it
# when the office overwrote a header.
WRITTEN = {
    "line": 0, "recipient": 1, "address": 2, "invoices": 3, "reference": 4, "date": 5,
    "amount": 6, "number": 7, "posted": 8,
}  # fmt: skip
HEADER_ROW = 3  # 0-based: the title, the sender, a blank row, then the table
KEYS_HEADERS = ("N°", "Client", "Courrier", "Facture", "Date", "Référence")
# Beside the keys' headers, the file name of the workbook whose letters the list holds: a
# second workbook in the same folder leaves it alone (same client and invoice names are no
# proof the letter is its own).
WORKBOOK_LABEL = "Classeur"
# French whatever the machine's locale (as in rapport.xlsx): the [$-40C] prefix (fr-FR) makes
# LibreOffice, and so the PDF, write 6 266,73 € on an English system too; a number, so that
# Excel sums it.
# Past this many invoices, the list names the first ones and the count of the others: the
# clerk finds the letter by its recipient and reference, the letter lists them all.
SHOWN_INVOICES = 8


@dataclass(frozen=True)
class PostingLine:
    """One registered letter on the list, and the LRAR number once typed."""

    line: int
    client: str
    recipient: str
    address: tuple[str, ...]
    reference: str  # the letter's RF reference, in groups of four as printed on it
    amount: float
    letter: str  # the letter's file name
    invoices: tuple[str, ...]
    number: str = ""
    currency: str = "EUR"
    # Where the number was read back (« feuille « Recommandés », cellule H7 »), for warnings.
    where: str = ""
    # The date of posting typed beside the number: a date, the text typed when it is none,
    # or None; and where (« feuille « Recommandés », cellule I7 »).
    posted: dt.date | str | None = None
    posted_where: str = ""


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
        # The RF reference printed on the letter and carried by its QR code: the one a
        # transfer quotes, so the clerk and the bank match on the same reference.
        rf = str((context.get("payment") or {}).get("rf") or "")
        lines.append(
            PostingLine(
                n,
                letter.plan.client,
                recipient + (f"\n{contact}" if contact else ""),
                tuple(plain(x) for x in debtor.get("address_lines", ())),
                printed(rf) if rf else "",
                total_due(letter.plan, data),
                letter.path.name,
                numbers,
                currency=str(context.get("currency") or "EUR"),
            )
        )
    return lines


def invoices_text(invoices: Sequence[str], *, printed: bool = False) -> str:
    """The « Factures » cell: the invoice numbers, the first ones past a few; printed: each
    kept on one line (no-break hyphens and spaces, as in the letters: the PDF cut
    « F2026- / 0001573 »), for the visible sheet only."""
    shown = [(unbreakable if printed else plain)(n) for n in invoices if n]
    if len(shown) <= SHOWN_INVOICES:
        return ", ".join(shown)
    first = SHOWN_INVOICES - 2
    return f"{', '.join(shown[:first])} et {len(shown) - first} autres"


def write_posting_list(
    lines: Sequence[PostingLine],
    target: Path,
    *,
    sender: str,
    as_of: dt.date,
    workbook: str = "",
) -> Path:
    """Write the list to target (replacing it atomically) and return its path."""
    import xlsxwriter  # only a run with registered letters needs it

    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    book = xlsxwriter.Workbook(buffer, options)
    styles = sheet_styles(book)
    ws = book.add_worksheet(SHEET)
    # The list's date is the letters': the day they are posted is the one the office types.
    ws.write(0, 0, "Lettres recommandées avec accusé de réception – liste d'envoi du "
             f"{date_short(as_of)}", styles["title"])  # fmt: skip
    ws.write(1, 0, typeset(f"Expéditeur : {sender}"))
    for j, header in enumerate(HEADERS):
        ws.write(HEADER_ROW, j, header, styles["head"])
    ws.set_row(HEADER_ROW, 30.0)  # « Date de la lettre » on two lines
    for i, line in enumerate(lines, start=HEADER_ROW + 1):
        _write_line(book, ws, i, line, as_of, styles)
    end = HEADER_ROW + 1 + len(lines)
    ws.write(end + 1, 0, f"{len(lines)} lettre(s) recommandée(s) avec accusé de réception.")
    ws.write(end + 2, 0, typeset("Remis au bureau de poste le ........................ "
             "Signature et cachet :"))  # fmt: skip
    # Merged across the table and wrapped: one cell's long line ran past the printed page.
    ws.set_row(end + 4, 30.0)
    note = typeset(
        "Notez le numéro de chaque recommandé et la date de dépôt imprimée sur la preuve de "
        "dépôt dans les deux dernières colonnes, puis enregistrez ce fichier : la prochaine "
        "exécution reporte le numéro dans la colonne « N° recommandé » du classeur, et la "
        "date dans son journal."
    )
    ws.merge_range(end + 4, 0, end + 4, len(HEADERS) - 1, note, styles["note"])
    _validations(ws, len(lines), as_of)
    _layout(ws, end)
    _keys(book, lines, as_of, styles["date"], workbook)
    book.close()
    write_bytes_atomically(target, buffer.getvalue())
    return target


def _write_line(
    book: Any, ws: Any, i: int, line: PostingLine, as_of: dt.date, styles: dict[str, Any]
) -> None:
    ws.write_number(i, WRITTEN["line"], line.line, styles["line"])
    ws.write_string(i, WRITTEN["recipient"], line.recipient, styles["cell"])
    ws.write_string(i, WRITTEN["address"], "\n".join(line.address), styles["cell"])
    invoices = invoices_text(line.invoices, printed=True)  # the hidden sheet keeps them plain
    ws.write_string(i, WRITTEN["invoices"], invoices, styles["cell"])
    ws.write_string(i, WRITTEN["reference"], line.reference, styles["cell"])
    ws.write_datetime(i, WRITTEN["date"], as_of, styles["date"])
    ws.write_number(i, WRITTEN["amount"], line.amount, money_style(book, styles, line.currency))
    # Text, so that a number of digits only is never turned into 1,23E+12 by Excel.
    ws.write_string(i, WRITTEN["number"], line.number, styles["number"])
    if isinstance(line.posted, dt.date):  # kept from the list of a run done again that day
        ws.write_datetime(i, WRITTEN["posted"], line.posted, styles["date"])
    else:
        ws.write_blank(i, WRITTEN["posted"], None, styles["date"])
    ws.set_row(i, _height(line))


_WIDTHS = (5, 30, 36, 22, 25, 11, 15, 26, 12)


def _height(line: PostingLine) -> float:
    """The row's height in points: neither Excel nor LibreOffice grows a row for wrapped text
    written by XlsxWriter; room to write a number by hand at least."""

    def rows(texts: Sequence[str], field: str) -> int:
        width = int(_WIDTHS[WRITTEN[field]] * 1.1)
        return sum(len(t) // width + 1 for t in texts)

    needed = (
        rows(line.recipient.split("\n"), "recipient"),
        rows(line.address, "address"),
        rows([invoices_text(line.invoices)], "invoices"),
        rows([line.reference], "reference"),
    )
    return max(2, *needed) * 13.0 + 6.0


def _validations(ws: Any, count: int, as_of: dt.date) -> None:
    """What Excel and LibreOffice say in the cells the office fills: the number's form, and a
    date of posting no earlier than the letters' (a warning: the run checks them anyway)."""
    if not count:
        return
    first, last = HEADER_ROW + 1, HEADER_ROW + count
    ws.data_validation(first, WRITTEN["number"], last, WRITTEN["number"], {
        "validate": "length", "criteria": "between", "minimum": 8, "maximum": 40,
        "input_title": "N° de recommandé",
        "input_message": typeset("Tel qu'imprimé sur la preuve de dépôt : 1A 123 456 7890 5 "
                                 "ou RR 473 124 829 FR."),
        "error_type": "warning", "error_title": "N° de recommandé",
        "error_message": typeset("Un n° de recommandé a 13 caractères (1A 123 456 7890 5) : "
                                 "un seul numéro par case."),
    })  # fmt: skip
    ws.data_validation(first, WRITTEN["posted"], last, WRITTEN["posted"], {
        "validate": "date", "criteria": ">=", "minimum": as_of,
        "input_title": POSTED_HEADER,
        "input_message": typeset("La date du cachet de la preuve de dépôt (jj/mm/aaaa)."),
        "error_type": "warning", "error_title": POSTED_HEADER,
        "error_message": typeset(f"Une date (jj/mm/aaaa), pas avant la date des lettres "
                                 f"({date_short(as_of)}) ; vérifiez le cachet."),
    })  # fmt: skip


def _layout(ws: Any, end: int) -> None:
    """A4 landscape, one page wide, the header repeated: the PDF reads like the screen."""
    for j, width in enumerate(_WIDTHS):
        ws.set_column(j, j, width)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.print_area(0, 0, end + 4, len(HEADERS) - 1)
    ws.freeze_panes(HEADER_ROW + 1, 0)


def _keys(
    book: Any, lines: Sequence[PostingLine], as_of: dt.date, date: Any, workbook: str
) -> None:
    """The very hidden sheet: one row per invoice of each line, with the letter's reference
    (without spaces), which names the letter whatever the office did to the visible sheet;
    and the workbook's file name."""
    keys = book.add_worksheet(KEYS_SHEET)
    keys.write_row(0, 0, KEYS_HEADERS)
    if workbook:
        keys.write_row(0, len(KEYS_HEADERS) + 1, (WORKBOOK_LABEL, workbook))
    row = 1
    for line in lines:
        for invoice in line.invoices or ("",):
            keys.write_row(row, 0, (line.line, line.client, line.letter, invoice))
            keys.write_datetime(row, 4, as_of, date)
            keys.write_string(row, 5, line.reference.replace(" ", ""))
            row += 1
    keys.set_column(4, 4, 11)
    keys.very_hidden()


def with_numbers(lines: Sequence[PostingLine], typed: Sequence[PostingLine]) -> list[PostingLine]:
    """The lines, with the numbers and dates of posting already typed on an earlier list of
    the same letters."""
    known = {(t.client, t.invoices): t for t in typed if t.number or t.posted}
    return [
        replace(x, number=t.number, posted=t.posted if isinstance(t.posted, dt.date) else None)
        if (t := known.get((x.client, x.invoices)))
        else x
        for x in lines
    ]


__all__ = [
    "HEADERS",
    "HEADER_ROW",
    "KEYS_SHEET",
    "LIST_NAME",
    "NUMBER_HEADER",
    "POSTED_HEADER",
    "SHEET",
    "WORKBOOK_LABEL",
    "WRITTEN",
    "PostingLine",
    "invoices_text",
    "posting_lines",
    "with_numbers",
    "write_posting_list",
]
