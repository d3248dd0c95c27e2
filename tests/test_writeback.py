"""Write-back: status columns and journal in, everything else byte-for-byte the same."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from conftest import AS_OF, convert, needs_libreoffice, settings_or_complete, write_ledger
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table

import relance_xlsx
from relance_xlsx import WorkbookError
from relance_xlsx.ooxml import docxzip
from relance_xlsx.ooxml.xlsxparts import xml_text

D = dt.date
MAY_CHANGE = {
    "xl/worksheets/sheet1.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "docProps/app.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
}


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {n: hashlib.sha256(zf.read(n)).hexdigest() for n in zf.namelist()}


def cells(path: Path, sheet: str = "Factures") -> dict[str, tuple]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    return {
        c.coordinate: (c.value, c.number_format, c.font.b, c.fill.fgColor.rgb)
        for row in ws.iter_rows()
        for c in row
    }


def run(path: Path, as_of: dt.date = AS_OF, **kw) -> relance_xlsx.RunResult:
    settings = settings_or_complete(path)
    return relance_xlsx.run(path, settings, as_of=as_of, out_dir=path.parent / "out", **kw)


@pytest.mark.parametrize(
    "split_rows",
    [
        pytest.param(None, id="one-process"),
        # The sheet's last part edited, checked and compressed by a child process.
        pytest.param(0, id="two-processes"),
    ],
)
def test_sample_round_trip(sample, split_rows, monkeypatch):
    from relance_xlsx.ooxml import rowsplit, saving

    if split_rows is not None:
        monkeypatch.setattr(rowsplit, "SPLIT_ROWS", split_rows)
    joined: list[str] = []

    def deflated_before(name, content, level, tail):  # the real one, watched
        entry = docxzip.deflated_before(name, content, level, tail)
        if entry.data.endswith(tail.data):
            joined.append(name)
        return entry

    monkeypatch.setattr(saving, "deflated_before", deflated_before)
    before_parts, before_cells = parts(sample), cells(sample)
    result = run(sample)
    assert joined == ([] if split_rows is None else ["xl/worksheets/sheet1.xml"])
    assert result.letters and result.rows_written > 0 and result.journal_lines > 0
    after_parts, after_cells = parts(sample), cells(sample)
    changed = {n for n in before_parts if before_parts[n] != after_parts.get(n)}
    assert changed <= MAY_CHANGE
    assert "xl/media/image1.png" in after_parts  # the logo survives
    added = set(after_parts) - set(before_parts)
    assert added == {"xl/worksheets/sheet3.xml"}  # the journal sheet
    # Every cell outside the three status columns (P, Q found; R added) keeps value, format
    # and style.
    status_columns = {"P", "Q", "R"}
    for coord, value in before_cells.items():
        if coord.rstrip("0123456789") not in status_columns:
            assert after_cells[coord] == value, coord
    wb = openpyxl.load_workbook(sample)
    ws = wb["Factures"]
    assert [ws.cell(4, c).value for c in (16, 17, 18)] == [
        "Niveau de relance",
        "Date de relance",
        "Statut relance",
    ]
    assert ws["R4"].font.b  # header row style carried over
    letters = {i.row: i for i in result.invoices if i.action == "letter"}
    row = next(iter(letters))
    assert ws.cell(row, 17).value.date() == AS_OF
    assert ws.cell(row, 17).number_format.lower() == "dd/mm/yyyy"
    assert ws.cell(row, 18).value == letters[row].reason
    assert "Journal des relances" in wb.sheetnames


def test_cached_formula_values_stay(sample):
    run(sample)
    wb = openpyxl.load_workbook(sample, data_only=True)
    assert wb["Factures"]["N5"].value is not None  # pandas and others still see the value
    assert wb["Factures"]["N5"].value == pytest.approx(
        wb["Factures"]["J5"].value - (wb["Factures"]["L5"].value or 0)
    )
    with zipfile.ZipFile(sample) as zf:
        assert b'fullCalcOnLoad="1"' in zf.read("xl/workbook.xml")


def test_second_run_same_date_changes_nothing(sample):
    run(sample)
    first = parts(sample)
    result = run(sample)
    assert result.letters == [] and result.rows_written == 0 and result.journal_lines == 0
    assert parts(sample) == first


def test_later_run_appends_to_journal(sample):
    run(sample)
    run(sample, as_of=D(2026, 12, 10))
    ws = openpyxl.load_workbook(sample)["Journal des relances"]
    lines = list(ws.iter_rows(min_row=2, values_only=True))
    dates = {r[0].date() for r in lines if "repris du classeur" not in r[4]}
    assert dates == {AS_OF, D(2026, 12, 10)}
    # The sample's letters typed in the ledger, recovered before the first run overwrote
    # them, each dated by its own date.
    recovered = [r[0].date() for r in lines if "repris du classeur" in r[4]]
    assert recovered and all(day < AS_OF for day in recovered)


def _table_ledger(tmp_path: Path, ext: str = "xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["Suivi des factures"])
    ws.append([])
    ws.append(["N° facture", "Client", "Date facture", "Montant TTC"])
    ws.append(["F1", "Dupont", D(2026, 9, 1), 120.0])
    ws.append(["F2", "Durand", D(2026, 9, 3), 80.0])
    ws.add_table(Table(displayName="Factures", ref="A3:D5"))
    dv = DataValidation(type="list", formula1='"oui,non"')
    dv.add("E4:E5")
    ws.add_data_validation(dv)
    ws.conditional_formatting.add(
        "D4:D5",
        openpyxl.formatting.rule.CellIsRule(
            operator="greaterThan", formula=["100"], font=openpyxl.styles.Font(b=True)
        ),
    )
    wb.defined_names["Montants"] = openpyxl.workbook.defined_name.DefinedName(
        "Montants", attr_text="Factures!$D$4:$D$5"
    )
    ws.protection.sheet = False
    path = tmp_path / f"table.{ext}"
    wb.save(path)
    return path


def test_excel_table_is_extended_with_its_columns(tmp_path):
    path = _table_ledger(tmp_path)
    run(path)
    ws = openpyxl.load_workbook(path)["Factures"]
    table = ws.tables["Factures"]
    assert table.ref == "A3:G5"
    assert table.autoFilter is None or table.autoFilter.ref in (None, "A3:G5")
    assert [c.name for c in table.tableColumns] == [
        "N° facture",
        "Client",
        "Date facture",
        "Montant TTC",
        "Niveau de relance",
        "Date de relance",
        "Statut relance",
    ]
    assert len(ws.data_validations.dataValidation) == 1
    # This table has no address column: the letter cannot be posted, so the level stays.
    assert ws["E4"].value is None
    assert ws["G4"].value.startswith("Lettre à compléter (il manque l'adresse du client)")


@pytest.mark.parametrize(
    "lock", ["~$table.xlsx", ".~lock.table.xlsx#"], ids=["excel", "libreoffice"]
)
def test_open_workbook_is_refused(tmp_path, lock):
    path = _table_ledger(tmp_path)
    (tmp_path / lock).write_text("x")
    before = parts(path)
    with pytest.raises(WorkbookError, match="ouvert"):
        run(path)
    assert parts(path) == before
    assert not (tmp_path / "out").exists()  # refused before writing any letter


@needs_libreoffice
@pytest.mark.parametrize("fmt", ["ods", "xls:MS Excel 97"], ids=["ods", "xls"])
def test_old_formats_refused_for_write_back_but_readable(tmp_path, fmt):
    path = convert(_table_ledger(tmp_path), fmt, tmp_path / "converted")
    before = path.read_bytes()
    with pytest.raises(WorkbookError, match=r"enregistrez-le au format \.xlsx"):
        run(path)
    assert path.read_bytes() == before
    result = run(path, write_workbook=False)
    assert [x.kind for x in result.to_complete] == ["relance_1", "relance_1"]  # no address
    assert path.read_bytes() == before


def test_changed_since_read_is_refused(tmp_path):
    from relance_xlsx.config import Settings
    from relance_xlsx.ledger import read_ledger
    from relance_xlsx.workbook import write_back

    path = _table_ledger(tmp_path)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    path.write_bytes(path.read_bytes() + b"\0")
    with pytest.raises(WorkbookError, match="modifié depuis sa lecture"):
        write_back(ledger.sheet_ref, [], [], Settings().writeback, now=dt.datetime(2026, 11, 22))


@pytest.mark.parametrize(
    ("change", "runs"),
    [
        pytest.param(False, True, id="as-previewed-runs"),
        # A colleague saved the workbook in Excel after the page's preview.
        pytest.param(True, False, id="changed-since-the-preview-refused"),
    ],
)
def test_a_run_expecting_the_previewed_workbook_runs_only_on_it(tmp_path, change, runs):
    from relance_xlsx.pipeline import content_hash

    path = _table_ledger(tmp_path)
    seen = content_hash(path)
    if change:
        path.write_bytes(path.read_bytes() + b"\0")
    before = parts(path)
    if runs:
        run(path, expect=seen)
        assert parts(path) != before  # written back
        return
    with pytest.raises(relance_xlsx.WorkbookChanged, match="modifié depuis l'aperçu"):
        run(path, expect=seen)
    assert parts(path) == before and not (tmp_path / "out").exists()


def test_backups_keep_the_last_ten(sample):
    from relance_xlsx.ooxml.saving import make_backup

    for i in range(12):
        make_backup(sample, 10, dt.datetime(2026, 11, 22, 10, 0, i))
    assert len(list((sample.parent / ".relance-sauvegardes").iterdir())) == 10


# Another workbook beside this one, named so that its backups start like this one's.
NEIGHBOURS = {
    "year-after-the-name": ("grand-livre.xlsx", "grand-livre-2025.xlsx"),
    "word-after-the-name": ("grand-livre.xlsx", "grand-livre-clients.xlsx"),
    "macro-workbook": ("grand-livre.xlsx", "grand-livre.xlsm"),
    "brackets-in-the-name": ("livre [2026].xlsx", "livre [2026]-bis.xlsx"),
    "the-shorter-name-kept": ("grand-livre-2025.xlsx", "grand-livre.xlsx"),
}


@pytest.mark.parametrize(("ours", "theirs"), NEIGHBOURS.values(), ids=NEIGHBOURS.keys())
def test_backups_of_another_workbook_are_never_rotated_away(tmp_path, ours, theirs):
    from relance_xlsx.ooxml.saving import make_backup

    ledger, other = tmp_path / ours, tmp_path / theirs
    ledger.write_bytes(b"ce classeur")
    other.write_bytes(b"l'autre classeur")
    folder = tmp_path / ".relance-sauvegardes"
    kept = [make_backup(other, 2, dt.datetime(2026, 11, 1, 9, 0, i)) for i in range(2)]
    mine = [make_backup(ledger, 2, dt.datetime(2026, 11, 22, 10, 0, i)) for i in range(5)]
    assert sorted(folder.iterdir()) == sorted([*kept, *mine[-2:]])
    assert [p.read_bytes() for p in kept] == [b"l'autre classeur"] * 2


def test_xlsm_keeps_macros_and_content_type(tmp_path):
    source = _table_ledger(tmp_path)
    path = tmp_path / "macros.xlsm"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml").replace(
                    b'<Default Extension="xml"',
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
                    b'vbaProject"/><Default Extension="xml"',
                )
            dst.writestr(info, data)
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0fake-vba")
    before = parts(path)
    run(path)
    after = parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    with zipfile.ZipFile(path) as zf:
        assert b"macroEnabled" in zf.read("[Content_Types].xml")


@needs_libreoffice
@pytest.mark.parametrize(
    "split_rows",
    [
        pytest.param(None, id="one-process"),
        # The sheet's compressed stream then ends with the child's own: LibreOffice reads it.
        pytest.param(0, id="two-processes"),
    ],
)
def test_written_workbook_opens_in_libreoffice(sample, tmp_path, split_rows, monkeypatch):
    from relance_xlsx.ooxml import rowsplit

    if split_rows is not None:
        monkeypatch.setattr(rowsplit, "SPLIT_ROWS", split_rows)
    result = run(sample)
    csv = convert(sample, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo")
    text = csv.read_text(encoding="utf-8")
    assert "Niveau de relance" in text and "Relance 1" in text
    # The last invoice, in the child's part: its number and the status written for it.
    last = max(result.invoices, key=lambda i: i.row)
    assert last.invoice in text and last.reason in text


def test_a_broken_part_is_caught_before_the_original_is_replaced(sample):
    from relance_xlsx.ooxml.saving import save_atomically
    from relance_xlsx.ooxml.xlsxparts import Package

    before = sample.read_bytes()
    package = Package.open(str(sample))
    package.write(package.sheet_part("Factures"), b"<worksheet><sheetData></worksheet>")
    with pytest.raises(WorkbookError, match="invalide"):
        save_atomically(package, sample, 10, dt.datetime(2026, 11, 22, 9))
    assert sample.read_bytes() == before
    assert not list(sample.parent.glob(".*relance-tmp*"))


SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b"%s</sheetData></worksheet>"
)
# The same with what comes before the rows: a dimension and column widths to edit.
HEADED_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:B40"/><cols><col min="1" max="2" width="9"/></cols>'
    b"<sheetData>%s</sheetData></worksheet>"
)
ROW_CASES = [  # (row, whether the in-place edit applies)
    pytest.param(
        b'<row r="5" spans="1:2"><c r="A5" s="1"><v>1</v></c><c r="B5"/></row>', True, id="append"
    ),
    pytest.param(
        b'<row r="5"><c r="A5"><v>1</v></c>'
        b'<c r="D5" s="7" t="inlineStr"><is><t>old</t></is></c></row>',
        True,
        id="replace-existing-keeps-style",
    ),
    pytest.param(b'<row r="5"><c r="A5"/><c r="D5" s="2"/></row>', True, id="replace-self-closing"),
    pytest.param(
        b'<row r="5"><c r="A5" t="inlineStr"><is><t> r="D5"</t></is></c></row>',
        False,
        id="reference-in-a-cell-text",
    ),
    pytest.param(
        b'<row r="5"><c r="A5"/><c r="H5"><v>2</v></c></row>', False, id="new-cell-between"
    ),
    pytest.param(
        b'<row r="5"><c><v>1</v></c><c><v>2</v></c></row>', False, id="cells-without-references"
    ),
    pytest.param(b'<row r="5"/>', False, id="empty-row"),
    # White space other than a space between attributes hides « r="D5" » from a plain search:
    # the full parse, which reads the attribute, must replace the cell, not add a second D5.
    pytest.param(b'<row r="5"><c r="A5"/><c\tr="D5" s="2"/></row>', False, id="tab-before-ref"),
    pytest.param(
        b'<row r="5"><c r="A5"/>\n<c r="B5"\r\nt="inlineStr"><is><t>x</t></is></c></row>',
        False,
        id="line-ends-in-tags",
    ),
    pytest.param(
        b'<row r="5"><c r="A5" t="inlineStr"><is><t>xr="D5"</t></is></c></row>',
        True,
        id="reference-like-text-after-a-letter",
    ),
]


@pytest.mark.parametrize(("row", "in_place"), ROW_CASES)
def test_in_place_row_edit_gives_the_full_parse_result(row, in_place, monkeypatch):
    """The fast path for a row either declines or writes exactly what the full parse writes."""
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.sheetxml import SheetXml

    cells = {
        5: [NewCell(3, text="Relance 1"), NewCell(4, serial=46348, style=3), NewCell(5, text="R&D")]
    }
    sheet = SheetXml(SHEET % row)
    applies = sheet._edit_row_in_place(row, 5, cells[5], frozenset({3})) is not None
    assert applies == in_place
    fast, fast_col = sheet.edit_rows(cells, frozenset({3}))
    monkeypatch.setattr(SheetXml, "_edit_row_in_place", lambda *a: None)
    monkeypatch.setattr(SheetXml, "_append_in_sheet", lambda *a: None)
    full, full_col = SheetXml(SHEET % row).edit_rows(cells, frozenset({3}))
    assert (fast, fast_col) == (full, full_col)
    assert b"R&amp;D" in fast


def test_rows_sharing_their_cells_get_what_the_full_parse_gives(monkeypatch):
    """Rows with the same status share one tuple of cells, and their appending is planned
    once for all of them: every shape of row, repeated, still gets the full parse's result."""
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.sheetxml import SheetXml

    shapes = [case.values[0] for case in ROW_CASES] * 3  # each shape on three rows
    numbers = list(range(5, 5 + len(shapes)))
    data = SHEET % b"".join(
        s.replace(b'5"', b'%d"' % n) for s, n in zip(shapes, numbers, strict=True)
    )
    shared = (NewCell(4, serial=46348, style=3), NewCell(3, text="100 % & <payé>"))
    cells = dict.fromkeys(numbers, shared)
    # Cells out of column order (not Excel's, but seen in generated files): D is not appended
    # a second time just because the row's last cell is A.
    disordered = SHEET % b"".join(
        b'<row r="%d"><c r="D%d"/><c r="A%d"/></row>' % (n, n, n) for n in range(2, 6)
    )
    out, _ = SheetXml(disordered).edit_rows(dict.fromkeys(range(2, 6), shared), frozenset())
    assert all(out.count(b'r="D%d"' % n) == 1 for n in range(2, 6))
    fast = SheetXml(data).edit_rows(cells, frozenset({3}))
    monkeypatch.setattr(SheetXml, "_edit_row_in_place", lambda *a: None)
    monkeypatch.setattr(SheetXml, "_append_in_sheet", lambda *a: None)
    assert fast == SheetXml(data).edit_rows(cells, frozenset({3}))
    assert fast[0].count(b"100 % &amp; &lt;pay\xc3\xa9&gt;") == len(numbers)


