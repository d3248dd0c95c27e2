"""A cell holding a reference to a control character XML forbids (`&#1;`): the reader takes
it, the write-back's parser would not. Refused before any letter, in one French sentence
naming the part and the cell; the characters XML allows are read as before."""

from __future__ import annotations

import pytest
from hostile_files import STRINGS, workbook
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


# (where, the reference written) -> the part and cell said; None: read as before.
CASES = {
    "sheet-1": (_in_sheet("&#1;"), "partie xl/worksheets/sheet1.xml"),
    "sheet-0": (_in_sheet("&#0;"), "dans la cellule B4"),
    "sheet-8": (_in_sheet("&#8;"), "« &#8; » dans la cellule B4"),
    "sheet-11": (_in_sheet("&#11;"), "« &#11; »"),
    "sheet-12": (_in_sheet("&#12;"), "« &#12; »"),
    "sheet-14": (_in_sheet("&#14;"), "« &#14; »"),
    "sheet-31": (_in_sheet("&#31;"), "« &#31; »"),
    "sheet-leading-zeros": (_in_sheet("&#0001;"), "« &#0001; »"),
    "sheet-hex-1": (_in_sheet("&#x1;"), "« &#x1; »"),
    "sheet-hex-B": (_in_sheet("&#xB;"), "« &#xB; »"),
    "sheet-hex-1f": (_in_sheet("&#x1f;"), "« &#x1f; »"),
    "shared-string": (_in_strings("&#1;"), "partie xl/sharedStrings.xml"),
    "shared-string-hex": (_in_strings("&#x1F;"), "« &#x1F; »"),
    "tab": (_in_sheet("&#9;"), None),
    "line-feed": (_in_sheet("&#10;"), None),
    "carriage-return": (_in_sheet("&#13;"), None),
    "hex-line-feed": (_in_sheet("&#xA;"), None),
    "space": (_in_sheet("&#32;"), None),
    "e-acute": (_in_sheet("&#233;"), None),
    "hundred-and-one": (_in_sheet("&#101;"), None),
}


@pytest.mark.parametrize(("change", "said"), CASES.values(), ids=CASES.keys())
def test_a_forbidden_character_reference_is_refused_before_anything(tmp_path, change, said):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx", change)
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    if said is None:
        said_in_french(done, 0, "4 factures")
        return
    sentence = said_in_french(done, 1, said)
    assert "caractère de contrôle qu'XML interdit" in sentence
    assert "retapez ce texte dans Excel" in sentence


def test_a_run_writes_no_letter_for_such_a_workbook(tmp_path):
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx", _in_sheet("&#1;"))
    before = ledger.read_bytes()
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said_in_french(done, 1, "dans la cellule B4")
    assert not (tmp_path / "relances").exists() or not list((tmp_path / "relances").rglob("*.*"))
    assert ledger.read_bytes() == before


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
