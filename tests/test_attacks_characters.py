"""A cell holding a character XML 1.0 forbids: a control character or U+FFFE/U+FFFF, raw
or as a reference (`&#1;`, `&#xFFFE;`). The reader takes it, the write-back's parser would
not. The cell is named as a warning on its row (column, value, what is done) and the run goes
on: the letters omit the character, the rewritten sheet holds a control character as Excel
writes one (`_x0001_`) and leaves a noncharacter out. A reference to no character at all
(`&#0;`, `&#xD800;`, past U+10FFFF), which the reader cannot read, is refused before
anything, naming the cell, even when another sheet is tried after it. The same character in
a text of xl/sharedStrings.xml is named on each row whose cell shows that text."""

from __future__ import annotations

import zipfile

import pytest
from hostile_files import STRINGS, ledger_rows, sheet_xml, workbook
from lxml import etree
from test_attacks import _office, relance, said_in_french

from relance_xlsx.errors import WorkbookError
from relance_xlsx.ooxml.saving import pack
from relance_xlsx.ooxml.xlsxparts import Package

SHEET, SST = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"


def _in_sheet(reference: str):
    def change(parts: dict) -> None:  # Café Gamma is the client of row 4
        parts[SHEET] = parts[SHEET].replace("Café Gamma", f"Café{reference}Gamma")

    return change


def _in_strings(reference: str):
    def change(parts: dict) -> None:
        parts[SST] = STRINGS.replace("inutile", f"inu{reference}tile")

    return change


# (the characters written in Café Gamma's cell) -> the code points named on row 4.
CLEANED = {
    "ref-1": ("&#1;", "U+0001"),
    "ref-8": ("&#8;", "U+0008"),
    "ref-11": ("&#11;", "U+000B"),
    "ref-12": ("&#12;", "U+000C"),
    "ref-14": ("&#14;", "U+000E"),
    "ref-31": ("&#31;", "U+001F"),
    "ref-leading-zeros": ("&#0001;", "U+0001"),
    "ref-hex-1": ("&#x1;", "U+0001"),
    "ref-hex-B": ("&#xB;", "U+000B"),
    "ref-hex-1f": ("&#x1f;", "U+001F"),
    "ref-FFFE": ("&#xFFFE;", "U+FFFE"),
    "ref-65535": ("&#65535;", "U+FFFF"),
    "raw-1": ("\x01", "U+0001"),
    "raw-NUL": ("\x00", "U+0000"),
    "raw-1f": ("\x1f", "U+001F"),
    "raw-FFFE": ("\ufffe", "U+FFFE"),
    "raw-FFFF": ("\uffff", "U+FFFF"),
    "several": ("&#1;\x02&#xFFFF;", "U+0001, U+0002"),
}
UNREADABLE = {
    "ref-0": ("&#0;", "U+0000"),
    "ref-surrogate": ("&#xD800;", "U+D800"),
    "ref-surrogate-decimal": ("&#57343;", "U+DFFF"),
    "ref-beyond-unicode": ("&#x110000;", "U+110000"),
}
NAMES = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>'
KEPT = {
    "tab": "&#9;", "line-feed": "&#10;", "carriage-return": "&#13;", "hex-line-feed": "&#xA;",
    "space": "&#32;", "e-acute": "&#233;", "hundred-and-one": "&#101;",
    "last-character": "&#x10FFFD;", "after-surrogates": "&#xE000;",
}  # fmt: skip


@pytest.mark.parametrize(("written", "named"), CLEANED.values(), ids=CLEANED.keys())
def test_check_names_the_cell_and_goes_on(tmp_path, written, named):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx", _in_sheet(written))
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    said_in_french(done, 0, "4 factures")
    [line] = [x for x in done.stdout.splitlines() if "qu'XML interdit" in x]
    assert "ligne 4, colonne « Client », valeur « Café[U+" in line, line
    assert named in line and "retapez ce texte dans Excel" in line, line


@pytest.mark.parametrize("written", KEPT.values(), ids=KEPT.keys())
def test_the_characters_xml_allows_are_read_as_before(tmp_path, written):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx", _in_sheet(written))
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    said_in_french(done, 0, "4 factures")
    assert "XML interdit" not in done.stdout


@pytest.mark.parametrize(("written", "named"), UNREADABLE.values(), ids=UNREADABLE.keys())
@pytest.mark.parametrize("sheets", [1, 2], ids=["one sheet", "another sheet after"])
def test_a_reference_to_no_character_is_refused_naming_the_cell(tmp_path, written, named, sheets):
    _office(tmp_path)
    more = {
        "Clients": sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>')
    }
    kw = {"sheets": {"Factures": sheet_xml(ledger_rows()), **more}} if sheets == 2 else {}
    ledger = workbook(tmp_path / "grand-livre.xlsx", _in_sheet(written), **kw)
    before = ledger.read_bytes()
    for command in (["check"], ["run", "--as-of", "22/11/2026"]):
        done = relance(command[0], "grand-livre.xlsx", *command[1:], cwd=tmp_path)
        sentence = said_in_french(done, 1, "dans la cellule B4")
        assert f"référence au caractère {named}" in sentence and "Aucun tableau" not in sentence
    assert not (tmp_path / "relances").exists() or not list((tmp_path / "relances").rglob("*.*"))
    assert ledger.read_bytes() == before


