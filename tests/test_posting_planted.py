"""A posting list is trusted only for the letters the workbook's journal records
(review-attack-6 §14): a list planted in a folder beside the workbook, or a line of the
run's own list rewritten to another client's letter, never writes an LRAR number."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, _load_sample_builder
from openpyxl import load_workbook

import relance_xlsx

AS_OF = dt.date(2026, 11, 22)
NUMBER = "1A 123 456 7890 5"
CHEVALIER, PLANTED = "Traiteur Chevalier", "F2026-037"  # only ever had a Relance 1


def _build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    return _load_sample_builder().build(folder / "grand_livre_clients.xlsx")


def _run(ledger: Path, as_of: dt.date):
    settings = relance_xlsx.load_settings(ledger.with_name("relance.toml"))
    return relance_xlsx.run(ledger, settings, as_of=as_of, out_dir=None, pdf=False)


def _type(listing: Path, out: Path, plant: bool) -> str:
    """Line 1 of the list gets the number (and, planted, names Chevalier's F2026-037 and a
    mise en demeure never written); the invoice the line names."""
    book = load_workbook(listing)
    shown, keys = book["Recommandés"], book["relance"]
    heads = [c.value for c in shown[4]]
    shown.cell(5, heads.index("N° de recommandé") + 1).value = NUMBER
    invoice = str(keys.cell(2, 4).value)
    if plant:
        shown.cell(5, 2).value, shown.cell(5, 4).value = CHEVALIER, PLANTED
        keys.cell(2, 2).value, keys.cell(2, 4).value = CHEVALIER, PLANTED
        keys.cell(2, 3).value = f"{AS_OF} Mise en demeure - {CHEVALIER}.docx"
        invoice = PLANTED
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return invoice


def _registered(ledger: Path) -> dict[str, object]:
    ws = load_workbook(ledger)["Factures"]
    heads = [c.value for c in ws[4]]
    if "N° recommandé" not in heads:
        return {}
    at, invoice = heads.index("N° recommandé"), heads.index("N° facture")
    return {r[invoice]: r[at] for r in ws.iter_rows(min_row=5, values_only=True) if r[invoice]}


# (where the list typed is, planted, the number written)
CASES = [
    ("own-list-typed", "own", False, True),
    ("own-list-line-rewritten", "own", True, False),
    ("planted-beside-a-workbook-never-run", "fresh", True, False),
    ("another-workbooks-real-list-beside-a-fresh-one", "fresh", False, False),
]


@pytest.mark.parametrize(("where", "plant", "written"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_posting_list_writes_numbers_only_for_letters_the_journal_records(
    tmp_path, where, plant, written
):
    ledger = _build(tmp_path / "semaine")
    _run(ledger, AS_OF)
    listing = ledger.parent / "relances" / AS_OF.isoformat() / "liste_recommandes.xlsx"
    if where == "fresh":
        ledger = _build(tmp_path / "neuf")
        invoice = _type(listing, ledger.parent / "partage" / listing.name, plant)
    else:
        invoice = _type(listing, listing, plant)
    result = _run(ledger, AS_OF + dt.timedelta(days=2))
    numbers = _registered(ledger)
    assert (numbers.get(invoice) is not None) is written
    if not written:
        assert not any(v for v in numbers.values())
        assert any("ne garde aucune trace du courrier" in w for w in result.warnings)
