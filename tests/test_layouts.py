"""Workbooks laid out as offices keep them: which table is read, and what is said of it."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import AS_OF, complete_settings
from docx import Document
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
from typer.testing import CliRunner

from relance_xlsx import NoInvoiceTable, Settings, load_settings
from relance_xlsx.cli import app
from relance_xlsx.ledger import read_ledger

D = dt.date
runner = CliRunner()
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
INVOICES = [
    ("F-101", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), 1200.0),
    ("F-102", "Beta SAS", D(2026, 9, 5), D(2026, 10, 5), 480.5),
    ("F-103", "Alpha SARL", D(2026, 9, 20), D(2026, 10, 20), 99.9),
]


def _sheet(wb, title, headers, rows, at=(1, 1)):
    ws = wb.create_sheet(title)
    r0, c0 = at
    for j, h in enumerate(headers):
        ws.cell(r0, c0 + j, h)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.cell(r0 + 1 + i, c0 + j, v)
    return ws


def _book(path, *sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for args in sheets:
        _sheet(wb, *args)
    wb.save(path)
    return path


def _read(path, settings=None):
    return read_ledger(path, settings or Settings(), as_of=AS_OF)


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(
            ["InvoiceID", "CustomerName", "InvoiceDate", "DueDate", "AmountDue"], id="camel-case"
        ),
        pytest.param(
            ["invoice_no", "customer_name", "invoice_date", "due_date", "total_amount"],
            id="snake-case",
        ),
        pytest.param(
            ["Invoice #", "Company", "Transaction Date", "Payment Due Date", "Invoice Total"],
            id="transaction-date-company",
        ),
        pytest.param(
            ["Nº de pièce", "Account", "Posting Date", "Date due", "Net à payer"],
            id="posting-date-account",
        ),
    ],
)
def test_headers_offices_use_read_every_invoice(tmp_path, headers):
    path = _book(tmp_path / "l.xlsx", ("Sales", headers, INVOICES))
    ledger = _read(path)
    assert ledger.invoice_count == 3 and not ledger.problems
    assert ledger.frame["invoice"].tolist() == ["F-101", "F-102", "F-103"]
    assert ledger.frame["client"].tolist() == ["Alpha SARL", "Beta SAS", "Alpha SARL"]
    assert ledger.frame["amount"].tolist() == [1200.0, 480.5, 99.9]
    assert ledger.frame["due_date"].dt.date.tolist() == [r[3] for r in INVOICES]


def test_the_invoice_list_wins_over_a_bigger_line_items_sheet(tmp_path):
    lines = [
        (f"F-10{1 + i % 3}", "Alpha SARL", D(2026, 9, 1), f"Article {i}", 2, 10.0, 20.0)
        for i in range(30)
    ]
    path = _book(
        tmp_path / "l.xlsx",
        ("Lignes", ["Invoice #", "Customer", "Date", "Item", "Qty", "Unit Price", "Amount"], lines),
        ("Factures", ["Invoice #", "Customer", "Invoice Date", "Due Date", "Amount"], INVOICES),
    )
    ledger = _read(path)
    assert ledger.sheet == "Factures" and ledger.invoice_count == 3
    assert "Factures" in ledger.choice and "écarté : feuille « Lignes »" in ledger.choice
    assert "quantité" in ledger.choice and "prix unitaire" in ledger.choice


def test_an_excel_table_below_a_parameters_block_is_found(tmp_path):
    """An Excel table starting at C75, under 70 rows of settings: found by its definition."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    for i in range(70):
        ws.cell(1 + i, 1, f"Paramètre {i}")
        ws.cell(1 + i, 2, i)
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
    for j, h in enumerate(headers):
        ws.cell(75, 3 + j, h)
    for i, row in enumerate(INVOICES):
        for j, v in enumerate(row):
            ws.cell(76 + i, 3 + j, v)
    ws.add_table(Table(displayName="T_Factures", ref="C75:G78"))
    wb.save(tmp_path / "t.xlsx")
    ledger = _read(tmp_path / "t.xlsx")
    assert (ledger.sheet, ledger.header_row, ledger.invoice_count) == ("Suivi", 75, 3)
    assert "tableau Excel « T_Factures »" in ledger.choice
    assert ledger.frame["client"].tolist() == ["Alpha SARL", "Beta SAS", "Alpha SARL"]


