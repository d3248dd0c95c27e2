"""The posting list is found again by the next run wherever --out put it: its hidden sheet
keeps its date, so a folder not named by it is read too (the mailroom's review of issue 33);
the run says so when the folder is one the next run may not look in. And the run's summary
counts the warnings it showed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, _load_sample_builder
from openpyxl import load_workbook
from typer.testing import CliRunner

from relance_xlsx.cli import app


@pytest.mark.parametrize(
    ("out", "warned"),
    [
        pytest.param("relances/2026-11-22", False, id="the-default-place"),
        pytest.param("courrier", False, id="a-folder-beside-the-ledger"),
        pytest.param("relances/envoi", False, id="a-folder-in-relances"),
        pytest.param("ailleurs/courrier", True, id="a-folder-elsewhere"),
    ],
)
def test_the_run_says_where_its_posting_list_is_read_back(tmp_path, out, warned):
    ledger = _sample(tmp_path)
    args = ["run", str(ledger), "--as-of", "2026-11-22", "--out", str(tmp_path / out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "la prochaine exécution les reporte dans le classeur" in said
    assert ("si elle écrit aussi dans un dossier de" in said) is warned
    assert "nommé par la date" not in said


NUMBER = "1A 000 000 0001 7"


def _type(listing: Path, number: str, posted: dt.date) -> None:
    """The office notes the first letter's number and date of posting, and saves."""
    book = load_workbook(listing)
    ws = book["Recommandés"]
    heads = [c.value for c in ws[4]]
    ws.cell(5, heads.index("N° de recommandé") + 1).value = number
    ws.cell(5, heads.index("Date de dépôt") + 1).value = posted
    book.save(listing)


def _run(ledger: Path, day: str, out: str | None):
    args = ["run", str(ledger), "--as-of", day] + (["--out", out] if out else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("courrier", "courrier", id="the-same-folder-beside-the-ledger"),
        pytest.param("relances/envoi", "relances/envoi", id="the-same-folder-in-relances"),
        pytest.param("ailleurs/courrier", "ailleurs/courrier", id="the-same-folder-elsewhere"),
        pytest.param("courrier", None, id="then-the-default-place"),
        pytest.param("ailleurs/semaine-47", "ailleurs/semaine-48", id="a-folder-a-week-elsewhere"),
    ],
)
def test_a_posting_list_in_any_folder_is_read_back_by_a_later_run(tmp_path, first, second):
    ledger = _sample(tmp_path)
    _run(ledger, "2026-11-22", str(tmp_path / first))
    listing = tmp_path / first / "liste_recommandes.xlsx"
    _type(listing, NUMBER, dt.date(2026, 11, 23))
    done = _run(ledger, "2026-12-06", str(tmp_path / second) if second else None)
    said = " ".join(done.output.split())
    assert "liste_recommandes" not in " ".join(
        line for line in done.output.splitlines() if line.startswith("Attention")
    )
    assert "Numéros de recommandé reportés dans le classeur" in said
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
    assert any(a == f"LRAR n° {NUMBER} (déposée le 23/11/2026)" for a in actions), actions
    if second == first:
        # The first week's list is kept under its date, the second week's list is new.
        kept = tmp_path / first / "liste_recommandes du 2026-11-22.xlsx"
        assert kept.is_file()
        assert load_workbook(kept)["Recommandés"]["H5"].value == NUMBER
        fresh = load_workbook(listing)
        assert "06/12/2026" in fresh["Recommandés"]["A1"].value
        # A third run reads both lists and writes nothing twice.
        third = _run(ledger, "2026-12-13", str(tmp_path / first))
        assert "Numéros de recommandé reportés" not in " ".join(third.output.split())
        journal = load_workbook(ledger)["Journal des relances"]
        again = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
        noted = f"LRAR n° {NUMBER} ("  # one line per invoice of the letter, written once
        assert sum(a.startswith(noted) for a in again) == sum(a.startswith(noted) for a in actions)


def _sample(tmp_path):
    """The sample built afresh (the bundled file may have been run on, as the Quick start
    does), with its settings."""
    shutil.copy(ROOT / "sample_workbooks" / "relance.toml", tmp_path / "relance.toml")
    return _load_sample_builder().build(tmp_path / "grand_livre_clients.xlsx")


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
    at = next(i for i, line in enumerate(lines) if "avertissement(s)" in line)
    said = lines[at]
    # The rows' problems, listed under it (above it, « Non relancées » lists its reasons).
    listed = sum(1 for line in lines[at + 1 :] if line.startswith("  - "))
    errors = _count(said, "problème(s)")
    assert _count(said, "avertissement(s)") == shown + listed - errors


