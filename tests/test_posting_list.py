"""The registered letters' posting list as the office handles it: amounts it can sum, real
dates, the letter's RF reference beside its invoices, and the LRAR numbers typed on it read
back by the next run whatever the office did to the sheet, every number set aside named."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, _load_sample_builder, all_paragraphs, convert, needs_libreoffice
from docx import Document
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.mailroom import (
    PostingLine,
    PostingList,
    clean_number,
    invoices_text,
    number_problem,
    read_list,
    reused_numbers,
    save_numbers,
    shown_number,
    write_posting_list,
)
from relance_xlsx.web import running_page
from relance_xlsx.wording import unbreakable

AS_OF = dt.date(2026, 11, 22)
NEXT = AS_OF + dt.timedelta(days=7)
SHEET = "Recommandés"
NUMBER = "N° de recommandé"
# The sample's registered letters, in the list's order.
DUPONT, BERNARD, FONTAINE, ROUX = (
    "Boulangerie Dupont & Fils", "Garage Bernard", "Imprimerie Fontaine", "Menuiserie Roux",
)  # fmt: skip
ONE, TWO = "1A 123 456 7890 5", "RR 473 124 829 FR"  # as La Poste prints them


def _build(folder: Path, toml_extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (folder / "relance.toml").write_text(toml + toml_extra, encoding="utf-8")
    return _load_sample_builder().build(folder / "grand_livre_clients.xlsx")


def _run(ledger: Path, as_of: dt.date = AS_OF, **kw):
    settings = relance_xlsx.load_settings(ledger.with_name("relance.toml"))
    return relance_xlsx.run(ledger, settings, as_of=as_of, **kw)


@pytest.fixture(scope="module")
def posted(tmp_path_factory) -> tuple[Path, object]:
    """The sample's week, run once: the workbook written, the posting list to fill."""
    ledger = _build(tmp_path_factory.mktemp("poste"))
    return ledger, _run(ledger)


@pytest.fixture
def week(posted, tmp_path) -> tuple[Path, Path, object]:
    """A private copy of that week: (ledger, posting list, first run's result)."""
    ledger, result = posted
    shutil.copytree(ledger.parent, tmp_path / "copie")
    mine = tmp_path / "copie" / ledger.name
    listing = mine.parent / "relances" / AS_OF.isoformat() / "liste_recommandes.xlsx"
    return mine, listing, result


def _rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]


def _ledger_column(ledger: Path, header: str = "N° recommandé") -> dict[str, object]:
    """The workbook's column by invoice number (empty when it has no such column)."""
    ws = load_workbook(ledger)["Factures"]
    heads = [c.value for c in ws[4]]
    if header not in heads:
        return {}
    at, invoice = heads.index(header), heads.index("N° facture")
    return {r[invoice]: r[at] for r in ws.iter_rows(min_row=5, values_only=True) if r[invoice]}


def _edit(listing: Path, change: Callable[[Workbook], None]) -> None:
    book = load_workbook(listing)
    change(book)
    book.save(listing)


def _type(numbers: dict[int, object]) -> Callable[[Workbook], None]:
    """The office types numbers on the lines (by their N°), in the column as written."""

    def change(book: Workbook) -> None:
        ws = book[SHEET]
        at = [c.value for c in ws[4]].index(NUMBER) + 1
        for row in range(5, ws.max_row + 1):
            line = ws.cell(row, 1).value
            if isinstance(line, int) and line in numbers:
                ws.cell(row, at).value = numbers[line]

    return change


# -- LRAR numbers: compared without their spaces, written as La Poste prints them ------------


