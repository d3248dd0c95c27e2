"""« Ne pas envoyer »: a client or an invoice held back until a date, written into the
workbook and its journal with the reason, respected by the next runs (CLI and library)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx import HoldBack
from relance_xlsx.cli import app

D = dt.date
AS_OF = D(2026, 11, 22)
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
ROWS = [
    ["F-1", "Garage Bernard", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, ADDRESS, None, None],
    ["F-2", "Garage Bernard", D(2026, 9, 5), D(2026, 10, 5), 300.0, 0, ADDRESS, None, None],
    ["F-3", "Atelier Alpha", D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, ADDRESS, None, None],
    ["F-4", "Atelier Alpha", D(2026, 9, 2), D(2026, 10, 2), 80.0, 0, ADDRESS, None, None],
    ["F-5", "Café Gamma", D(2026, 9, 1), D(2026, 10, 1), 90.0, 0, ADDRESS, None, None],
]  # fmt: skip


@pytest.fixture
def ledger(tmp_path):
    return write_ledger(tmp_path / "Factures.xlsx", ROWS, HEADERS)


def _sheet(ledger):
    book = load_workbook(ledger)
    ws = book["Factures"]
    header = [c.value for c in ws[1]]
    rows = {
        r[0]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    journal = [r for r in book["Journal des relances"].iter_rows(min_row=2, values_only=True)]
    return rows, journal


def _run(ledger, day, tmp_path, **kw):
    return relance_xlsx.run(
        ledger, complete_settings(), as_of=day, out_dir=tmp_path / day.isoformat(), **kw
    )


@pytest.mark.parametrize(
    ("target", "held", "sent"),
    [
        pytest.param(
            "Garage Bernard", {"F-1", "F-2"}, {"Atelier Alpha", "Café Gamma"}, id="a-client"
        ),
        pytest.param(
            "garage  BERNARD",
            {"F-1", "F-2"},
            {"Atelier Alpha", "Café Gamma"},
            id="a-client-as-typed",
        ),
        pytest.param(
            "F-3", {"F-3"}, {"Garage Bernard", "Atelier Alpha", "Café Gamma"}, id="an-invoice"
        ),
    ],
)
def test_held_back_until_a_date_and_written_down_with_the_reason(
    ledger, tmp_path, target, held, sent
):
    reason = "je l'ai eu au téléphone"
    until = D(2026, 11, 29)
    result = _run(ledger, AS_OF, tmp_path, hold=[HoldBack(target, until, reason)])
    assert {x.client for x in result.letters} == sent
    assert not {i for x in result.letters for i in x.invoices} & held
    rows, journal = _sheet(ledger)
    for number in held:
        assert rows[number]["Ne pas relancer avant"] == dt.datetime(2026, 11, 29)
        assert rows[number]["Statut relance"] == f"Pas de relance avant le 29/11/2026 : {reason}"
        assert rows[number]["Niveau de relance"] in (None, "")  # nothing was sent
    lines = [j for j in journal if j[1] in held]
    assert {j[4] for j in lines} == {f"Ne pas envoyer jusqu'au 29/11/2026 : {reason}"}
    assert len(lines) == len(held)
    # What is left out, and why, is in the decision sheet with its amount.
    (group,) = [n for n in result.summary.not_chased if n.why == "held_back"]
    assert set(group.invoices) == held and reason in group.detail
    assert group.amount == sum(r[4] for r in ROWS if r[0] in held)


def test_the_next_runs_respect_it_until_the_date_then_chase_again(ledger, tmp_path):
    _run(
        ledger,
        AS_OF,
        tmp_path,
        hold=[HoldBack("Garage Bernard", D(2026, 11, 29), "litige réglé au téléphone")],
    )
    # A second run the same day adds nothing (the journal's lines are unique per day).
    again = _run(ledger, AS_OF, tmp_path)
    assert again.journal_lines == 0 and again.done_before > 0
    rows, _ = _sheet(ledger)
    # Three days later, from the CLI: still held, the reason read back from the workbook,
    # the row left as it was.
    before = rows["F-1"]
    later = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", "25/11/2026", "--json", "--out", str(tmp_path / "w2")]
    )
    assert later.exit_code == 0, later.output
    rows, _ = _sheet(ledger)
    assert rows["F-1"] == before
    # On the date itself, the letter goes.
    due = _run(ledger, D(2026, 11, 29), tmp_path)
    assert {x.client for x in due.letters} >= {"Garage Bernard"}


def test_a_date_typed_by_hand_in_the_column_holds_the_invoice(tmp_path):
    headers = [*HEADERS, "Ne pas relancer avant"]
    rows = [[*r, D(2026, 12, 1) if r[0] == "F-5" else None] for r in ROWS]
    ledger = write_ledger(tmp_path / "Factures.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    (f5,) = [i for i in result.invoices if i.invoice == "F-5"]
    assert f5.action == "hold" and f5.reason.startswith("Pas de relance avant le 01/12/2026")
    assert "Café Gamma" not in {x.client for x in result.letters}


def test_the_column_is_added_once_beside_the_status_columns_and_an_excel_table_grows(tmp_path):
    from openpyxl.worksheet.table import Table

    def table(wb):
        wb.active.add_table(Table(displayName="Factures", ref=f"A1:I{len(ROWS) + 1}"))

    ledger = write_ledger(tmp_path / "Factures.xlsx", ROWS, HEADERS, extra=table)
    relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o",
                     hold=[HoldBack("F-5", D(2026, 12, 6), "")])  # fmt: skip
    book = load_workbook(ledger)
    ws = book["Factures"]
    header = [c.value for c in ws[1]]
    assert header.count("Ne pas relancer avant") == 1 and header[-1] == "Ne pas relancer avant"
    assert ws.tables["Factures"].ref == f"A1:K{len(ROWS) + 1}"
    at = header.index("Ne pas relancer avant")
    values = {r[0]: r[at] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert values == {
        "F-1": None,
        "F-2": None,
        "F-3": None,
        "F-4": None,
        "F-5": dt.datetime(2026, 12, 6),
    }
    status = {
        r[0]: r[header.index("Statut relance")] for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert status["F-5"] == "Pas de relance avant le 06/12/2026 (colonne « Ne pas relancer avant »)"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        pytest.param(["--raison", "x"], "--sauf", id="reason-without-target"),
        pytest.param(
            ["--sauf", "F-1", "--jusqu-au", "20/11/2026"], "suivre", id="date-in-the-past"
        ),
        pytest.param(["--sauf", "F-1", "--jusqu-au", "demain"], "JJ/MM/AAAA", id="unreadable-date"),
    ],
)
def test_the_cli_options_are_checked_in_french(ledger, args, said):
    result = CliRunner().invoke(
        app, ["run", str(ledger), "--as-of", "22/11/2026", "--dry-run", *args]
    )
    assert result.exit_code == 2 and said in result.output


def test_an_unknown_name_is_said_and_nothing_else_is_held(ledger, tmp_path):
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(ledger),
            "--as-of",
            "22/11/2026",
            "--dry-run",
            "--json",
            "--sauf",
            "Garage Bernad",
        ],
    )
    assert result.exit_code == 0
    assert "« Garage Bernad » à ne pas envoyer : aucun client ni facture de ce nom" in result.stderr


def test_run_help_documents_the_option():
    result = CliRunner().invoke(app, ["run", "--help"])
    assert (
        "--sauf" in result.output and "--jusqu-au" in result.output and "--raison" in result.output
    )


@pytest.mark.parametrize(
    ("payment", "paid_late"),
    [
        pytest.param(D(2026, 10, 20), ["F-0"], id="paid-late-penalties-only"),
        pytest.param(D(2026, 8, 20), [], id="paid-on-time"),
    ],
)
def test_a_paid_invoice_of_a_held_client_is_not_in_the_hold_back_list(tmp_path, payment, paid_late):
    # The clerk's review: « Retenues » listed an invoice already paid that owed only
    # penalties; it is not « not chased », its penalties are under « Réglées en retard ».
    headers = [*HEADERS[:6], "Date de règlement", "Adresse"]
    rows = [
        ["F-1", "Garage Bernard", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 0, None, ADDRESS],
        ["F-0", "Garage Bernard", D(2026, 8, 1), D(2026, 9, 1), 5000.0, 5000.0, payment, ADDRESS],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "Factures.xlsx", rows, headers)
    hold = [HoldBack("Garage Bernard", D(2026, 11, 29), "au téléphone")]
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True, hold=hold)
    assert not result.letters
    by_why = {n.why: n for n in result.summary.not_chased}
    assert by_why["held_back"].invoices == ["F-1"]
    assert by_why["held_back"].detail == "Pas de relance avant le 29/11/2026 : au téléphone"
    assert [i for p in result.paid_late for i in p.invoices] == paid_late