_TEXT = b"".join(
    b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n * 7919) for n in range(400)
)
DEFLATE_CASES = [  # (the tail compressed elsewhere, whether it ends the part)
    pytest.param(_TEXT[-3000:], True, id="end-of-the-part"),
    pytest.param(_TEXT, True, id="the-whole-part"),
    pytest.param(_TEXT[-3001:-1], False, id="same-size-not-the-end"),
    pytest.param(b"<row/>" + _TEXT, False, id="longer-than-the-part"),
]


@pytest.mark.parametrize(("tail", "used"), DEFLATE_CASES)
def test_a_part_ending_in_a_tail_compressed_elsewhere_is_one_deflate_stream(tail, used):
    """The child's compressed part is joined to the rest only if it is the part's end; either
    way the entry inflates to the part, with the part's CRC."""
    packed = docxzip.PackedTail.of(tail, docxzip.WORKBOOK_LEVEL)
    entry = docxzip.deflated("xl/worksheets/sheet1.xml", _TEXT, docxzip.WORKBOOK_LEVEL, packed)
    assert zlib.decompress(entry.data, -15) == _TEXT
    assert (entry.crc, entry.size) == (zlib.crc32(_TEXT), len(_TEXT))
    assert entry.data.endswith(packed.data) is used


def _rows(numbers: list[int]) -> bytes:
    return b"".join(
        b'<row r="%d" spans="1:2"><c r="A%d" t="inlineStr"><is><t>F%d</t></is></c>'
        b'<c r="B%d"><v>%d</v></c></row>' % (n, n, n, n, n)
        for n in numbers
    )