@pytest.mark.parametrize(
    ("typed", "shown", "why"),
    [
        pytest.param("1A 123 456 7890 5", ONE, None, id="la-poste-as-printed"),
        pytest.param(" 1a-123-456-7890-5 ", ONE, None, id="lowercase-dashes"),
        pytest.param("1A12345678905", ONE, None, id="run-together"),
        pytest.param("n° 1A 123 456 7890 5", ONE, None, id="with-its-label"),
        pytest.param("1A\u00a0123\u202f456 7890 5", ONE, None, id="no-break-spaces"),
        pytest.param("1A 123\u200b456 7890 5", ONE, None, id="zero-width-space-pasted"),
        pytest.param("rr473124829fr", TWO, None, id="s10-run-together"),
        pytest.param("RR 473 124 829 FR", TWO, None, id="s10-as-printed"),
        pytest.param(1234567890123.0, "1234567890123", None, id="digits-as-a-number-cell"),
        pytest.param("JJD000390007794713", "JJD000390007794713", None, id="other-carrier"),
        pytest.param("", None, None, id="nothing-typed"),
        pytest.param("1A 123 456 7890", None, "en a 12", id="la-poste-a-digit-short"),
        pytest.param("1A 123 456 7890 12", None, "en a 14", id="la-poste-a-digit-long"),
        pytest.param("RR 473 124 828 FR", None, "clé de contrôle", id="s10-check-digit"),
        # La Poste's national key (Business::Colissimo's control_key), on numbers La Poste
        # published (its tracking API's example, a test parcel of its API, the module's own).
        pytest.param("6A15602676300", "6A 156 026 7630 0", None, id="la-poste-api-example"),
        pytest.param("6A 156 026 8384 1", "6A 156 026 8384 1", None, id="la-poste-api-second"),
        pytest.param("8K00009775862", "8K 000 097 7586 2", None, id="la-poste-test-parcel"),
        pytest.param("8L20524752032", "8L 205 247 5203 2", None, id="colissimo-label-example"),
        pytest.param("1A 123 456 7890 1", None, "clé de contrôle", id="la-poste-wrong-key"),
        pytest.param("1A 123 456 7809 5", None, "clé de contrôle", id="la-poste-two-swapped"),
        pytest.param("6A15602676301", None, "clé de contrôle", id="la-poste-key-off-by-one"),
        pytest.param("RR 473 124 82 FR", None, "13 caractères", id="s10-short"),
        pytest.param("voir Anne", None, "contient des mots", id="words"),
        pytest.param("1A 111 111 1111 1 et 1A 111 111 1111 2", None, "contient des mots",
                     id="two-numbers-and-a-word"),
        pytest.param("1A 111 111 1111 1 / 2", None, "« / »", id="two-numbers-slash"),
        pytest.param("1A123<script>", None, "« < »", id="markup"),
        pytest.param("1A 123\x1b[31m", None, "U+001B", id="terminal-escape"),
        pytest.param("12345", None, "trop court", id="too-short"),
        pytest.param("REMISENMAIN12345678", None, "chiffres", id="mostly-letters"),
        pytest.param("1É 123 456 7890 5", None, "accentuées", id="accented-letter"),
    ],
)  # fmt: skip
def test_lrar_numbers_are_checked_with_a_reason_and_shown_as_la_poste_prints_them(
    typed, shown, why
):
    key = clean_number(typed)
    assert (shown_number(key) if key else None) == shown
    problem = number_problem(typed)
    assert (problem is None) == (why is None), problem
    if why:
        assert why in problem


# -- what the list holds ----------------------------------------------------------------------


def test_amounts_are_numbers_in_french_currency_and_dates_real_dates(posted):
    _, result = posted
    registered = [x for x in result.letters if x.registered]
    book = load_workbook(result.posting_list)
    ws = book[SHEET]
    heads = [c.value for c in ws[4]]
    assert heads == ["N°", "Destinataire", "Adresse", "Factures", "Référence",
                     "Date de la lettre", "Montant réclamé", NUMBER, "Date de dépôt"]  # fmt: skip
    lines = [r for r in ws.iter_rows(min_row=5) if isinstance(r[0].value, int)]
    assert len(lines) == len(registered) == 4
    for row, letter in zip(lines, registered, strict=True):
        amount, day, number = row[6], row[5], row[7]
        assert isinstance(amount.value, float) and amount.value == pytest.approx(letter.total_due)
        assert "#,##0.00" in amount.number_format and "€" in amount.number_format
        assert "[$-40C]" in amount.number_format  # French separators whatever the locale
        assert isinstance(day.value, dt.datetime) and day.value.date() == AS_OF
        assert day.number_format == "dd/mm/yyyy"
        assert number.number_format == "@"  # typed digits stay text
    # Excel sums them: the cells hold the numbers themselves.
    total = sum(r[6].value for r in lines)
    assert total == pytest.approx(sum(x.total_due for x in registered))
    keys = book["relance"]
    assert keys.sheet_state == "veryHidden"
    dates = [r[4] for r in keys.iter_rows(min_row=2, values_only=True)]
    assert dates and all(isinstance(d, dt.datetime) and d.date() == AS_OF for d in dates)