def test_a_run_done_again_the_same_day_keeps_the_number_and_date_typed(tmp_path):
    ledger = _sample(tmp_path)
    _run(ledger, "2026-11-22", str(tmp_path / "courrier"))
    listing = tmp_path / "courrier" / "liste_recommandes.xlsx"
    _type(listing, NUMBER, dt.date(2026, 11, 23))
    _run(ledger, "2026-11-22", str(tmp_path / "courrier"))
    ws = load_workbook(listing)["Recommandés"]
    assert ws["H5"].value == NUMBER
    assert ws["I5"].value == dt.datetime(2026, 11, 23) and ws["I5"].number_format == "dd/mm/yyyy"
    assert not list((tmp_path / "courrier").glob("liste_recommandes du *"))


@pytest.mark.parametrize(
    ("number", "posted", "about"),
    [
        pytest.param("1A 000 000 0001 8", dt.date(2026, 11, 23), "clé de contrôle",
                     id="a-number-mistyped"),
        pytest.param(NUMBER, "lundi", "date de dépôt non retenue", id="a-date-that-is-none"),
    ],
)  # fmt: skip
def test_the_run_that_keeps_an_earlier_list_aside_names_it_as_kept(tmp_path, number, posted, about):
    ledger = _sample(tmp_path)
    out = str(tmp_path / "envoi")
    _run(ledger, "2026-11-22", out)
    _type(tmp_path / "envoi" / "liste_recommandes.xlsx", number, posted)
    done = _run(ledger, "2026-12-06", out)
    kept = tmp_path / "envoi" / "liste_recommandes du 2026-11-22.xlsx"
    assert kept.is_file()
    said = [" ".join(w.split()) for w in done.output.split("Attention") if about in w]
    assert said, done.output
    assert all("envoi/liste_recommandes du 2026-11-22.xlsx" in w for w in said), said
    assert not any("envoi/liste_recommandes.xlsx" in w for w in said), said


@pytest.mark.parametrize(
    ("second", "legacy", "read", "renamed"),
    [
        pytest.param("grand_livre_clients.xlsx", False, True, False, id="its-own-workbook"),
        pytest.param("autre_societe.xlsx", False, False, False, id="another-workbook-beside-it"),
        pytest.param(
            "autre_societe.xlsx", True, True, False, id="a-list-written-before-the-record"
        ),
        pytest.param("autre_societe.xlsx", False, False, True, id="its-workbook-renamed"),
    ],
)
def test_a_posting_list_is_read_back_only_for_the_workbook_it_was_written_for(
    tmp_path, second, legacy, read, renamed
):
    ledger = _sample(tmp_path)
    _run(ledger, "2026-11-22", None)
    listing = tmp_path / "relances" / "2026-11-22" / "liste_recommandes.xlsx"
    book = load_workbook(listing)
    keys = book["relance"]
    assert keys.sheet_state == "veryHidden"
    assert [keys["H1"].value, keys["I1"].value] == ["Classeur", "grand_livre_clients.xlsx"]
    if legacy:  # as written before the workbook was recorded
        keys["H1"], keys["I1"] = None, None
    book.save(listing)
    _type(listing, NUMBER, dt.date(2026, 11, 23))
    other = tmp_path / second
    if renamed:  # the workbook the list was written for is no longer there
        ledger.rename(other)
    elif other != ledger:  # a second company's workbook, same clients and invoice numbers
        shutil.copy(ledger, other)
    done = _run(other, "2026-12-06", None)
    said = " ".join(done.output.split())
    assert ("Numéros de recommandé reportés dans le classeur" in said) is read, said
    sheet = load_workbook(other).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert (NUMBER in cells) is read
    ignored = "Listes de recommandés d'un autre classeur, non lues pour autre_societe.xlsx"
    # Said only when the list's own workbook is gone (renamed?): one beside it keeps its lists.
    assert (ignored in said) is renamed, said
    if renamed:
        assert "(classeur « grand_livre_clients.xlsx »)" in said