SPLIT_CASES = [  # (rows in the sheet, rows to edit)
    pytest.param(list(range(1, 41)), list(range(2, 41)), id="every-row"),
    pytest.param(list(range(1, 41)), [3, 39], id="one-row-in-each-half"),
    pytest.param(list(range(1, 41)), [35, 36], id="second-half-only"),
    # Rows the halves cannot place: the whole sheet is edited the ordinary way.
    pytest.param(list(range(1, 41)), [5, 45], id="row-to-add-after-the-last"),
    pytest.param([*range(21, 41), *range(1, 21)], [2, 30], id="rows-out-of-order"),
    pytest.param([1, 2], [2], id="too-small-to-cut"),
]


@pytest.mark.parametrize(("present", "edited"), SPLIT_CASES)
def test_a_sheet_edited_on_two_cores_is_the_sheet_edited_on_one(present, edited, monkeypatch):
    """The child process edits the second half; joined, the halves are byte for byte the
    sequential edit, whatever the rows look like."""
    from relance_xlsx.ooxml import rowsplit
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.pieces import as_bytes
    from relance_xlsx.ooxml.sheethead import add_column_widths, rows_start, widen_dimension
    from relance_xlsx.ooxml.sheetxml import SheetXml

    monkeypatch.setattr(rowsplit, "SPLIT_ROWS", 0)
    data = HEADED_SHEET % _rows(present)
    cells = {
        n: (NewCell(2, text=f"Relance {n}"), NewCell(3, serial=46348, style=3)) for n in edited
    }

    def before_rows(opening: bytes, max_col: int) -> bytes:  # as the write-back does
        return add_column_widths(widen_dimension(opening, max_col), {3: 12.0}, b"")

    xml, max_col = SheetXml(data).edit_rows(cells, frozenset({3}))
    at = rows_start(xml)
    expected = (before_rows(xml[:at], max_col) + xml[at:], max_col)
    assert b'<dimension ref="A1:D' in expected[0] and b'<col min="4"' in expected[0]
    for reread in (None, lambda: SheetXml(data)):  # given, the sheet is let go, read again
        with rowsplit.RowEdit(SheetXml(data), cells, frozenset({3}), reread) as edit:
            edit.edit_head()
            if reread is not None and edit.child is not None and not edit.head:
                assert edit.sheet is None  # its part edited: the sheet as read is let go
            got, col = edit.result(before_rows)
        end = edit.tail.inflated() if edit.tail else b""  # the child's part, compressed
        assert (as_bytes(got) + end, col) == expected
    assert b"Relance %d<" % edited[-1] in expected[0]
    if edit.tail and len(edit.tail.rest) < len(end):  # the rows the child checked: whole rows
        assert end.startswith(b"<row ") and edit.tail.rest.startswith(b"</sheetData>")
        assert end.endswith(edit.tail.rest)


