"""`relance check` gives the verdict `relance run` would give: a read that a real run refuses
(« Lecture douteuse … 0 facture(s) utilisable(s) ») fails the check with the run's exit code
and a stable JSON field, and a dry run's headline says that a real run would stop, never
« Rien de nouveau » (the user's review, finding 4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import convert, needs_libreoffice, write_ledger
from hostile_files import ods
from typer.testing import CliRunner

from relance_xlsx.cli import app

D = dt.date
runner = CliRunner()
FULL = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
NO_CLIENT = ["N° facture", "Date facture", "Échéance", "Montant TTC", "Statut"]
NO_DATES = ["N° facture", "Client", "Montant TTC", "Statut"]
ADDRESS = "3 rue Oberkampf\n75011 Paris"


def _full(i: int, date: object = None) -> list:
    return [f"F-{i}", f"Client {i}", date or D(2026, 9, i), D(2026, 10, i), 100.0 * i, ADDRESS]


@pytest.mark.parametrize(
    ("headers", "rows", "stops"),
    [
        # Danes0/Invoices, O2C_Mini_ERP, facturier-backend: no client column.
        pytest.param(NO_CLIENT, [[f"INV-{i}", D(2026, 9, i), D(2026, 10, i), 100.0 * i, "unpaid"] for i in (1, 2, 3)], True, id="no-client-column"),
        # RPA-Accounting: no date at all.
        pytest.param(NO_DATES, [[f"INV-{i}", f"Client {i}", 100.0 * i, "unpaid"] for i in (1, 2, 3)], True, id="no-dates"),
        # Every row with an unreadable value.
        pytest.param(FULL, [_full(i, "pas une date") for i in (1, 2, 3)], True, id="every-date-unreadable"),
        pytest.param(FULL, [_full(i) for i in (1, 2, 3)], False, id="readable"),
        # One row in three unusable: the run goes on (half at least are usable).
        pytest.param(FULL, [_full(1, "pas une date"), _full(2), _full(3)], False, id="most-rows-usable"),
    ],
)  # fmt: skip
def test_check_gives_the_run_s_verdict(tmp_path, headers, rows, stops):
    ledger = str(write_ledger(tmp_path / "l.xlsx", rows, headers))
    check = runner.invoke(app, ["check", ledger])
    checked = runner.invoke(app, ["check", ledger, "--json"])
    dry = runner.invoke(app, ["run", ledger, "--as-of", "2026-12-07", "--dry-run"])
    real = runner.invoke(app, ["run", ledger, "--as-of", "2026-12-07"])
    # The same exit code as the real run: 1 when it refuses the workbook, else 0.
    assert check.exit_code == checked.exit_code == (1 if stops else 0), check.output
    assert real.exit_code == check.exit_code, real.output
    document = json.loads(checked.stdout)
    assert dry.exit_code == 0
    headline = dry.stdout.splitlines()[1]
    if stops:
        assert "relance run s'arrêterait sur ce classeur : Lecture douteuse" in check.output
        assert document["would_stop"].startswith(
            "Lecture douteuse (feuille « Factures », en-têtes ligne 1) : 0 facture(s) utilisable(s)"
        )
        assert "Lecture douteuse" in real.output
        assert headline.startswith("Sans --dry-run, ce run s'arrêterait : Lecture douteuse")
        assert "Rien de nouveau" not in dry.stdout
    else:
        assert document["would_stop"] is None
        assert "s'arrêterait" not in check.output + dry.output


def _ods_ledger(path):
    """An OpenDocument ledger of three invoices, built by code."""

    def cell(value):
        if isinstance(value, float):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    rows = [
        FULL[:5],
        *(
            [f"F-{i}", f"Client {i}", f"0{i}/09/2026", f"0{i}/10/2026", 100.0 * i]
            for i in (1, 2, 3)
        ),
    ]
    return ods(
        path,
        "".join("<table:table-row>" + "".join(map(cell, r)) + "</table:table-row>" for r in rows),
    )


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_ods_ledger, id="ods"),
        pytest.param(lambda p: convert(write_ledger(p.with_suffix(".xlsx"), [_full(i) for i in (1, 2, 3)], FULL), "xls:MS Excel 97", p.parent / "xls"), id="xls", marks=needs_libreoffice),
    ],
)  # fmt: skip
def test_check_says_a_run_would_not_update_an_old_format(tmp_path, make):
    """The user's review, finding 4: `check` on a .xls or .ods was happy (exit 0) while
    `relance run` refuses to write it back; --no-write-back writes the letters only."""
    ledger = str(make(tmp_path / "grand-livre.ods"))
    check = runner.invoke(app, ["check", ledger])
    checked = runner.invoke(app, ["check", ledger, "--json"])
    dry = runner.invoke(app, ["run", ledger, "--as-of", "2026-12-07", "--dry-run"])
    real = runner.invoke(app, ["run", ledger, "--as-of", "2026-12-07"])
    letters_only = runner.invoke(
        app, ["run", ledger, "--as-of", "2026-12-07", "--dry-run", "--no-write-back"]
    )
    suffix = ledger.rsplit(".", 1)[1]
    said = f"est au format .{suffix} : relance-xlsx le lit mais ne met à jour que les fichiers .xlsx et .xlsm"
    assert check.exit_code == checked.exit_code == real.exit_code == 1, check.output
    assert f"relance run s'arrêterait sur ce classeur : grand-livre.{suffix} {said}" in check.output
    assert (
        "--no-write-back (les lettres sont écrites, le classeur n'est pas mis à jour)."
        in check.output
    )
    assert said in json.loads(checked.stdout)["would_stop"]
    assert said in real.output
    assert dry.exit_code == 0 and said in dry.stdout.splitlines()[1]
    assert letters_only.exit_code == 0 and "s'arrêterait" not in letters_only.output


def test_check_names_the_columns_it_does_not_read(tmp_path):
    """The user's review, finding 8: « client_adresse » was read as nothing, and check did not
    say so; the columns no field reads are listed, with what to do."""
    headers = [*FULL[:5], "Projet", "", "Commercial"]
    rows = [[*_full(i)[:5], "photo", None, "Léa"] for i in (1, 2, 3)]
    ledger = str(write_ledger(tmp_path / "l.xlsx", rows, headers))
    check = runner.invoke(app, ["check", ledger], env={"COLUMNS": "200"})
    document = json.loads(runner.invoke(app, ["check", ledger, "--json"]).stdout)
    assert document["unread"] == ["Projet", "Commercial"]
    assert "Colonnes non lues : « Projet », « Commercial ». Si l'une d'elles compte" in check.output
    full = str(write_ledger(tmp_path / "full.xlsx", [_full(i) for i in (1, 2, 3)], FULL))
    assert json.loads(runner.invoke(app, ["check", full, "--json"]).stdout)["unread"] == []
