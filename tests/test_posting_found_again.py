"""The run says where the next run will find the posting list: a list written with --out into
a folder not named by its date is not read back (the mailroom's review of issue 33)."""

from __future__ import annotations

import re
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


def _sample(tmp_path):
    for name in ("grand_livre_clients.xlsx", "relance.toml"):
        shutil.copy(ROOT / "sample_workbooks" / name, tmp_path / name)
    return tmp_path / "grand_livre_clients.xlsx"


def _count(said: str, label: str) -> int:
    return int(re.search(rf"(\d+) {re.escape(label)}", said).group(1))


@pytest.mark.parametrize(
    "lists",
    [
        pytest.param({}, id="no-warning-of-the-run"),
        pytest.param({"2026-11-15": b"not a workbook"}, id="an-unreadable-posting-list"),
        pytest.param({"2026-11-15": b"PK\x03\x04", "2026-11-08": b""}, id="two-of-them"),
    ],
)
def test_the_summary_counts_the_warnings_it_showed(tmp_path, lists):
    ledger = _sample(tmp_path)
    for day, content in lists.items():
        (tmp_path / "relances" / day).mkdir(parents=True)
        (tmp_path / "relances" / day / "liste_recommandes.xlsx").write_bytes(content)
    args = ["run", str(ledger), "--as-of", "2026-11-22", "--dry-run"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    shown = sum(1 for line in lines if line.startswith("Attention : "))
    assert shown >= len(lists)
    said = next(line for line in lines if "avertissement(s)" in line)
    listed = sum(1 for line in lines if line.startswith("  - "))  # the rows' problems
    errors = _count(said, "problème(s)")
    assert _count(said, "avertissement(s)") == shown + listed - errors