def test_when_nothing_fits_the_message_shows_the_headers_and_the_fix(tmp_path):
    headers = ["Pièce", "Qui", "Émise", "Montnat", "Commentaire libre"]
    path = _book(
        tmp_path / "l.xlsx", ("Données", headers, [(r[0], r[1], r[2], r[4], "") for r in INVOICES])
    )
    with pytest.raises(NoInvoiceTable) as info:
        _read(path)
    message = str(info.value)
    assert "« Pièce », « Qui », « Émise », « Montnat »" in message
    assert 'amount = "Montnat"' in message and "--suggest-config" in message
    assert info.value.suggestion == {
        "invoice": "Pièce",
        "client": "Qui",
        "invoice_date": "Émise",
        "amount": "Montnat",
    }


def test_suggest_config_writes_the_columns_and_the_next_run_works(tmp_path):
    headers = ["Pièce", "Qui", "Émise", "Montnat"]
    path = _book(
        tmp_path / "l.xlsx", ("Données", headers, [(r[0], r[1], r[2], r[4]) for r in INVOICES])
    )
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code == 0, result.output
    assert "Colonnes devinées écrites" in result.output
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert 'amount = "Montnat"' in written and "[creditor]" in written  # the commented file
    settings = load_settings(tmp_path / "relance.toml")
    assert settings.columns["amount"] == "Montnat"
    again = runner.invoke(app, ["run", str(path), "--dry-run", "--as-of", "2026-11-22", "--json"])
    assert again.exit_code == 0, again.output
    document = json.loads(again.stdout.strip().splitlines()[-1])
    assert [i["invoice"] for i in document["invoices"]] == ["F-101", "F-102", "F-103"]


def test_suggest_config_keeps_the_office_s_comments(tmp_path):
    from relance_xlsx.config import write_columns

    config = tmp_path / "relance.toml"
    config.write_text(
        '# notre réglage\n[policy]\ngrace_days = 3  # trois jours\n\n[columns]\n# invoice = "x"\namount = "Ancien"\n',
        encoding="utf-8",
    )
    write_columns(config, {"amount": "Montnat", "client": "Qui"})
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# notre réglage\n[policy]\ngrace_days = 3  # trois jours\n")
    assert 'amount = "Montnat"' in text and 'client = "Qui"' in text and "Ancien" not in text
    assert '# invoice = "x"' in text


@pytest.mark.parametrize(
    ("remark", "held"),
    [
        pytest.param("Disputing due overcharge", True, id="disputing"),
        pytest.param("En litige depuis le 3/11", True, id="en-litige"),
        pytest.param("Montant contesté par le client", True, id="conteste"),
        pytest.param("Désaccord sur la remise", True, id="desaccord"),
        pytest.param("Réclamation qualité en cours", True, id="reclamation"),
        pytest.param("Litige réglé le 2/11", False, id="litige-regle"),
        pytest.param("pas de litige", False, id="pas-de-litige"),
        pytest.param("Relancé par téléphone", False, id="a-plain-note"),
    ],
)
def test_a_dispute_written_in_the_remarks_puts_the_invoice_on_hold(tmp_path, remark, held):
    import relance_xlsx

    headers = [
        "N° facture",
        "Client",
        "Date facture",
        "Échéance",
        "Montant TTC",
        "Adresse",
        "Remarques",
    ]
    rows = [(*INVOICES[0], ADDRESS, remark), (*INVOICES[1], ADDRESS, "")]
    path = _book(tmp_path / "l.xlsx", ("Factures", headers, rows))
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    first = result.invoices[0]
    assert (first.action == "hold") is held
    assert result.invoices[1].action == "letter"
    if held:
        assert remark in first.reason and "Remarques" in first.reason
        checked = relance_xlsx.check(path, Settings(), as_of=AS_OF)
        assert [(p.row, p.severity) for p in checked.problems] == [(2, "warning")]


@pytest.mark.parametrize(
    ("status", "action"),
    [
        pytest.param("Payée", "none", id="payee"),
        pytest.param("Paid", "none", id="paid"),
        pytest.param("Contestée", "hold", id="contestee"),
        pytest.param("En cours", "letter", id="en-cours"),
    ],
)
def test_a_status_column_is_read_for_its_meaning(tmp_path, status, action):
    import relance_xlsx

    headers = [
        "N° facture",
        "Client",
        "Date facture",
        "Échéance",
        "Montant TTC",
        "Adresse",
        "Statut",
    ]
    path = _book(tmp_path / "l.xlsx", ("Factures", headers, [(*INVOICES[0], ADDRESS, status)]))
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    assert result.invoices[0].action == action


def test_a_cancelled_invoice_is_not_chased_and_check_lists_it(tmp_path):
    import relance_xlsx

    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Statut"]
    rows = [(*INVOICES[0], "Annulée"), (*INVOICES[1], "")]
    path = _book(tmp_path / "l.xlsx", ("Factures", headers, rows))
    checked = relance_xlsx.check(path, Settings(), as_of=AS_OF)
    assert checked.invoices == 1 and [s.row for s in checked.skipped] == [2]


