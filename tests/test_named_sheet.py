"""A sheet the user names (--sheet, sheet = in relance.toml) is read or refused: never
silently replaced by another sheet, which would then be chased and written to (review
pubwb2 H1)."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from conftest import AS_OF, ROOT, complete_settings, write_ledger
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.errors import RelanceError

ADDRESS = "3 rue Oberkampf\n75011 Paris"
AUG, SEP = AS_OF.replace(month=8), AS_OF.replace(month=9)
ROWS = [[f"F-{i}", f"Client {i}", AUG, SEP, 100.0 + i, ADDRESS] for i in range(4)]
runner = CliRunner()


def _notes(wb):
    sheet = wb.create_sheet("Notes")
    sheet.append(["Sujet", "Auteur", "Commentaire"])
    sheet.append(["Appel", "Marie", "Rappeler lundi"])
    sheet.append(["Courrier", "Paul", "Envoyé"])


def _empty(wb):
    wb.create_sheet("Notes")


def _ledger(tmp_path, extra):
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", tmp_path / "relance.toml")
    return write_ledger(tmp_path / "l.xlsx", ROWS, extra=extra)


@pytest.mark.parametrize(
    "extra", [pytest.param(_notes, id="notes"), pytest.param(_empty, id="empty")]
)
def test_a_named_sheet_without_invoices_is_refused_not_replaced(tmp_path, extra):
    ledger = _ledger(tmp_path, extra)
    settings = dataclasses.replace(complete_settings(), sheet="Notes")
    with pytest.raises(RelanceError) as refused:
        relance_xlsx.run(ledger, settings, as_of=AS_OF, dry_run=True)
    said = str(refused.value)
    assert "La feuille « Notes » de l.xlsx, demandée" in said
    assert "aucune autre feuille n'est lue à sa place" in said
    assert "Feuille(s) qui ressemblent à un tableau de factures : « Factures »." in said


def test_run_with_sheet_writes_nothing_when_the_sheet_has_no_invoices(tmp_path):
    ledger = _ledger(tmp_path, _notes)
    before = ledger.read_bytes()
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["run", str(ledger), "--sheet", "Notes", "--as-of", AS_OF.isoformat(), "--out", str(out)],
    )
    assert result.exit_code == 1, result.output
    assert "« Notes »" in result.output and "Introuvable" in result.output
    assert ledger.read_bytes() == before
    assert not list(out.glob("*.docx")) if out.exists() else True


@pytest.mark.parametrize(
    ("sheet", "read"),
    [
        pytest.param("", "Factures", id="automatic"),
        pytest.param("Factures", "Factures", id="named-table"),
    ],
)
def test_a_sheet_with_invoices_is_still_read(tmp_path, sheet, read):
    ledger = _ledger(tmp_path, _notes)
    settings = dataclasses.replace(complete_settings(), sheet=sheet)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, dry_run=True)
    assert result.sheet == read and len(result.invoices) == 4