def test_rows_the_child_finds_broken_are_left_to_the_final_check(monkeypatch, sample):
    """A broken row in the second part: the child says so by not vouching for its rows, and
    the check of the whole part before saving refuses the file."""
    from relance_xlsx.ooxml import rowsplit
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.saving import save_atomically
    from relance_xlsx.ooxml.sheetxml import SheetXml
    from relance_xlsx.ooxml.xlsxparts import Package

    monkeypatch.setattr(rowsplit, "SPLIT_ROWS", 0)
    data = SHEET % (_rows(list(range(1, 40))) + b'<row r="40"><c r="A40"><v>1</c></row>')
    cells = {n: (NewCell(2, text="Relance 1"),) for n in range(2, 41)}
    with rowsplit.RowEdit(SheetXml(data), cells, frozenset()) as edit:
        edited, _ = edit.result()
    # Not vouched for: all of the child's part comes back, for the final check.
    assert edit.child is not None
    assert edit.tail is None or len(edit.tail.rest) == edit.tail.packed.size
    package = Package.open(str(sample))
    package.write(package.sheet_part("Factures"), edited, tail=edit.tail)
    with pytest.raises(WorkbookError, match="invalide"):
        save_atomically(package, sample, 10, dt.datetime(2026, 11, 22, 9))