def test_a_customers_sheet_fills_the_invoices_e_mails_and_addresses(tmp_path):
    """Invoices beside a bigger line-items sheet and a customers sheet: the invoice list is
    read, and the customers' e-mails and addresses reach the letters and the drafts."""
    import relance_xlsx

    lines = [
        (f"F-10{1 + i % 3}", "Alpha SARL", D(2026, 9, 1), f"Article {i}", 2, 10.0, 20.0)
        for i in range(30)
    ]
    customers = [
        (
            "ALPHA sarl",
            "compta@alpha.fr",
            "1 rue Haute\n75001 Paris",
            "04 00 00 00 01",
            "Professionnel",
        ),
        (
            "Beta SAS",
            "factures@beta.fr",
            "2 rue Basse\n69001 Lyon",
            "04 00 00 00 02",
            "Professionnel",
        ),
    ]
    path = _book(
        tmp_path / "l.xlsx",
        ("Lignes", ["Invoice #", "Customer", "Date", "Item", "Qty", "Unit Price", "Amount"], lines),
        ("Factures", ["Invoice #", "Customer", "Invoice Date", "Due Date", "Amount"], INVOICES),
        ("Clients", ["Customer Name", "Email", "Address", "Phone", "Type client"], customers),
    )
    ledger = _read(path)
    assert ledger.sheet == "Factures"
    assert ledger.frame["email"].tolist() == [
        "compta@alpha.fr",
        "factures@beta.fr",
        "compta@alpha.fr",
    ]
    assert ledger.frame["address"].tolist()[1] == "2 rue Basse\n69001 Lyon"
    assert (
        "Fiche clients : feuille « Clients »" in ledger.choice and "3 facture(s)" in ledger.choice
    )
    assert "email" not in ledger.positions  # never written back into the invoice table
    settings = complete_settings()
    result = relance_xlsx.run(path, settings, as_of=AS_OF, out_dir=tmp_path / "out", email=True)
    assert sorted(x.client for x in result.letters) == ["Alpha SARL", "Beta SAS"]
    assert not result.no_email and len(result.emails) == 2
    import email

    recipients = {}
    for eml in sorted((tmp_path / "out" / "emails").glob("*.eml")):
        message = email.message_from_bytes(eml.read_bytes())
        recipients[eml.stem] = message["To"]
    assert recipients == {
        "2026-11-22 Relance 1 - Alpha SARL": "Alpha SARL <compta@alpha.fr>",
        "2026-11-22 Relance 1 - Beta SAS": "Beta SAS <factures@beta.fr>",
    }
    letter = next(x for x in result.letters if x.client == "Beta SAS")
    assert "2 rue Basse" in "\n".join(p.text for p in Document(letter.path).paragraphs)


def test_a_customers_sheet_is_joined_by_client_number_when_both_have_one(tmp_path):
    rows = [(*r, code) for r, code in zip(INVOICES, [1001, 1002, 1001], strict=True)]
    path = _book(
        tmp_path / "l.xlsx",
        (
            "Factures",
            ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Code client"],
            rows,
        ),
        # The names differ from the invoices': only the number can join them.
        (
            "Tiers",
            ["Code client", "Raison sociale", "Courriel", "Téléphone"],
            [(1001.0, "ALPHA", "a@alpha.fr", "01"), (1002, "BETA", "b@beta.fr", "02")],
        ),
    )
    ledger = _read(path)
    assert ledger.frame["email"].tolist() == ["a@alpha.fr", "b@beta.fr", "a@alpha.fr"]
    assert "jointe par n° de client" in ledger.choice
    result = runner.invoke(app, ["check", str(path)])
    assert "Fiche clients : feuille « Tiers »" in result.output


@pytest.mark.parametrize(
    ("dates", "read", "column_problem"),
    [
        # A French office: text dates day first, even when they could read both ways.
        pytest.param(["03/04/2026", "25/04/2026", "01/02/2026"], [D(2026, 4, 3), D(2026, 4, 25), D(2026, 2, 1)], False, id="day-first"),
        # 04/25/2026 only reads month first: the column is American; 03/04/2026 is not guessed.
        pytest.param(["03/04/2026", "04/25/2026", "10/10/2026"], [None, None, D(2026, 10, 10)], True, id="month-first-column"),
    ],
)  # fmt: skip
def test_ambiguous_text_dates_are_one_problem_for_their_column(
    tmp_path, dates, read, column_problem
):
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
    rows = [(f"F{i}", "Alpha", d, None, 100.0) for i, d in enumerate(dates)]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", headers, rows)))
    got = [
        None if not ok else d.date()
        for ok, d in zip(ledger.frame["valid"], ledger.frame["invoice_date"], strict=True)
    ]
    assert got == read
    column = [p for p in ledger.problems if p.row is None]
    assert bool(column) is column_problem
    if column_problem:
        [problem] = column
        assert problem.column == "Date facture" and "04/25/2026" in problem.value
        assert "mois/jour" in problem.message
        # One problem for the column, none row by row.
        assert not [p for p in ledger.problems if p.row is not None and p.column == "Date facture"]


