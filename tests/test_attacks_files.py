"""Messages that must be true: a file that is no workbook is said to be none, an address in
an attachment cell is said to be an address, an amount of -1e12 is as implausible as 1e12."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_files import ledger_rows, sheet_xml, workbook
from test_attacks import _office, relance, said_in_french

from relance_xlsx.userfiles import FileRefused, named_in_cell

NOT_WORKBOOKS = {
    "csv": (b"N\xc2\xb0 facture;Client;Montant\nF-1;Atelier;100\n", "fichier texte"),
    "html": (b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>", "page web"),
    "empty": (b"", "vide"),
}


@pytest.mark.parametrize(("data", "phrase"), NOT_WORKBOOKS.values(), ids=NOT_WORKBOOKS.keys())
def test_a_file_named_xlsx_that_is_no_workbook_is_said_to_be_none(tmp_path, data, phrase):
    _office(tmp_path)
    (tmp_path / "grand-livre.xlsx").write_bytes(data)
    done = relance("check", str(tmp_path / "grand-livre.xlsx"), cwd=tmp_path, timeout=120)
    said = said_in_french(done, 1, "n'est pas un classeur Excel")
    assert phrase in said and "zip" not in said


@pytest.mark.parametrize(
    "cell", ["file:///etc/passwd", "http://exemple.fr/f.pdf", "https://x.example/a.pdf"]
)
def test_an_address_in_an_attachment_cell_is_said_to_be_an_address(tmp_path, cell):
    with pytest.raises(FileRefused) as caught:
        named_in_cell(cell, tmp_path, max_mb=10)
    assert "adresse (URL)" in str(caught.value) and "périphérique" not in str(caught.value)


@pytest.mark.parametrize("amount", ["-1e12", "1e12", "-5e12"])
def test_an_implausible_amount_is_flagged_whatever_its_sign(tmp_path, amount):
    _office(tmp_path)
    number = '<c r="A9" t="inlineStr"><is><t>F-9</t></is></c>'
    row = f'<row r="9">{number}<c r="E9"><v>{amount}</v></c></row>'
    ledger = workbook(
        tmp_path / "grand-livre.xlsx",
        sheets={"Factures": sheet_xml(ledger_rows(extra=row), dimension="A1:F9")},
    )
    done = relance("check", str(ledger), "--json", cwd=tmp_path, timeout=120)
    said_in_french(done, 0, "")
    problems = json.loads(done.stdout)["problems"]
    assert any(p["row"] == 9 and "invraisemblable" in p["message"] for p in problems), problems
    assert Path(ledger).exists()
