"""The run says where the next run will find the posting list: a list written with --out into
a folder not named by its date is not read back (the mailroom's review of issue 33)."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from relance_xlsx.cli import app


@pytest.mark.parametrize(
    ("out", "warned"),
    [
        pytest.param("relances/2026-11-22", False, id="the-default-place"),
        pytest.param("courrier", True, id="out-folder-not-named-by-its-date"),
    ],
)
def test_the_run_says_where_its_posting_list_is_read_back(tmp_path, out, warned):
    for name in ("grand_livre_clients.xlsx", "relance.toml"):
        shutil.copy(ROOT / "sample_workbooks" / name, tmp_path / name)
    ledger = tmp_path / "grand_livre_clients.xlsx"
    args = ["run", str(ledger), "--as-of", "2026-11-22", "--out", str(tmp_path / out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "la prochaine exécution les reporte dans le classeur" in said
    assert ("à condition que la liste soit dans un dossier nommé par la date" in said) is warned