def test_a_payments_sheet_gives_each_payment_its_date_and_the_interest_its_periods(tmp_path):
    import relance_xlsx

    invoices = [
        (
            "F-101",
            "Alpha SARL",
            D(2026, 9, 1),
            D(2026, 10, 1),
            3000.0,
            ADDRESS,
            "Relance 2",
            D(2026, 10, 25),
        )
    ]
    payments = [
        ("F-101", D(2026, 10, 11), 1000.0),
        ("F-101", D(2026, 10, 21), 1000.0),
        ("F-999", D(2026, 10, 2), 50.0),
    ]
    path = _book(
        tmp_path / "l.xlsx",
        (
            "Factures",
            [
                "N° facture",
                "Client",
                "Date facture",
                "Échéance",
                "Montant TTC",
                "Adresse",
                "Niveau de relance",
                "Date de relance",
            ],
            invoices,
        ),
        ("Règlements", ["N° facture", "Date", "Montant"], payments),
    )
    ledger = _read(path)
    assert ledger.sheet == "Factures"
    assert (
        "Règlements : feuille « Règlements »" in ledger.choice and "2 règlement(s)" in ledger.choice
    )
    assert ledger.frame["paid"].tolist() == [2000.0] and ledger.frame["outstanding"].tolist() == [
        1000.0
    ]
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    [invoice] = result.to_json()["invoices"]
    assert [(p["days"], p["base"], p["interest"]) for p in invoice["interest_periods"]] == [
        (10, 3000.0, 9.99),
        (10, 2000.0, 6.66),
        (32, 1000.0, 10.65),
    ]
    assert invoice["outstanding"] == 1000.0 and invoice["interest"] == 27.30


@pytest.mark.parametrize(
    ("with_receipt", "due"),
    [
        # Invoice of 1/10, received 6/10, « 30 jours à réception »: due 5/11.
        pytest.param(True, D(2026, 11, 5), id="from-the-date-of-receipt"),
        # No date of receipt in the ledger: 30 days from the invoice date, 31/10, said once.
        pytest.param(False, D(2026, 10, 31), id="from-the-invoice-date-with-a-warning"),
    ],
)
def test_terms_on_receipt_count_from_the_date_of_receipt(tmp_path, with_receipt, due):
    headers = ["N° facture", "Client", "Date facture", "Montant TTC", "Conditions de paiement"]
    rows = [
        ("R-1", "Alpha", D(2026, 10, 1), 100.0, "30 jours à réception de facture"),
        ("R-2", "Beta", D(2026, 10, 1), 50.0, "30 jours à réception"),
    ]
    if with_receipt:
        headers.append("Date de réception")
        rows = [(*r, D(2026, 10, 6)) for r in rows]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", headers, rows)))
    assert ledger.frame["due_date"].dt.date.tolist() == [due, due]
    said = [p for p in ledger.problems if "à réception" in p.message]
    assert len(said) == (0 if with_receipt else 1) and all(p.severity == "warning" for p in said)


@pytest.mark.parametrize(
    ("method", "warned"),
    [
        # Invoice of 3/01/2026 due 10/03: beyond 60 days (4/03) and beyond 3/01 + 45 days
        # then end of month (28/02), but within end of January + 45 days (17/03).
        pytest.param("add_then_eom", True, id="add-then-end-of-month"),
        pytest.param("eom_then_add", False, id="end-of-month-then-add"),
    ],
)
def test_the_legal_cap_warning_uses_the_end_of_month_method_in_force(tmp_path, method, warned):
    import dataclasses

    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
    path = _book(
        tmp_path / "l.xlsx",
        ("Factures", headers, [("C-1", "Alpha", D(2026, 1, 3), D(2026, 3, 10), 100.0)]),
    )
    settings = dataclasses.replace(
        Settings(), policy=dataclasses.replace(Settings().policy, end_of_month_method=method)
    )
    ledger = _read(path, settings)
    assert any("maximum légal" in p.message for p in ledger.problems) is warned