def _letter_text(path: Path) -> str:
    doc = Document(path)
    text = "\n".join(p.text for p in all_paragraphs(doc))  # the end is a one-cell table
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_reference_is_the_letters_rf_beside_its_invoice_numbers(posted):
    ledger, result = posted
    registered = [x for x in result.letters if x.registered]
    rows = _rows(load_workbook(result.posting_list)[SHEET])
    journal = load_workbook(ledger)["Journal des relances"]
    heads = [c.value for c in journal[1]]
    refs = {
        (r[heads.index("N° facture")], r[heads.index("Référence")])
        for r in journal.iter_rows(min_row=2, values_only=True)
    }
    for row, letter in zip(rows, registered, strict=True):
        invoices, reference = row[3], row[4]
        # the clerk finds the letter (each number on one printed line)
        assert invoices == ", ".join(unbreakable(i) for i in letter.invoices)
        assert re.fullmatch(r"RF\d\d( \d{4})+( \d{1,3})?", reference), reference
        # The one printed on the letter…
        assert f"Référence à rappeler : {reference}" in _letter_text(Path(letter.path))
        # …and the one its journal lines record, which a bank transfer is matched on.
        compact = reference.replace(" ", "")
        assert {(i, compact) for i in letter.invoices} <= refs


def test_the_rf_on_the_list_is_the_one_in_the_letters_qr_code(tmp_path):
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed")
    ledger = _build(tmp_path)
    toml = ledger.with_name("relance.toml")
    text = toml.read_text(encoding="utf-8")
    toml.write_text(re.sub(r'(?m)^iban = ".*"$', 'iban = "FR76 3000 6000 0112 3456 7890 189"',
                           text), encoding="utf-8")  # fmt: skip
    result = _run(ledger, write_workbook=False)
    rows = _rows(load_workbook(result.posting_list)[SHEET])
    registered = [x for x in result.letters if x.registered]
    for row, letter in zip(rows, registered, strict=True):
        with zipfile.ZipFile(letter.path) as z:
            name = next(n for n in z.namelist() if re.match(r"word/media/qr-.*\.png", n))
            png = tmp_path / "qr.png"
            png.write_bytes(z.read(name))
        payload = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                                 text=True, check=True).stdout  # fmt: skip
        assert row[4].replace(" ", "") in payload.splitlines(), (row[4], payload)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        pytest.param(1, "F-1", id="one"),
        pytest.param(8, "F-1, F-2, F-3, F-4, F-5, F-6, F-7, F-8", id="eight-all-shown"),
        pytest.param(9, "F-1, F-2, F-3, F-4, F-5, F-6 et 3 autres", id="nine-first-six"),
        pytest.param(36, "F-1, F-2, F-3, F-4, F-5, F-6 et 30 autres", id="thirty-six"),
    ],
)
def test_the_invoices_column_names_them_or_the_first_ones(count, expected):
    assert invoices_text([f"F-{i}" for i in range(1, count + 1)]) == expected


def test_an_amount_in_another_currency_keeps_its_symbol(tmp_path):
    lines = [
        PostingLine(1, "Harbour & Sons Ltd", "Harbour & Sons Ltd", ("1 Dock Road", "LONDON"),
                    "RF18 5390 0754 7034", 1234.5, "lettre.docx", ("H-1",), currency="GBP"),
        PostingLine(2, "Dupont", "Dupont", ("1 rue", "75001 PARIS"), "RF18 5390 0754 7034",
                    99.0, "lettre2.docx", ("F-1",)),
    ]  # fmt: skip
    path = write_posting_list(lines, tmp_path / "liste.xlsx", sender="Moi", as_of=AS_OF)
    ws = load_workbook(path)[SHEET]
    assert ws["G5"].value == 1234.5 and "£GB" in ws["G5"].number_format
    assert ws["G6"].value == 99.0 and "[$€-40C]" in ws["G6"].number_format


