"""A client ledger from the accounts (« grand livre clients », « relevé de compte 411 »: Date,
Jnl, N° pièce, Libellé, Échéance, Débit, Crédit, Solde, Let.; one block per client) is refused
in one sentence saying what it is and what to export (review-pubwb8 H3); `check
--suggest-config` never writes its journal code as the client nor its running « Solde » as
the amount."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from relance_xlsx import Settings
from relance_xlsx.cli import app
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.unfit import suggest_columns

D = dt.date
AS_OF = D(2026, 12, 8)
GL411 = ["Date", "Jnl", "N° pièce", "Libellé", "Échéance", "Débit", "Crédit", "Solde", "Let."]
ENTRIES = {
    ("411MARTIN", "Boulangerie Martin"): [
        (D(2026, 9, 1), "VT", "F-2026-0101", "Facture Boulangerie Martin", D(2026, 10, 1), 1200, None, "A"),
        (D(2026, 10, 3), "BQ", "VIR0310", "Règlement Boulangerie Martin", None, None, 1200, "A"),
        (D(2026, 9, 25), "VT", "F-2026-0107", "Facture Boulangerie Martin", D(2026, 10, 25), 600, None, None),
        (D(2026, 10, 15), "VT", "A-2026-0003", "Avoir Boulangerie Martin", None, None, 150, None),
    ],
    ("411LEROY", "Garage Leroy SARL"): [
        (D(2026, 9, 10), "VT", "F-2026-0103", "Facture Garage Leroy", D(2026, 10, 10), 1500, None, None),
        (D(2026, 10, 20), "BQ", "CHQ1020", "Règlement partiel F-2026-0103", None, None, 1000, None),
        (D(2026, 9, 28), "VT", "F-2026-0108", "Facture Garage Leroy", D(2026, 10, 28), 360, None, None),
    ],
}  # fmt: skip


def _book(path, headers=GL411, title=True):
    """The EBP / Sage export: title rows, a block per client under its account, a total (the
    headers follow GL411's order, the last ones may be left out)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Grand livre clients"
    if title:
        ws.append(["Grand livre des comptes clients"])
        ws.append(["Période du 01/01/2026 au 08/12/2026"])
        ws.append([])
    ws.append(headers)
    for (account, name), rows in ENTRIES.items():
        ws.append([account, name])
        left = 0.0
        for d, j, piece, label, due, debit, credit, let in rows:
            left += (debit or 0) - (credit or 0)
            full = [d, j, piece, label, due, debit, credit, left, let]
            ws.append(full[: len(headers)])
        ws.append([None, None, None, f"Total compte {account}", None, None, None, left])
    wb.save(path)
    return path


LAYOUTS = [
    pytest.param(GL411, True, {}, id="ebp-grand-livre"),
    pytest.param(GL411, False, {}, id="no-title-rows"),
    pytest.param(["Date", "Journal", "N° pièce", "Libellé", "Échéance", "Débit", "Crédit", "Solde progressif", "Lettrage"], True, {}, id="journal-solde-progressif"),
    pytest.param(["Date", "Code journal", "N° pièce", "Libellé", "Échéance", "Débit", "Crédit"], True, {}, id="code-journal-only"),
    # « Dr / Cr », or Debit / Credit / a « Balance » carried row by row, with or without a journal (review-pubre H3)
    pytest.param(["Date", "Jnl", "Document", "Narration", "Due", "Dr", "Cr", "Balance"], True, {}, id="dr-cr-jnl"),
    pytest.param(["Date", "Type", "Document", "Narration", "Due", "Dr", "Cr", "Balance"], True, {}, id="dr-cr-no-journal"),
    pytest.param(["Date", "Type", "Reference", "Description", "Due date", "Debit", "Credit", "Balance"], False, {}, id="debit-credit-balance-no-journal"),
    pytest.param(["Date", "Type", "Reference", "Description", "Due date", "Debit amount", "Credit amount", "Running balance"], True, {}, id="running-balance"),
    # what the old suggestion wrote into relance.toml: still refused
    pytest.param(GL411, True, {"client": "Jnl", "amount": "Solde"}, id="old-suggestion-configured"),
]  # fmt: skip


@pytest.mark.parametrize(("headers", "title", "columns"), LAYOUTS)
def test_a_client_ledger_411_is_refused_in_one_sentence(tmp_path, headers, title, columns):
    path = _book(tmp_path / "gl411.xlsx", headers, title)
    with pytest.raises(LedgerError) as refused:
        read_ledger(path, Settings(columns=columns), as_of=AS_OF)
    said = str(refused.value)
    assert "grand livre (ou relevé de compte) clients 411" in said
    assert "« Grand livre clients »" in said and "échéancier clients" in said


def test_suggest_config_writes_no_journal_code_nor_running_balance(tmp_path):
    path = _book(tmp_path / "gl411.xlsx")
    result = CliRunner().invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code != 0
    assert "grand livre" in result.output
    written = (
        (tmp_path / "relance.toml").read_text(encoding="utf-8")
        if (tmp_path / "relance.toml").exists()
        else ""
    )
    assert 'client = "Jnl"' not in written and 'amount = "Solde"' not in written


def test_the_guess_never_takes_a_journal_code_or_a_running_balance():
    sample = [
        [d, j, p, label, due, de, cr, None, let]
        for rows in ENTRIES.values()
        for d, j, p, label, due, de, cr, let in rows
    ]
    guess, _, _ = suggest_columns(GL411, sample, {})
    assert guess.get("client") != "Jnl" and guess.get("amount") != "Solde", guess


ENGLISH = ["Date", "Type", "Reference", "Description", "Due date", "Debit", "Credit", "Balance"]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(ENGLISH, id="debit-credit-balance"),
        pytest.param(
            ["Date", "Jnl", "Document", "Narration", "Due", "Dr", "Cr", "Balance"], id="dr-cr"
        ),
    ],
)
def test_the_guess_never_takes_a_balance_beside_debit_and_credit(headers):
    sample = [
        [d, j, p, label, due, de, cr, None]
        for rows in ENTRIES.values()
        for d, j, p, label, due, de, cr, _ in rows
    ]
    guess, _, _ = suggest_columns(headers, sample, {})
    assert guess.get("amount") != "Balance", guess