def test_a_child_that_fails_leaves_the_edit_to_this_process(monkeypatch):
    from relance_xlsx.ooxml import rowsplit
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.sheetxml import SheetXml

    monkeypatch.setattr(rowsplit, "SPLIT_ROWS", 0)
    monkeypatch.setattr(rowsplit.sys, "executable", "/bin/false")  # a child that exits 1
    data = SHEET % _rows(list(range(1, 41)))
    cells = {n: (NewCell(2, text="Relance 1"),) for n in range(2, 41)}
    with rowsplit.RowEdit(SheetXml(data), cells, frozenset()) as edit:
        assert edit.result() == SheetXml(data).edit_rows(cells, frozenset())


def test_a_job_that_cannot_be_sent_leaves_the_edit_to_this_process(monkeypatch):
    """Nothing the child needs is ever left waiting: a job pickle refuses ends the child, and
    the whole sheet is edited here."""
    from relance_xlsx.ooxml import rowsplit
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.sheetxml import SheetXml

    class DateStyles:  # a local class: pickle cannot send it
        def __contains__(self, style: object) -> bool:
            return style == 3

    monkeypatch.setattr(rowsplit, "SPLIT_ROWS", 0)
    data = SHEET % _rows(list(range(1, 41)))
    cells = {
        n: (NewCell(2, text="Relance 1"), NewCell(3, serial=46348, style=3)) for n in range(2, 41)
    }
    with rowsplit.RowEdit(SheetXml(data), cells, DateStyles()) as edit:
        assert edit.child is not None
        assert edit.result() == SheetXml(data).edit_rows(cells, frozenset({3}))
    assert edit.tail is None