def test_a_long_or_hostile_value_is_quoted_short_and_visible(week):
    ledger, listing, _ = week
    _edit(listing, _type({1: "\tvoir\n" + "x" * 500, 2: "1A 111 \u202e 111 1111 1 / 9"}))
    result = _run(ledger, NEXT)
    about = [w for w in result.warnings if "n'est pas un n° de recommandé" in w]
    assert len(about) == 2
    for w in about:
        assert "\n" not in w and "\t" not in w and "\u202e" not in w and len(w) < 400, w


# -- the office worked on the list: the numbers still come back, or one warning says why -----


def _header(text: str | None, column: int = 8) -> Callable[[Workbook], None]:
    """The office writes over a header cell (None: erases it)."""

    def change(book: Workbook) -> None:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        sheet.cell(4, column).value = text

    return change


def _delete_column(n: int) -> Callable[[Workbook], None]:
    return lambda book: book[SHEET].delete_cols(n)


def _both(*changes: Callable[[Workbook], None]) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        for c in changes:
            c(book)

    return change


def _rename(book: Workbook) -> None:
    book[SHEET].title = "LRAR novembre"


def _rows_above(book: Workbook) -> None:
    book[SHEET].insert_rows(1, 2)


def _number_column_first(book: Workbook) -> None:
    """The numbers' column dragged before « Destinataire »."""
    ws = book[SHEET]
    ws.insert_cols(2)
    for row in range(1, ws.max_row + 1):
        ws.cell(row, 2).value = ws.cell(row, 9).value
    ws.delete_cols(9)


def _sorted_backwards(book: Workbook) -> None:
    """The rows sorted by recipient, Z to A (whole rows move, their N° with them)."""
    ws = book[SHEET]
    rows = [[c.value for c in ws[r]] for r in range(5, 9)]
    for r, values in zip(range(5, 9), sorted(rows, key=lambda v: v[1], reverse=True), strict=True):
        for j, value in enumerate(values, start=1):
            ws.cell(r, j).value = value


def _renumbered(book: Workbook) -> None:
    """The rows sorted backwards, then the N° column retyped 1, 2, 3, 4."""
    _sorted_backwards(book)
    for r in range(5, 9):
        book[SHEET].cell(r, 1).value = r - 4


def _hidden_sheet_gone(book: Workbook) -> None:
    del book["relance"]


def _header_row_gone(book: Workbook) -> None:
    book[SHEET].delete_rows(4)


READ = "read"  # both numbers reach the workbook, no warning about the list
# Columns deleted, the amounts' and the numbers' headers erased: nothing tells the numbers.
LOST = _both(_delete_column(3), _header(None, 7), _header(None, 6))