def _shared_ledger(path, written: str):
    """A ledger as Excel and XlsxWriter write it, its texts in xl/sharedStrings.xml, then
    `written` put into Café Gamma's string by editing the zip."""
    import datetime as dt

    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet, day = book.add_worksheet("Factures"), book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC",
                           "Adresse"])  # fmt: skip
    for n, client in enumerate(["Atelier Alpha", "Boulangerie Bêta", "Café Gamma"], start=1):
        sheet.write_row(n, 0, [f"F-{n}", client])
        sheet.write_datetime(n, 2, dt.datetime(2026, 8, 1), day)
        sheet.write_datetime(n, 3, dt.datetime(2026, 9, 1), day)
        sheet.write_row(n, 4, [100.0 + n, "1 rue A\n75001 Paris"])
    book.close()
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    assert b"Caf\xc3\xa9 Gamma" in parts[SST] and b"Gamma" not in parts[SHEET]
    parts[SST] = parts[SST].replace("Café Gamma".encode(), f"Café{written}Gamma".encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


SHARED = {
    "ref-1": ("&#1;", "U+0001"),
    "ref-hex-1F": ("&#x1F;", "U+001F"),
    "raw-2": ("\x02", "U+0002"),
    "ref-FFFE": ("&#xFFFE;", "U+FFFE"),
}


@pytest.mark.parametrize(("written", "named"), SHARED.values(), ids=SHARED.keys())
def test_a_shared_string_with_a_forbidden_character_is_a_row_warning(tmp_path, written, named):
    """One bad text in xl/sharedStrings.xml no longer refuses the whole workbook: the cells
    showing it are named on their rows, the letters come, the workbook is written back valid
    (every XML parser, openpyxl's included, reads it), and the next run reads it back."""
    from openpyxl import load_workbook

    _office(tmp_path)
    ledger = _shared_ledger(tmp_path / "grand-livre.xlsx", written)
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    [line] = [x for x in done.stdout.splitlines() if "qu'XML interdit" in x]
    assert "ligne 4, colonne « Client », valeur « Café[U+" in line, line
    assert named in line and "retapez ce texte dans Excel" in line, line
    letters = list((tmp_path / "relances").rglob("*.docx"))
    assert any("Gamma" in p.name for p in letters), letters
    with zipfile.ZipFile(ledger) as zf:
        etree.fromstring(zf.read(SST))
    assert load_workbook(ledger).sheetnames == ["Factures", "Journal des relances"]
    again = relance("run", "grand-livre.xlsx", "--as-of", "23/11/2026", cwd=tmp_path)
    said_in_french(again, 0, "Classeur mis à jour")
    assert "XML interdit" not in again.stdout


def test_an_unused_shared_string_with_a_control_reference_is_no_matter(tmp_path):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx", _in_strings("&#x1F;"))
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    said_in_french(done, 0, "4 factures")
    assert "XML interdit" not in done.stdout


def test_a_shared_string_referring_to_no_character_is_refused(tmp_path):
    _office(tmp_path)
    _shared_ledger(tmp_path / "grand-livre.xlsx", "&#0;")
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    sentence = said_in_french(done, 1, "partie xl/sharedStrings.xml")
    assert "U+0000 (« Café[U+0000]Gamma »)" in sentence and "retapez ce texte" in sentence


def _sheet_of(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(SHEET)


def test_the_run_writes_its_letters_and_a_valid_workbook(tmp_path):
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx", _in_sheet("&#1;\x02&#xFFFE;\uffff"))
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    assert "ligne 4, colonne « Client »" in done.stdout
    letters = list((tmp_path / "relances").rglob("*.docx"))
    assert any("Gamma" in p.name for p in letters), letters
    sheet = _sheet_of(ledger)
    etree.fromstring(sheet)  # XML 1.0 again: every parser, Excel's included, reads it
    assert "Café_x0001__x0002_Gamma".encode() in sheet
    again = relance("run", "grand-livre.xlsx", "--as-of", "23/11/2026", cwd=tmp_path)
    said_in_french(again, 0, "Classeur mis à jour")
    assert "XML interdit" not in again.stdout  # read back as Excel's own notation


@pytest.mark.parametrize(
    ("xml", "said"),
    [
        pytest.param(b"<a>x&#1;</a>", "(caractère interdit en XML, ligne 1, colonne", id="control"),
        pytest.param(b"<a><b></a>", "est invalide (ligne 1, colonne", id="mismatched"),
    ],
)
def test_the_write_back_says_a_part_it_cannot_write_in_french(xml, said):
    package = Package("grand-livre.xlsx", [SHEET], {SHEET: xml})
    with pytest.raises(WorkbookError) as caught:
        pack(package, [SHEET])
    message = str(caught.value)
    assert said in message and "l'original est intact" in message
    for english in ("reference", "invalid ", "mismatched", "tag", "line "):
        assert english not in message, message


TYPED = {  # the text the person typed -> as Excel stores it in the ledger's cell
    "letter-escape": ("Garage _x0041_ Bernard", "Garage _x005F_x0041_ Bernard"),
    "control-escape": ("Garage _x0007_ Bernard", "Garage _x005F_x0007_ Bernard"),
    "lowercase-hex": ("Garage _x00e9_ Bernard", "Garage _x005F_x00e9_ Bernard"),
}


@pytest.mark.parametrize(("typed", "stored"), TYPED.values(), ids=TYPED.keys())
def test_text_typed_as_excels_escape_is_written_back_as_typed(tmp_path, typed, stored):
    from python_calamine import CalamineWorkbook

    _office(tmp_path)
    rows = ledger_rows(clients=["Atelier Alpha", stored])
    ledger = workbook(tmp_path / "grand-livre.xlsx", sheets={"Factures": sheet_xml(rows)})
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    journal = CalamineWorkbook.from_path(str(ledger)).get_sheet_by_name("Journal des relances")
    cells = [str(c) for row in journal.to_python() for c in row]
    assert typed in cells, cells
    assert not any("\x07" in c or "Garage A Bernard" in c for c in cells), cells