KILLED_CHILD = """
import datetime as dt, sys
from pathlib import Path
from relance_xlsx.workbook import journal_entries, status_updates
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.policy import decide
from relance_xlsx.policy import load_rate_tables
from relance_xlsx.workbook import write_back

as_of = dt.date(2026, 11, 22)
settings = Settings()
ledger = read_ledger(Path(sys.argv[1]), settings, as_of=as_of)
decisions = decide(ledger.frame, as_of, settings.policy, load_rate_tables())
updates = status_updates(ledger.frame, decisions.frame, as_of)
entries = journal_entries(ledger.frame, decisions.frame, {}, as_of)
print("writing", flush=True)
write_back(ledger.sheet_ref, updates, entries, settings.writeback, now=dt.datetime(2026, 11, 22, 9))
print("done", flush=True)
"""


def _start_writer(path: Path) -> tuple[subprocess.Popen, float]:
    """A process that writes the status back into path; returns it once it starts writing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    return proc, time.perf_counter()


def test_killing_the_writer_at_any_moment_leaves_old_or_new_never_half(tmp_path):
    rows = [
        [f"F{i:05d}", f"Client {i % 300}", D(2026, 8, 1), D(2026, 9, 1), 100.0 + i, 0, "1 rue A"]
        for i in range(4000)
    ]
    source = write_ledger(tmp_path / "source.xlsx", rows)
    original = source.read_bytes()
    # One complete run: the new file every interrupted run must either reach or not start.
    done = tmp_path / "complete" / "ledger.xlsx"
    done.parent.mkdir()
    done.write_bytes(original)
    proc, started = _start_writer(done)
    assert proc.wait(60) == 0
    duration = time.perf_counter() - started
    complete = done.read_bytes()
    assert complete != original
    outcomes = set()
    chance = random.Random(20261122)
    # Kill moments spread over the whole write (and a little after), each with some jitter.
    moments = [duration * (k + chance.random()) / 10 for k in range(12)]
    for attempt, moment in enumerate(moments):
        target = tmp_path / f"run{attempt}" / "ledger.xlsx"
        target.parent.mkdir()
        target.write_bytes(original)
        proc, _ = _start_writer(target)
        time.sleep(moment)
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        after = target.read_bytes()
        assert after in (original, complete), f"half-written ledger after kill {attempt}"
        outcomes.add("new" if after == complete else "old")
    assert "old" in outcomes  # (and "new" when a kill fell after the replace)


TEXT_BOX = (
    b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    b' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
    b"<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
    b"<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff>"
    b"<xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr>"
    b'<xdr:cNvPr id="2" name="Note"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>'
    b"<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Ne pas relancer avant le 15</a:t></a:r></a:p>"
    b"</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
)


def _office_workbook(path: Path) -> Path:
    """A ledger with what offices put around it: chart, image, comments, conditional formats,
    validation, defined names, a protected sheet; then parts openpyxl cannot write (a text box,
    customXml as Power Query leaves, threaded comments)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.workbook.defined_name import DefinedName
    from PIL import Image as PILImage

    rows = [
        [f"F{i}", f"Client {i}", D(2026, 8, i + 1), D(2026, 9, i + 1), 100.0 * i, 0, "1 rue A"]
        for i in range(1, 9)
    ]
    logo = path.parent / "logo.png"
    PILImage.new("RGB", (40, 20), "navy").save(logo)

    def decorate(wb):
        ws = wb["Factures"]
        ws["B2"].comment = Comment("Client historique", "Compta")
        ws.conditional_formatting.add(
            "E2:E9", CellIsRule(operator="greaterThan", formula=["500"], fill=PatternFill("solid"))
        )
        dv = DataValidation(type="list", formula1='"oui,non"')
        ws.add_data_validation(dv)
        dv.add("H2:H9")
        ws.add_image(Image(str(logo)), "J2")
        stats = wb.create_sheet("Statistiques")
        stats.append(["Client", "Montant"])
        for i in range(1, 5):
            stats.append([f"Client {i}", i * 100])
        chart = BarChart()
        chart.add_data(Reference(stats, min_col=2, min_row=1, max_row=5), titles_from_data=True)
        stats.add_chart(chart, "D2")
        stats.protection.sheet = True
        wb.defined_names["TotalFactures"] = DefinedName(
            "TotalFactures", attr_text="Factures!$E$2:$E$9"
        )

    write_ledger(path, rows, extra=decorate)
    with zipfile.ZipFile(path) as zf:
        contents = {n: zf.read(n) for n in zf.namelist()}
    contents["xl/drawings/drawing99.xml"] = TEXT_BOX
    contents["customXml/item1.xml"] = (
        b'<?xml version="1.0"?><DataMashup xmlns="http://schemas.microsoft.com/DataMashup">AAAA</DataMashup>'
    )
    contents["xl/threadedComments/threadedComment1.xml"] = (
        b'<?xml version="1.0"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in contents.items():
            zf.writestr(name, data)
    return path


def test_everything_around_the_ledger_survives_byte_for_byte(tmp_path):
    ledger = _office_workbook(tmp_path / "bureau.xlsx")
    before = parts(ledger)
    assert any(n.startswith("xl/charts/") for n in before)
    assert any(n.startswith("xl/media/") for n in before)
    assert any("comments" in n for n in before)
    result = run(ledger)
    assert result.rows_written > 0
    after = parts(ledger)
    assert set(before) <= set(after)
    changed = {n for n in before if before[n] != after[n]}
    assert changed <= MAY_CHANGE, changed - MAY_CHANGE
    wb = openpyxl.load_workbook(ledger)
    assert wb["Statistiques"].protection.sheet
    assert "TotalFactures" in wb.defined_names
    assert wb["Factures"]["B2"].comment.text == "Client historique"
    assert wb["Factures"].conditional_formatting and wb["Factures"].data_validations.dataValidation
    headers = [c.value for c in wb["Factures"][1]]
    assert headers[-3:] == ["Niveau de relance", "Date de relance", "Statut relance"]


@needs_libreoffice
def test_office_workbook_still_opens_in_libreoffice_after_write_back(tmp_path):
    ledger = _office_workbook(tmp_path / "bureau.xlsx")
    run(ledger)
    csv = convert(ledger, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo")
    text = csv.read_text(encoding="utf-8")
    assert "Statut relance" in text and "Client 3" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Relance 1", "Relance 1", id="plain"),
        pytest.param("Dupont & Fils <SARL>", "Dupont &amp; Fils &lt;SARL&gt;", id="markup"),
        # A control character pasted from another program is not allowed in XML 1.0 at all.
        pytest.param("Facture\x0b 12\x00", "Facture 12", id="forbidden-characters"),
        pytest.param("a\x01&b", "a&amp;b", id="both"),
        pytest.param("ligne 1\nligne 2\tfin", "ligne 1\nligne 2\tfin", id="newline-and-tab-kept"),
    ],
)
def test_text_written_into_a_cell_is_escaped(text: str, expected: str) -> None:
    assert xml_text(text) == expected