@pytest.mark.parametrize(
    ("change", "outcome"),
    [
        pytest.param(None, READ, id="as-written"),
        pytest.param(_header("N° LRAR"), READ, id="header-said-otherwise"),
        pytest.param(_header("Numéro de suivi"), READ, id="header-tracking"),
        pytest.param(_header("Observations"), READ, id="header-overwritten-layout-intact"),
        pytest.param(_header(None), READ, id="header-erased-layout-intact"),
        pytest.param(_delete_column(3), READ, id="address-column-deleted"),
        pytest.param(_number_column_first, READ, id="number-column-moved"),
        pytest.param(_rename, READ, id="sheet-renamed"),
        pytest.param(_rows_above, READ, id="rows-added-above"),
        pytest.param(_sorted_backwards, READ, id="rows-sorted"),
        pytest.param(_delete_column(1), READ, id="line-column-deleted"),
        pytest.param(_renumbered, READ, id="rows-sorted-and-renumbered"),
        pytest.param(_both(_rename, _header("Suivi La Poste")), READ, id="renamed-and-header"),
        pytest.param(_both(_rename, _header("Observations")), READ, id="renamed-and-overwritten"),
        pytest.param(_both(_delete_column(3), _header(None, 7)), READ,
                     id="column-deleted-and-header-erased"),
        pytest.param(_both(_delete_column(3), _header("Obs.", 7)), READ,
                     id="column-deleted-and-header-overwritten"),
        pytest.param(_both(_number_column_first, _header(None, 2)),
                     # The column after the amounts is now the date of posting's: the numbers'
                     # column is not guessed, the header is asked for.
                     ("« Recommandés »", "introuvable", "H4", "Remettez l'en-tête"),
                     id="numbers-moved-and-header-erased"),
        pytest.param(LOST, ("« Recommandés »", "ligne 4", "H4", "Remettez l'en-tête"),
                     id="headers-of-amount-and-number-gone"),
        pytest.param(_header_row_gone, ("tableau des lettres est introuvable", "A4:I4",
                                        "Remettez la ligne d'en-tête"), id="header-row-deleted"),
        pytest.param(_hidden_sheet_gone, ("feuille cachée « relance »", "a disparu",
                                          "Notez-les directement"), id="hidden-sheet-deleted"),
    ],
)  # fmt: skip
def test_numbers_typed_come_back_whatever_the_office_did_to_the_list(week, change, outcome):
    ledger, listing, first = week
    _edit(listing, _type({1: ONE, 2: "rr473124829fr"}))
    if change is not None:
        _edit(listing, change)
    result = _run(ledger, NEXT)
    registered = [x for x in first.letters if x.registered]
    numbers = _ledger_column(ledger)
    about = [w for w in result.warnings if "liste_recommandes" in w]
    if outcome == READ:
        assert about == []
        assert {numbers[i] for i in registered[0].invoices} == {ONE}
        assert {numbers[i] for i in registered[1].invoices} == {TWO}
        assert {numbers[i] for i in registered[2].invoices} == {None}
        return
    # Never silent, never a crash: one sentence naming the file, the sheet, the cell, the fix.
    assert len(about) == 1, about
    assert "relances/2026-11-22/liste_recommandes.xlsx" in about[0]
    for part in outcome:
        assert part in about[0], about[0]
    assert result.registered_numbers == []
    assert all(v is None for v in numbers.values()) if numbers else True


def test_an_unreadable_list_is_said_once_in_the_json_too(week):
    ledger, listing, _ = week
    _edit(listing, _both(_type({1: ONE}), LOST))
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", NEXT.isoformat(), "--json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    about = [w for w in doc["warnings"] if "liste_recommandes" in w]
    assert len(about) == 1 and "cellule" in about[0] and "Recommandés" in about[0]
    assert doc["registered_numbers"] == []


def test_a_damaged_list_is_said_not_a_crash(week):
    ledger, listing, _ = week
    listing.write_bytes(b"PK\x03\x04 ceci n'est plus un classeur")
    result = _run(ledger, NEXT)
    about = [w for w in result.warnings if "liste_recommandes" in w]
    assert len(about) == 1 and "illisible" in about[0]
    assert "Traceback" not in about[0] and "EOCD" not in about[0]


def test_a_list_no_longer_needed_is_not_warned_about(week):
    """Every invoice of the list already has its number in the workbook: a list whose header
    was lost since has nothing left to give, and says nothing."""
    ledger, listing, _ = week
    _edit(listing, _type({1: ONE, 2: TWO, 3: "1A 000 000 0003 1", 4: "1A 000 000 0004 8"}))
    assert _run(ledger, NEXT).registered_numbers
    _edit(listing, LOST)
    later = _run(ledger, NEXT + dt.timedelta(days=1))
    assert [w for w in later.warnings if "liste_recommandes" in w] == []


@needs_libreoffice
def test_a_list_saved_by_libreoffice_calc_is_read_back(week, tmp_path):
    """The office fills the list in LibreOffice Calc and keeps the .xlsx format."""
    ledger, listing, first = week
    _edit(listing, _type({1: ONE, 2: TWO}))
    saved = convert(listing, "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc")
    shutil.copyfile(saved, listing)
    result = _run(ledger, NEXT)
    assert [w for w in result.warnings if "liste_recommandes" in w] == []
    registered = [x for x in first.letters if x.registered]
    assert {_ledger_column(ledger)[i] for i in registered[1].invoices} == {TWO}


# -- each number set aside is named: row, column, value, reason -----------------------------


def _reference_of_line_2_changed(book: Workbook) -> None:
    book[SHEET].cell(6, 5).value = "RF18 5390 0754 7034"


def _extra_row(book: Workbook) -> None:
    ws = book[SHEET]
    ws.cell(9, 1).value = 5
    ws.cell(9, 8).value = "1A 555 555 5555 0"


