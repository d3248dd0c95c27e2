"""Fifth attack, §1: a module planted in the folder relance is started from never runs, in
relance itself (`python -m relance_xlsx`) nor in the Python child processes it starts (the
measuring probe, the write-back's second core)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import relance_xlsx

ROOT = Path(relance_xlsx.__file__).parent.parent  # the code under test
SAMPLE = Path(__file__).parent.parent / "sample_workbooks"
# Modules the tool or its children import after starting (none is loaded at startup).
PLANTED = ("json", "pickle", "tomllib", "resource", "zlib", "python_calamine")


def plant(folder: Path, marks: Path) -> None:
    """Modules that leave a mark when imported, then hand over to the real one."""
    for name in PLANTED:
        (folder / f"{name}.py").write_text(
            "import os, sys\n"
            f"open(os.path.join({str(marks)!r}, {name!r} + '-' + str(os.getpid())), 'w')"
            ".write(repr(sys.argv))\n"
            f"del sys.modules[{name!r}]\n"
            f"sys.path[:] = [p for p in sys.path if p not in ('', '.', {str(folder)!r})]\n"
            f"import importlib\nglobals().update(importlib.import_module({name!r}).__dict__)\n",
            encoding="utf-8",
        )


def no_references(src: Path, out: Path) -> None:
    """The ledger with no r="A1" in its sheets: only the probe child can measure it."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'(<c|<row)([^>]*?) r="[A-Z]*\d+"', rb"\1\2", data)
            zout.writestr(info, data)


@pytest.mark.parametrize(
    "program",
    [
        pytest.param([sys.executable, "-m", "relance_xlsx"], id="python-m"),
        pytest.param([sys.executable, "-c", "from relance_xlsx.cli import app; app()"], id="cli"),
    ],
)
def test_a_module_planted_in_the_folder_never_runs_in_the_probe(tmp_path, program):
    share, marks = tmp_path / "share", tmp_path / "marks"
    share.mkdir()
    marks.mkdir()
    no_references(SAMPLE / "grand_livre_clients.xlsx", share / "gl.xlsx")
    (share / "relance.toml").write_bytes((SAMPLE / "relance.toml").read_bytes())
    plant(share, marks)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if program[1] == "-c":  # the console script's way: its own folder first, not the share
        program = [sys.executable, "-P", *program[1:]]
    done = subprocess.run(
        [*program, "check", "gl.xlsx"], cwd=share, env=env, capture_output=True, text=True
    )
    assert "Factures" in done.stdout + done.stderr  # it did read the ledger
    assert sorted(p.name for p in marks.iterdir()) == []


def test_a_module_planted_in_the_folder_never_runs_in_the_write_back_child(tmp_path, monkeypatch):
    """The second core's child (20,000 rows and more; here at any size) started from the share."""
    from relance_xlsx.ooxml import rowsplit
    from relance_xlsx.ooxml.cellxml import NewCell
    from relance_xlsx.ooxml.sheetxml import SheetXml

    share, marks = tmp_path / "share", tmp_path / "marks"
    share.mkdir()
    marks.mkdir()
    plant(share, marks)
    monkeypatch.chdir(share)
    monkeypatch.setattr(rowsplit, "SPLIT_ROWS", 0)
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(1, 41))
    data = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>%s</sheetData></worksheet>" % rows
    )
    cells = {n: (NewCell(2, text=f"Relance {n}"),) for n in range(2, 41)}
    with rowsplit.RowEdit(SheetXml(data), cells, frozenset()) as edit:
        assert edit.child is not None
        edit.edit_head()
        edit.result()
    assert edit.tail is not None  # the child did its part
    assert sorted(p.name for p in marks.iterdir()) == []
