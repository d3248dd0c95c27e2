"""A workbook named through a link: a hard link's other names keep the old version after
the write-back (it saves a new file), and a symbolic link's outputs go beside its target;
both are said before anyone relies on them. Real runs; the files are reopened."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from conftest import ROOT, write_ledger
from statements import Op, credit_agricole

import relance_xlsx

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse"]  # fmt: skip
ROWS = [["F-1", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, None,
         "1 rue A\n69002 Lyon"]]  # fmt: skip


def _real(tmp_path):
    real = tmp_path / "reel"
    real.mkdir()
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", real / "relance.toml")
    return write_ledger(real / "gl.xlsx", ROWS, HEADERS)


def _hard(tmp_path, real):
    (tmp_path / "w").mkdir()
    shutil.copy(real.parent / "relance.toml", tmp_path / "w" / "relance.toml")
    os.link(real, tmp_path / "w" / "gl.xlsx")
    return tmp_path / "w" / "gl.xlsx", "a 2 noms (lien physique)"


def _soft(tmp_path, real):
    (tmp_path / "w").mkdir()
    os.symlink(real, tmp_path / "w" / "gl.xlsx")
    return tmp_path / "w" / "gl.xlsx", f"écrit à côté de lui, dans {real.parent / 'relances'}"


LINKS = {"hard-link": _hard, "symbolic-link": _soft}


@pytest.mark.parametrize("link", LINKS.values(), ids=LINKS.keys())
def test_a_run_on_a_linked_workbook_says_what_its_write_back_does(tmp_path, link):
    real = _real(tmp_path)
    named, said = link(tmp_path, real)
    result = relance_xlsx.run(named, as_of=AS_OF)
    assert result.rows_written == 1
    assert any(said in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("link", LINKS.values(), ids=LINKS.keys())
def test_a_match_applied_to_a_linked_workbook_says_it(tmp_path, link):
    real = _real(tmp_path)
    named, said = link(tmp_path, real)
    paid = credit_agricole(tmp_path / "r.csv", [Op(D(2026, 11, 20), 1200.0, "VIR ALPHA", "F-1")])
    result = relance_xlsx.match(named, [paid], as_of=AS_OF, apply=True)
    assert result.applied == 1 and any(said in w for w in result.warnings), result.warnings


def test_a_plain_workbook_says_nothing_of_links(tmp_path):
    result = relance_xlsx.run(_real(tmp_path), as_of=AS_OF)
    assert not any("lien" in w for w in result.warnings), result.warnings