def _reference_of_line_3(book: Workbook) -> None:
    """Line 2 (Garage Bernard) given line 3's reference by a slip of copy and paste."""
    ws = book[SHEET]
    ws.cell(6, 5).value = ws.cell(7, 5).value


def _line_2_twice(book: Workbook) -> None:
    ws = book[SHEET]
    for j in range(1, 9):
        ws.cell(9, j).value = ws.cell(6, j).value
    ws.cell(9, 8).value = "1A 222 222 2222 0"


@pytest.mark.parametrize(
    ("typed", "change", "book_has", "written", "said"),
    [
        pytest.param({1: "1A 123 456 7890", 2: TWO}, None, {}, {2: TWO},
                     ["cellule H5", "« 1A 123 456 7890 »", "13 caractères", DUPONT],
                     id="malformed-too-short"),
        pytest.param({1: "voir avec Anne", 2: TWO}, None, {}, {2: TWO},
                     ["cellule H5", "« voir avec Anne »", "contient des mots"],
                     id="malformed-words"),
        pytest.param({1: "RR 473 124 828 FR", 2: TWO}, None, {}, {2: TWO},
                     ["cellule H5", "« RR 473 124 828 FR »", "clé de contrôle"],
                     id="malformed-check-digit"),
        pytest.param({1: "1A 111 111 1111 1 / 1A 111 111 1111 2"}, None, {}, {},
                     ["cellule H5", "« / »", "un seul numéro par case"], id="two-in-one-cell"),
        pytest.param({1: ONE, 2: TWO}, _reference_of_line_2_changed, {}, {1: ONE},
                     ["cellule H6", "RF18", "n'est celle d'aucune lettre", "« RR 473"],
                     id="reference-of-no-letter"),
        pytest.param({1: ONE}, _extra_row, {}, {1: ONE},
                     ["cellule H9", "« 1A 555 555 5555 0 »", "pas de lettre n° 5"],
                     id="row-of-no-letter"),
        pytest.param({1: ONE, 2: "1A 123-456-7890-5"}, None, {}, {},
                     ["1A 123 456 7890 5", "noté pour 2 lettres", "H5", "H6", DUPONT, BERNARD],
                     id="same-number-two-letters"),
        pytest.param({2: ONE}, None, {"F2026-001": ONE}, {},
                     ["cellule H6", "le classeur le donne déjà", "F2026-001", "« N° recommandé »"],
                     id="number-already-another-letters"),
        pytest.param({1: ONE, 2: TWO}, None, {"F2026-019": "1A 999 999 9999 0"}, {2: TWO},
                     ["F2026-019", "« 1A 999 999 9999 0 » y est déjà", "non remplacé",
                      "« N° recommandé » de la feuille « Factures »", "cellule H5"],
                     id="letter-row-has-another-number"),
        pytest.param({1: ONE, 2: TWO}, _line_2_twice, {}, {1: ONE},
                     ["deux n° de recommandé", "H6", "H9", "« 1A 222 222 2222 0 »"],
                     id="one-letter-two-numbers"),
        pytest.param({1: ONE, 2: TWO}, _reference_of_line_3, {}, {1: ONE},
                     ["cellule H6", "porte le n° 2 mais la référence de la lettre n° 3",
                      "« RR 473 124 829 FR »"], id="reference-of-another-letter"),
    ],
)  # fmt: skip
def test_each_number_set_aside_is_named_and_the_run_goes_on(
    week, typed, change, book_has, written, said
):
    ledger, listing, first = week
    registered = [x for x in first.letters if x.registered]
    if book_has:
        _put_in_workbook(ledger, book_has)
    _edit(listing, _type(typed))
    if change is not None:
        _edit(listing, change)
    result = _run(ledger, NEXT)
    numbers = _ledger_column(ledger)
    for n, letter in enumerate(registered, start=1):
        expected = written.get(n)
        got = {numbers.get(i) for i in letter.invoices}
        if expected:
            assert got == {expected}, (n, got)
        elif n not in written and not any(i in book_has for i in letter.invoices):
            assert got == {None}, (n, got)
    for invoice, number in book_has.items():  # never replaced
        assert numbers.get(invoice) == number
    text = "\n".join(result.warnings)
    for part in said:
        assert part in text, (part, result.warnings)
    assert result.letters  # the run went on: this week's letters are written


