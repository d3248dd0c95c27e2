"""A run dated before the last run the workbook's journal records: refused when it writes the
workbook (CLI and page alike, in the core), a warning for a dry run or a preview; the same
day again is no earlier date."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from relance_xlsx.cli import app
from relance_xlsx.errors import RelanceError, RunDateError
from relance_xlsx.pipeline import run

D = dt.date
FIRST = D(2026, 12, 14)
SLIP = D(2026, 11, 30)
SAID = (
    "Cette date (30/11/2026) est antérieure au dernier traitement enregistré dans le journal "
    "(14/12/2026) : "
)


@pytest.fixture
def ran(sample):
    """The sample workbook after a run of 14/12/2026 that wrote it."""
    run(sample, as_of=FIRST)
    return sample


def _journal_rows(path):
    wb = load_workbook(path, read_only=True)
    try:
        return sum(1 for _ in wb["Journal des relances"].iter_rows())
    finally:
        wb.close()


def test_a_run_that_writes_an_earlier_date_is_refused_and_writes_nothing(ran, tmp_path):
    before = ran.read_bytes()
    with pytest.raises(RunDateError) as caught:
        run(ran, as_of=SLIP, out_dir=tmp_path / "slip")
    assert isinstance(caught.value, RelanceError)
    assert str(caught.value).startswith(SAID)
    assert "rien n'a été écrit" in str(caught.value)
    assert ran.read_bytes() == before
    assert not (tmp_path / "slip").exists()


@pytest.mark.parametrize(
    "kw",
    [
        pytest.param({"dry_run": True}, id="dry-run"),
        pytest.param({"write_workbook": False}, id="preview"),
    ],
)
def test_a_dry_run_or_a_preview_of_an_earlier_date_says_it(ran, tmp_path, kw):
    result = run(ran, as_of=SLIP, out_dir=tmp_path / "apercu", **kw)
    said = [w for w in result.warnings if w.startswith(SAID)]
    assert said and "le traitement réel sera refusé" in said[0], result.warnings


@pytest.mark.parametrize(
    "day",
    [pytest.param(FIRST, id="the-same-day-again"), pytest.param(D(2026, 12, 21), id="later")],
)
def test_the_same_day_or_a_later_one_is_no_earlier_date(ran, tmp_path, day):
    result = run(ran, as_of=day, out_dir=tmp_path / "again")
    assert not [w for w in result.warnings if "est antérieure au dernier traitement" in w]


def test_a_workbook_without_journal_takes_any_date(sample, tmp_path):
    result = run(sample, as_of=SLIP, dry_run=True, out_dir=tmp_path / "x")
    assert not [w for w in result.warnings if "antérieure" in w]


def test_the_command_line_refuses_it_in_one_french_sentence(ran, tmp_path):
    rows = _journal_rows(ran)
    result = CliRunner().invoke(app, ["run", str(ran), "--as-of", "30/11/2026"])
    assert result.exit_code == 1, result.output
    assert SAID in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert _journal_rows(ran) == rows