def test_an_open_items_list_with_a_balance_per_invoice_is_read(tmp_path):
    """Debit (the invoice), Credit (paid on it), Balance = Debit − Credit on each row: one
    invoice a row, not a running balance; read, the balance what is left."""
    wb = Workbook()
    ws = wb.active
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Débit", "Crédit", "Balance"])
    ws.append(["F-1", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 200.0, 1000.0])
    ws.append(["F-2", "Alpha SARL", D(2026, 9, 5), D(2026, 10, 5), 600.0, None, 600.0])
    ws.append(["F-3", "Beta SAS", D(2026, 9, 9), D(2026, 10, 9), 300.0, 100.0, 200.0])
    wb.save(tmp_path / "open.xlsx")
    ledger = read_ledger(tmp_path / "open.xlsx", Settings(), as_of=AS_OF)
    assert len(ledger.frame) == 3


OPEN_ITEMS = [
    ("F-1", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), 1200.0, 200.0, 1000.0, "Relance 1"),
    ("F-2", "Alpha SARL", D(2026, 9, 5), D(2026, 10, 5), 600.0, None, 600.0, "Relance 2"),
    ("F-3", "Beta SAS", D(2026, 9, 9), D(2026, 10, 9), 300.0, 100.0, 200.0, None),
]
OPEN_HEAD = ["N° facture", "Client", "Date facture", "Échéance", "Débit", "Crédit"]


@pytest.mark.parametrize(
    ("last", "columns"),
    [
        # « Solde » = that row's Débit − Crédit, never the row above: judged by its cells (review-pubre2 H1)
        pytest.param(["Solde"], {}, id="debit-credit-solde-per-invoice"),
        pytest.param(["Solde", "Observations"], {}, id="solde-then-remarks"),
        # « Lettre » holding the letter sent is no lettering mark
        pytest.param(["Reste dû", "Lettre"], {}, id="reste-du-and-lettre-sent"),
        pytest.param(["Solde", "Lettre"], {}, id="solde-and-lettre-sent"),
        # a [columns] naming what is owed is obeyed, even beside a lettering column
        pytest.param(["Solde", "Lettrage"], {"balance": "Solde"}, id="columns-balance-beside-lettrage"),
        pytest.param(["Solde", "Let."], {"amount": "Débit", "paid": "Crédit"}, id="columns-amount-paid-beside-let"),
    ],
)  # fmt: skip
def test_an_open_items_list_with_a_solde_per_invoice_is_read(tmp_path, last, columns):
    """Read as this morning: each row an invoice, what is left on it chased."""
    wb = Workbook()
    ws = wb.active
    ws.append([*OPEN_HEAD, *last])
    for *cells, balance, letter in OPEN_ITEMS:
        ws.append(
            [*cells, balance, letter if len(last) > 1 else None][: len(OPEN_HEAD) + len(last)]
        )
    wb.save(tmp_path / "open.xlsx")
    ledger = read_ledger(tmp_path / "open.xlsx", Settings(columns=columns), as_of=AS_OF)
    owed = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert owed == {"F-1": 1000.0, "F-2": 600.0, "F-3": 200.0}


@pytest.mark.parametrize(
    ("headers", "columns"),
    [
        # a « Solde » carried row by row, no journal nor lettering: the cells say it is running
        pytest.param(["Date", "Type", "N° pièce", "Libellé", "Échéance", "Débit", "Crédit", "Solde"], {}, id="solde-running-no-journal"),
        pytest.param(["Date", "Type", "N° pièce", "Libellé", "Échéance", "Débit", "Crédit", "Solde"], {"amount": "Solde"}, id="columns-amount-running-solde"),
        # a journal code beside it: the [columns] must name the client elsewhere
        pytest.param(GL411, {"amount": "Débit", "paid": "Crédit"}, id="columns-amount-with-journal"),
    ],
)  # fmt: skip
def test_a_running_solde_is_refused_whatever_its_neighbours(tmp_path, headers, columns):
    path = _book(tmp_path / "gl411.xlsx", headers)
    with pytest.raises(LedgerError, match="grand livre"):
        read_ledger(path, Settings(columns=columns), as_of=AS_OF)