def _put_in_workbook(ledger: Path, numbers: dict[str, str]) -> None:
    """The office typed numbers into the workbook by hand, in a « N° recommandé » column."""
    book = load_workbook(ledger)
    ws = book["Factures"]
    heads = [c.value for c in ws[4]]
    column = len([h for h in heads if h]) + 1
    ws.cell(4, column, "N° recommandé")
    for row in ws.iter_rows(min_row=5):
        invoice = row[heads.index("N° facture")].value
        if invoice in numbers:
            ws.cell(row[0].row, column, numbers[invoice])
    book.save(ledger)


# -- a run done again the same day, the page ------------------------------------------------


def test_a_list_that_cannot_be_read_is_kept_aside_not_overwritten(tmp_path):
    ledger = _build(tmp_path)
    first = _run(ledger, write_workbook=False)
    listing = Path(first.posting_list)
    _edit(listing, _both(_type({1: ONE}), LOST))
    before = listing.read_bytes()
    again = _run(ledger, AS_OF, write_workbook=False)
    kept = listing.with_name("liste_recommandes (ancienne).xlsx")
    assert kept.read_bytes() == before  # the office's typing is not lost
    assert any("« liste_recommandes (ancienne).xlsx »" in w for w in again.warnings)
    assert len(_rows(load_workbook(listing)[SHEET])) == 4  # a fresh list for the letters


def test_the_page_writes_numbers_under_an_overwritten_header(week):
    ledger, listing, first = week
    _edit(listing, _header("Observations"))
    assert save_numbers(listing, {2: TWO}).numbers == 1
    assert load_workbook(listing)[SHEET].cell(6, 8).value == TWO
    _run(ledger, NEXT)
    registered = [x for x in first.letters if x.registered]
    assert {_ledger_column(ledger)[i] for i in registered[1].invoices} == {TWO}


def test_the_page_shows_the_invoices_and_says_why_a_list_cannot_take_numbers(week):
    ledger, listing, _ = week
    _edit(listing, LOST)
    with running_page(ledger, recent_file=ledger.with_name("recents.json")) as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        assert client.get(f"/?jeton={page.state.token}").status_code == 200
        shown = client.get("/recommandes").text
        assert "<th>Factures</th>" in shown and "F2026-038, F2026-043, F2026-040" in shown
        assert "la colonne des n° de recommandé est introuvable" in shown
        before = listing.read_bytes()
        refused = client.post("/recommandes", data={"jeton": page.state.token, "numero-0-1": ONE})
        assert "introuvable" in refused.text
        assert listing.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("special", ["fifo", "link-to-dev-zero"])
def test_a_posting_list_that_is_no_regular_file_is_said_never_read(week, special):
    """A pipe blocked the run forever in open(); a link to /dev/zero read until memory ran out.
    Either is refused before it is opened, in one sentence, and the run goes on."""
    ledger, listing, _ = week
    listing.unlink()
    if special == "fifo":
        os.mkfifo(listing)
    else:
        listing.symlink_to("/dev/zero")
    result = _run(ledger, NEXT)
    said = [w for w in result.warnings if "liste_recommandes.xlsx" in w]
    assert said and "pas un fichier ordinaire" in said[0], result.warnings


@pytest.mark.parametrize(
    ("invoices", "cell"),
    [
        pytest.param(("F2026-0001573",), "F2026\u20110001573", id="a-hyphen"),
        pytest.param(("F2026-001", "F2026-002"), "F2026\u2011001, F2026\u2011002", id="two"),
        pytest.param(("FA 2026 15",), "FA\u00a02026\u00a015", id="spaces"),
        pytest.param(tuple(f"F-{i}" for i in range(1, 10)),
                     ", ".join(f"F\u2011{i}" for i in range(1, 7)) + " et 3 autres",
                     id="the-first-ones"),
    ],
)  # fmt: skip
def test_an_invoice_number_is_never_cut_on_the_printed_list(tmp_path, invoices, cell):
    lines = [PostingLine(1, "Dupont", "Dupont", ("1 rue", "75001 PARIS"),
                         "RF18 5390 0754 7034", 99.0, "lettre.docx", invoices)]  # fmt: skip
    path = write_posting_list(lines, tmp_path / "liste.xlsx", sender="Moi", as_of=AS_OF)
    book = load_workbook(path)
    assert book[SHEET]["D5"].value == cell
    # What is read back keeps plain hyphens: the hidden sheet, the lines, the warnings.
    hidden = [r[3] for r in book["relance"].iter_rows(min_row=2, values_only=True)]
    assert hidden == list(invoices)
    assert read_list(path).lines[0].invoices == invoices
    assert "\u2011" not in invoices_text(invoices)