JOURNAL_CASES = [  # (entry fields that differ from a plain one, the line as openpyxl reads it)
    pytest.param(
        {}, ("F1", "Dupont", "Relance 1", "Courrier", 120.0, 1.5, 40.0, "r1.docx"), id="plain"
    ),
    pytest.param(
        {"client": "<b>Dupont & Fils</b>"},
        ("F1", "<b>Dupont & Fils</b>", "Relance 1", "Courrier", 120.0, 1.5, 40.0, "r1.docx"),
        id="markup-is-text",
    ),
    pytest.param(
        {"letter": ""},
        ("F1", "Dupont", "Relance 1", "Courrier", 120.0, 1.5, 40.0, None),
        id="no-letter-no-cell",
    ),
    pytest.param(
        {"outstanding": 0.1 + 0.2, "interest": 2 / 3},
        ("F1", "Dupont", "Relance 1", "Courrier", 0.3, 0.67, 40.0, "r1.docx"),
        id="amounts-to-the-cent",
    ),
    pytest.param(
        {"invoice": "F\x0b2", "client": "  Dupont\n"},
        ("F2", "  Dupont\n", "Relance 1", "Courrier", 120.0, 1.5, 40.0, "r1.docx"),
        id="control-character-dropped-spaces-kept",
    ),
]