def _listed(day: dt.date, *numbers: str) -> PostingList:
    clients = (DUPONT, FONTAINE, ROUX)
    return PostingList(Path(f"{day}.xlsx"), day, [
        PostingLine(n, clients[n - 1], clients[n - 1], (), "RF", 1.0, "x.docx", (), number)
        for n, number in enumerate(numbers, start=1)
    ])  # fmt: skip


EARLIER = AS_OF - dt.timedelta(days=14)


@pytest.mark.parametrize(
    ("lists", "refused"),
    [
        # Two letters of one list typed with one number: both refused, each naming the other.
        pytest.param([(_listed(AS_OF, "", ""), {1: ONE, 2: "1a-123-456-7890-5"})],
                     {(0, 1): FONTAINE, (0, 2): DUPONT}, id="same-list-typed-twice"),
        # The number of a letter of an earlier list of the workbook, saved there.
        pytest.param([(_listed(AS_OF, ""), {1: ONE}), (_listed(EARLIER, ONE), {})],
                     {(0, 1): f"{DUPONT} (dépôt du {EARLIER:%d/%m/%Y}, ligne 1)"},
                     id="earlier-list-saved"),
        pytest.param([(_listed(AS_OF, ONE, ""), {2: ONE})], {(0, 2): DUPONT}, id="same-list-saved"),
        # Its own number sent again, or a number moved from one letter to another: no error.
        pytest.param([(_listed(AS_OF, ONE, ""), {1: ONE, 2: TWO})], {}, id="own-number-again"),
        pytest.param([(_listed(AS_OF, ONE, ""), {1: "", 2: ONE})], {}, id="number-moved"),
    ],
)  # fmt: skip
def test_a_registered_number_serves_one_letter_only(lists, refused):
    found = reused_numbers(lists)
    assert set(found) == set(refused)
    for place, other in refused.items():
        assert f"{ONE} est déjà le n° de la lettre à {other}" in found[place]
        this = lists[place[0]][0].lines[place[1] - 1].client
        assert f"vérifiez celui de la lettre à {this} sur sa preuve de dépôt" in found[place]


def test_the_page_refuses_one_number_for_two_letters_and_counts_numbers(week):
    ledger, listing, _ = week
    with running_page(ledger, recent_file=ledger.with_name("recents.json")) as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        token = page.state.token
        assert client.get(f"/?jeton={token}").status_code == 200
        key = re.search(r'name="liste-0" value="([0-9a-f]+)"', client.get("/recommandes").text)
        assert key is not None
        form = {"jeton": token, "liste-0": key[1], "numero-0-1": ONE, "depot-0-1": "23/11/2026"}
        before = listing.read_bytes()
        refused = client.post("/recommandes", data={**form, "numero-0-2": ONE}).text
        assert f"déjà le n° de la lettre à {DUPONT.replace('&', '&amp;')}" in refused
        assert listing.read_bytes() == before
        saved = client.post("/recommandes", data={**form, "numero-0-2": TWO}).text
        assert "2 numéros de recommandé et 1 date de dépôt enregistrés" in saved


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(TWO, id="as-printed"),
        pytest.param(TWO.replace(" ", "").lower(), id="lowercase-run-together"),
        pytest.param(TWO.replace(" ", "-"), id="dashes"),
    ],
)
def test_a_number_is_saved_as_la_poste_prints_it_however_typed(week, typed):
    """One form in the posting list (review-clerk3: « 1a12345678912 » was stored as typed,
    beside numbers stored spaced)."""
    _, listing, _ = week
    assert save_numbers(listing, {2: typed}).numbers == 1
    column = [c.value for c in load_workbook(listing)[SHEET]["H"]]
    assert TWO in column and (typed == TWO or typed not in column)