@pytest.mark.parametrize(("changes", "line"), JOURNAL_CASES)
def test_journal_lines_read_back_as_written(tmp_path, changes, line):
    """Each journal line, reopened: its date as a date, its texts as text, amounts rounded."""
    from relance_xlsx.ooxml.saving import save_atomically
    from relance_xlsx.ooxml.xlsxparts import Package, Styles
    from relance_xlsx.workbook import JournalEntry, add_journal

    path = tmp_path / "ledger.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Factures"
    wb.save(path)
    fields = {
        "run_date": AS_OF,
        "invoice": "F1",
        "client": "Dupont",
        "level": "Relance 1",
        "action": "Courrier",
        "outstanding": 120.0,
        "interest": 1.5,
        "indemnity": 40.0,
        "letter": "r1.docx",
    }
    package = Package.open(str(path))
    entries = [
        JournalEntry(**fields),
        JournalEntry(**{**fields, **changes, "run_date": D(2026, 12, 1)}),
    ]
    assert len(add_journal(package, "Journal", entries, Styles(package).date_style())) == 2
    save_atomically(package, path, 10, dt.datetime(2026, 11, 22, 9))
    ws = openpyxl.load_workbook(path)["Journal"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0][0].date() == AS_OF and ws["A3"].number_format.lower() == "dd/mm/yyyy"
    # The tenth column, « Référence », is empty for a line without one.
    assert (rows[1][0].date(), *rows[1][1:]) == (D(2026, 12, 1), *line, None)


_EXCEL_LOCK = b"\x0bAnne Martin" + b" " * 42 + b"\x0b\x00" + "Anne Martin".encode("utf-16-le")
_LIBREOFFICE_LOCK = b",Anne Martin,PC-COMPTA,anne,03.12.2026 09:12,file:///C:/Users/anne/LO/4;"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        pytest.param("~${}", _EXCEL_LOCK, "ouvert par Anne Martin dans Excel", id="excel"),
        pytest.param(".~lock.{}#", _LIBREOFFICE_LOCK, "ouvert par Anne Martin", id="libreoffice"),
        pytest.param("~${}", b"", "est ouvert dans Excel", id="excel-empty-lock"),
        pytest.param("~${}", b"\xff\x00\x01", "est ouvert dans Excel", id="excel-garbage"),
    ],
)
def test_a_workbook_open_elsewhere_names_who_has_it_open(tmp_path, name, content, said):
    """Offices share the workbook: the lock file says who holds it, the refusal says so."""
    ledger = write_ledger(tmp_path / "Factures.xlsx", [["F-1", "A", AS_OF, AS_OF, 10.0, 0]])
    (tmp_path / name.format(ledger.name)).write_bytes(content)
    settings = settings_or_complete(ledger)
    before = ledger.read_bytes()
    with pytest.raises(WorkbookError, match=said):
        relance_xlsx.run(ledger, settings, as_of=AS_OF)
    assert ledger.read_bytes() == before
