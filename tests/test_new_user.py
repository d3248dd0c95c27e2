"""What a new user's public workbooks showed after issue 30 (the review of its merge).

Each workbook is built here in the shape of one she tried, and shows what is tricky about it.
"""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, complete_settings
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from relance_xlsx import LedgerError, NoInvoiceTable, Settings, report, run
from relance_xlsx.cli import app
from relance_xlsx.ledger import read_ledger

runner = CliRunner()

D = dt.datetime


def _book(path, *sheets, title_rows=0):
    """A workbook of (title, rows) sheets, each row a list of cells, below blank title rows."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(title_rows + i + 1, j + 1, value)
    wb.save(path)
    return path


def _read(path, **settings):
    return read_ledger(path, Settings(**settings), as_of=AS_OF)


# -- D2: an ERP aging export: what remains is what is owed -----------------------------------

# An ERP's AR aging: five blank rows above the header, codes before the money, the original
# amount = goods + VAT to the cent (decimals, credits, advances), and the outstanding value
# beside it, lower than the original where part was paid.
AGING_HEADERS = [
    "Entity",
    "GL_Account",
    "Customer_Class",
    "Payment_Terms",
    "Customer_Name",
    "Customer_Number",
    "Document_Ref",
    "Document_Date",
    "pduedate",
    "Original_Amount",
    "Goods_Amount",
    "VAT_Amount",
    "Outstanding value",
    "PA & Doc Ref No.",
    "Overdue days",
    "Type",
]
AGING = [
    ["E8226", "1511000000", "01", "D(30)", "AASHRITA SANDERS", 60604097, "IN ES328218", D(2026, 1, 17), D(2026, 2, 16), 536696.63, 454827.65, 81868.98, 536696.63, "K411377IN ES328218", 9, "AR"],
    ["E8226", "1511000000", "01", "D(0)", "ABUNDANCE ASSOCIATES", 60604355, "UC 20221797", D(2025, 9, 9), D(2025, 9, 9), -1547000, -1547000, 0, -27000, "UC 20221797", 169, "Advance"],
    ["E8226", "1511000000", "01", "D(360)", "ADANI ENTERPRISES", 60604323, "IN ES329132", D(2026, 1, 9), D(2026, 3, 10), 1180000, 1000000, 180000, 3400, "E511300IN ES329132", 50, "AR"],
    ["E8226", "1511000000", "01", "D(360)", "ADANI ENTERPRISES", 60604323, "IN ES329176", D(2026, 1, 9), D(2026, 3, 10), 28320000, 24000000, 4320000, 23520000, "E511300IN ES329176", 40, "AR"],
    ["E8226", "1511000000", "01", "D(60)", "BHARAT FORGE", 60604400, "IN ES329200", D(2026, 2, 1), D(2026, 4, 2), 11800.5, 10000.42, 1800.08, 11800.5, "E511300IN ES329200", 30, "AR"],
]  # fmt: skip
AGING_OWED = [536696.63, -27000.0, 3400.0, 23520000.0, 11800.5]


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param({}, id="no-config"),
        pytest.param({"balance": "Outstanding value"}, id="balance-named-in-config"),
        pytest.param(
            {"balance": "Outstanding value", "invoice": "Document_Ref", "due_date": "pduedate"},
            id="three-named-in-config",
        ),
    ],
)
def test_an_aging_export_chases_the_outstanding_value(tmp_path, columns):
    path = _book(tmp_path / "aging.xlsx", ("AR_SRP_ALL", [AGING_HEADERS, *AGING]), title_rows=5)
    ledger = _read(path, columns=columns)
    named = {f: ledger.headers[j] for f, j in ledger.positions.items()}
    # The balance stays the balance, never moved nor overridden, and the original amount is
    # the invoice's amount: what is owed is what remains.
    assert named["balance"] == "Outstanding value"
    assert named["amount"] == "Original_Amount"
    assert ledger.frame["outstanding"].tolist() == AGING_OWED
    assert named["invoice"] == "Document_Ref" and named["due_date"] == "pduedate"
    assert [d.date() for d in ledger.frame["due_date"]] == [r[8].date() for r in AGING]
    assert "Outstanding value » (hors taxes)" not in ledger.choice


def test_a_named_amount_column_is_never_overridden_by_the_total(tmp_path):
    rows = [[r[6], r[4], r[7], r[10], r[11], r[9]] for r in AGING if r[9] > 0]
    headers = ["Document_Ref", "Customer_Name", "Document_Date", "Net", "VAT", "Gross"]
    path = _book(tmp_path / "l.xlsx", ("Sheet", [headers, *rows]))
    ledger = _read(path, columns={"amount": "Net"})
    assert ledger.headers[ledger.positions["amount"]] == "Net"
    assert ledger.frame["amount"].tolist() == [r[3] for r in rows]


# -- D1: --suggest-config writes only what the content backs ---------------------------------


def _guessed(headers, columns, rows=6):
    """A sheet of `rows` rows whose column j is columns[j](i)."""
    return [headers, *([make(i) for make in columns] for i in range(rows))]


_INVOICE = lambda i: f"P{100 + i}"  # noqa: E731
_NAME = lambda i: ("Alpha SARL", "Beta SAS")[i % 2]  # noqa: E731
_DAY = lambda i: D(2026, 9, 1 + i)  # noqa: E731
_MONEY = lambda i: 120.5 + 37 * i  # noqa: E731
_SENDER = lambda i: f"Jessica Hopkins <invoicereminders{i % 3}@post.xero.com>"  # noqa: E731
_LINK = lambda i: f"https://mail.google.com/mail/u/0/#inbox/199eb60606{i}bec61"  # noqa: E731
_SNIPPET = lambda i: f"Payment Reminder My OT £120.00 GBP Overdue - Invoice #: INV-40{i}"  # noqa: E731


@pytest.mark.parametrize(
    ("headers", "columns", "said"),
    [
        pytest.param(["From", "Subject", "Date", "Snippet", "Amount", "Link", "Paid By Me"],
                     [_SENDER, _SNIPPET, _DAY, _SNIPPET, lambda i: ("£120.00", "39", " 01752", " 900065204028", "134511", "3")[i], _LINK, lambda i: None],
                     "ne contient que des factures d'achats, reçues de vos fournisseurs", id="mail-export-of-bills-received"),
        pytest.param(["From", "Date", "Amount", "Link"], [_SENDER, _DAY, _MONEY, _LINK],
                     "« From » contient les expéditeurs des e-mails", id="senders-under-from"),
        pytest.param(["Qui", "Pièce", "Émise", "Montnat", "Paid By Me"], [_NAME, _INVOICE, _DAY, _MONEY, lambda i: "x"],
                     "« Paid By Me » : ce sont des factures que vous avez reçues", id="paid-by-me"),
        pytest.param(["NO", "COMPANY NAME", "EMAIL", "PHONE NO", "END DATE", "QUANTITY", "S/N"],
                     [lambda i: i + 1, _NAME, lambda i: "a@b.fr", lambda i: f"019-21610{i}", _DAY, lambda i: 1 + i % 2, lambda i: f"FG200FT92290{i}"],
                     "« NO » n'est pas retenue pour le n° de facture : elle compte les lignes", id="licence-list-row-counter"),
        pytest.param(["Pièce", "Qui", "Émise", "Qté"], [_INVOICE, _NAME, _DAY, lambda i: 1 + i % 3],
                     "« Qté » n'est pas retenue pour le montant : son en-tête nomme une quantité", id="quantity-not-amount"),
        pytest.param(["Pièce", "Qui", "Date d'expiration", "Montnat"], [_INVOICE, _NAME, _DAY, _MONEY],
                     "Introuvable : la date de facture", id="expiry-date-not-invoice-date"),
        pytest.param(["Pièce", "Qui", "Émise", "Montnat"], [_LINK, _NAME, _DAY, _MONEY],
                     "« Pièce » n'est pas retenue pour le n° de facture : elle contient des liens", id="links-not-invoice-numbers"),
        pytest.param(["Pièce", "Qui", "Émise", "Montnat"], [_INVOICE, lambda i: f"compta{i}@alpha.fr", _DAY, _MONEY],
                     "Introuvable : le client", id="emails-not-clients"),
        pytest.param(["Pièce", "Qui", "Émise", "Montnat"], [_INVOICE, _NAME, _DAY, lambda i: ("120,00", " 01752", "900065204028", "80", "39", "55")[i]],
                     "des numéros de téléphone ou de compte s'y mêlent", id="phones-among-amounts"),
    ],
)  # fmt: skip
def test_suggest_config_writes_nothing_it_cannot_back(tmp_path, headers, columns, said):
    path = _book(tmp_path / "l.xlsx", ("Sheet1", _guessed(headers, columns)))
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code == 1, result.output
    message = " ".join(result.output.split())
    assert said in message
    assert "relance.toml n'a pas été modifié" in message and "Traceback" not in message
    assert not (tmp_path / "relance.toml").exists()


def test_suggest_config_still_writes_a_mapping_the_content_backs(tmp_path):
    headers = ["Pièce", "Qui", "Émise", "Montnat"]
    path = _book(
        tmp_path / "l.xlsx", ("Sheet1", _guessed(headers, [_INVOICE, _NAME, _DAY, _MONEY]))
    )
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert 'invoice = "Pièce"' in written and 'amount = "Montnat"' in written


# -- D11: a workbook of many form sheets, in one short sentence --------------------------------


@pytest.mark.parametrize(
    "count", [pytest.param(9, id="nine-sheets"), pytest.param(129, id="129-sheets")]
)
def test_many_sheets_without_a_table_are_counted_not_listed(tmp_path, count):
    forms = [
        (
            f"Facture comptabilisée N° {556300 + k}",
            [["FACTURE"], [None], ["11000_1", "Gasoil", "Litre"], [1, 2, 3]],
        )
        for k in range(count)
    ]
    with pytest.raises(NoInvoiceTable) as info:
        _read(_book(tmp_path / "forms.xlsx", *forms))
    message = str(info.value)
    assert (
        f"{count} feuilles, aucune ne ressemble à un tableau de factures (ex. : Facture comptabilisée N° 556300, Facture comptabilisée N° 556301, Facture comptabilisée N° 556302…)"
        in message
    )
    assert len(message) < 900 and "556308" not in message


# -- D3: French (and English) plural headers ---------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param(["Date de Saisie", "Code Clients", "Clients", "Date de Facture", "N° Factures", "N° jours d'échéance", "Date de d'écheance", "Montant HT", "Montant TVA", "Montant TTC"],
                     {"client_number": "Code Clients", "client": "Clients", "invoice": "N° Factures", "invoice_date": "Date de Facture", "amount": "Montant TTC", "amount_ht": "Montant HT"},
                     id="historique-des-factures"),
        pytest.param(["N° Factures", "Clients", "Dates de facture", "Dates d'échéance", "Montants TTC"],
                     {"invoice": "N° Factures", "client": "Clients", "invoice_date": "Dates de facture", "due_date": "Dates d'échéance", "amount": "Montants TTC"},
                     id="every-header-plural"),
        pytest.param(["Invoices", "Customers", "Invoice Dates", "Due Dates", "Amounts"],
                     {"invoice": "Invoices", "client": "Customers", "invoice_date": "Invoice Dates", "due_date": "Due Dates", "amount": "Amounts"},
                     id="english-plurals"),
        pytest.param(["Réf. factures", "Débiteurs", "Échéances", "Totaux TTC", "Montants réglés", "Pays"],
                     {"invoice": "Réf. factures", "client": "Débiteurs", "due_date": "Échéances", "amount": "Totaux TTC", "paid": "Montants réglés", "country": "Pays"},
                     id="totaux-and-pays"),
    ],
)  # fmt: skip
def test_plural_headers_name_their_fields(tmp_path, headers, expected):
    values = {
        "invoice": lambda i: f"F-{101 + i}", "client": lambda i: ("Alpha SARL", "Beta SAS")[i % 2],
        "client_number": lambda i: f"C{i % 2}", "invoice_date": lambda i: D(2026, 9, 1 + i),
        "due_date": lambda i: D(2026, 10, 1 + i), "amount": lambda i: 120.0 + i, "amount_ht": lambda i: 100.0 + i,
        "paid": lambda i: 0.0, "country": lambda i: "France",
    }  # fmt: skip
    by_header = {h: f for f, h in expected.items()}
    rows = [
        [values[by_header[h]](i) if h in by_header else None for h in headers] for i in range(3)
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Historique des Factures", [headers, *rows])))
    named = {f: ledger.headers[j] for f, j in ledger.positions.items()}
    assert {f: named.get(f) for f in expected} == expected
    assert ledger.invoice_count == 3


# -- D4: under the threshold is not paid; a TTC below its HT is said -------------------------

# « Historique des Factures »: HT, TVA and TTC typed by hand, the TTC of the small ones below
# their HT (the columns mixed up), nothing paid.
HISTORY_HEADERS = [
    "Date de Saisie",
    "Code Clients",
    "Clients",
    "Date de Facture",
    "N° Factures",
    "Montant HT",
    "Montant TVA",
    "Montant TTC",
    "Montant réglé",
]


def _history(rows):
    return [
        ["2026-09-01", "C1", client, D(2026, 9, 1), number, ht, ttc - ht, ttc, paid]
        for client, number, ht, ttc, paid in rows
    ]


@pytest.mark.parametrize(
    ("rows", "status", "warned"),
    [
        pytest.param([("Alpha SARL", "F8", 0.55, 0.46, 0), ("Alpha SARL", "F9", 0.55, 0.46, 0), ("Beta SAS", "F10", 0.55, 0.46, 0)],
                     "Non réglée (0,46\xa0€), sous le seuil de relance (1,00\xa0€) : non relancée", "(ligne(s) 2, 3, 4)", id="unpaid-cents-ttc-below-ht"),
        pytest.param([("Alpha SARL", "F8", 100.0, 120.0, 119.4)],
                     "Reste 0,60\xa0€ à régler, sous le seuil de relance (1,00\xa0€) : non relancée", None, id="paid-but-sixty-cents"),
        pytest.param([("Alpha SARL", "F8", 100.0, 120.0, 120.0)], "Réglée", None, id="paid-in-full-is-reglee"),
    ],
)  # fmt: skip
def test_under_the_threshold_is_never_written_reglee(tmp_path, rows, status, warned):
    path = _book(
        tmp_path / "l.xlsx", ("Historique des Factures", [HISTORY_HEADERS, *_history(rows)])
    )
    result = run(path, complete_settings(), as_of=dt.date(2026, 12, 6))
    ws = load_workbook(path)["Historique des Factures"]
    column = [c.value for c in ws[1]].index("Statut relance") + 1
    assert [ws.cell(r, column).value for r in range(2, 2 + len(rows))] == [status] * len(rows)
    said = [w for w in result.warnings if "est inférieur à" in w]
    if warned is None:
        assert said == []
    else:
        assert (
            len(said) == 1
            and "« Montant TTC » est inférieur à « Montant HT » sur 3 ligne(s)" in said[0]
            and warned in said[0]
        )


# -- D10: a warning names the column that exists -------------------------------------------


@pytest.mark.parametrize(
    ("headers", "column", "value"),
    [
        pytest.param(["Document_Ref", "Customer_Name", "Document_Date", "Payment_Terms", "Original_Amount"], "Payment_Terms", "D(360) → 16/03/2026", id="due-from-terms"),
        pytest.param(["Document_Ref", "Customer_Name", "Document_Date", "Remark", "Original_Amount"], None, None, id="due-from-invoice-date-no-warning"),
        pytest.param(["Document_Ref", "Customer_Name", "Document_Date", "pduedate", "Original_Amount"], "pduedate", "16/03/2026", id="due-column"),
    ],
)  # fmt: skip
def test_a_due_date_warning_names_the_column_it_came_from(tmp_path, headers, column, value):
    fourth = {"Payment_Terms": "D(360)", "Remark": "ok", "pduedate": D(2026, 3, 16)}[headers[3]]
    rows = [["IN ES3282", "ADANI ENTERPRISES", D(2025, 3, 21), fourth, 1180000.0]]
    ledger = _read(_book(tmp_path / "l.xlsx", ("AR", [headers, *rows])))
    said = [p for p in ledger.problems if "maximum légal" in p.message]
    if column is None:
        assert said == []
        return
    [problem] = said
    assert (problem.column, problem.value) == (column, value)
    assert all(p.column in headers for p in ledger.problems if p.column)


# -- D5: no letter claims an invoice it cannot name ------------------------------------------


@pytest.mark.parametrize(
    ("headers", "first_number", "column", "reason"),
    [
        pytest.param(["Ref", "Customer_Name", "Document_Date", "pduedate", "Original_Amount"], "IN ES328218", "Ref", "n° de facture manquant", id="number-column-mostly-empty"),
        pytest.param(["Customer_Name", "Document_Date", "pduedate", "Original_Amount"], None, None, "aucune colonne N° de facture trouvée", id="no-number-column"),
    ],
)  # fmt: skip
def test_a_row_without_its_invoice_number_is_a_problem_never_a_letter(
    tmp_path, headers, first_number, column, reason
):
    rows = [[D(2026, 1, 1 + i), D(2026, 2, 1 + i), 536696.63 + i] for i in range(6)]
    names = [["AASHRITA SANDERS", "ADANI ENTERPRISES"][i % 2] for i in range(6)]
    body = [[n, *r] for n, r in zip(names, rows, strict=True)]
    if headers[0] == "Ref":
        body = [[first_number if i == 0 else None, *r] for i, r in enumerate(body)]
    path = _book(tmp_path / "aging.xlsx", ("AR", [headers, *body]))
    result = run(path, complete_settings(), as_of=dt.date(2026, 12, 6), dry_run=True)
    unnumbered = [p for p in result.problems if reason in p.message]
    # A column the table lacks is said once, not row by row.
    assert [(p.row, p.column) for p in unnumbered] == (
        [(r, column) for r in range(2 + (first_number is not None), 8)]
        if column
        else [(None, None)]
    )
    claimed = [n for x in [*result.letters, *result.to_complete] for n in x.invoices]
    assert claimed == ([first_number] if first_number else [])
    # No letter names an invoice "None" (other fields may rightly be None).
    numbers = [n for x in [*result.to_complete, *result.letters] for n in x.invoices]
    assert "None" not in numbers and "" not in numbers


@pytest.mark.parametrize(
    "numbered", [pytest.param(1, id="one-number-of-three"), pytest.param(0, id="no-number-column")]
)
def test_the_report_of_a_ledger_with_unnumbered_rows_shows_no_nan(tmp_path, numbered):
    headers = ["Ref", "Customer_Name", "Document_Date", "pduedate", "Original_Amount"][
        1 - numbered :
    ]
    body = [
        [
            *(["F-1" if i == 0 else None] if numbered else []),
            ["Alpha SARL", "Beta SAS"][i % 2],
            D(2026, 1, 1 + i),
            D(2026, 2, 1 + i),
            1000.0 + i,
        ]
        for i in range(3)
    ]
    path = _book(tmp_path / "l.xlsx", ("AR", [headers, *body]))
    done = report(
        path, complete_settings(), as_of=dt.date(2026, 12, 6), out_dir=tmp_path / "out", pdf=False
    )
    shown = []
    for ws in load_workbook(done.xlsx).worksheets:
        for row in ws.iter_rows(values_only=True):
            shown += [v for v in row if isinstance(v, str)]
    assert not [
        v for v in shown if v.strip().lower() in ("nan", "none", "nat") or "facture n° –" in v
    ]


# -- D6: nothing owed is nothing to do, in a dry run and a real one -----------------------------


@pytest.mark.parametrize(
    ("headers", "rows"),
    [
        pytest.param(["numero", "date_emission", "client_nom", "quantite", "prix_unitaire", "montant", "statut"],
                     [[f"20260121-00{i}", D(2026, 1, 21), "FPC", 1, 50, 50, "brouillon"] for i in range(1, 4)], id="all-drafts"),
        pytest.param(["ID", "dateFacturation", "etatFacture", "montant", "typeFacture", "clientLogin"],
                     [[453.0 + i, "2020-02-23", "payed", "1500000.000", "vente_produit", None] for i in range(5)], id="all-paid-no-client"),
        pytest.param(["N° facture", "Client", "Date", "Montant TTC", "Statut"],
                     [["F-1", "Alpha SARL", D(2026, 9, 1), 120.0, "Annulée"], ["F-2", "Beta SAS", D(2026, 9, 2), 80.0, "Réglée"]], id="cancelled-and-paid"),
    ],
)  # fmt: skip
def test_nothing_owed_is_nothing_to_do_in_both_runs(tmp_path, headers, rows):
    path = _book(tmp_path / "l.xlsx", ("FACTURES", [headers, *rows]))
    for flags in (["--dry-run"], []):
        result = runner.invoke(app, ["run", str(path), "--as-of", "06/12/2026", *flags])
        assert result.exit_code == 0, result.output
        out = " ".join(result.output.split())
        assert "Rien de nouveau" in out and "Lecture douteuse" not in out, out


# -- D7: a net amount and its tax, no total: both are owed ------------------------------------


@pytest.mark.parametrize(
    ("headers", "rows", "owed"),
    [
        pytest.param(["Customer Name", "Item", "Quantity", "Price", "Tax", "Invoice Date", "Invoice Number"],
                     [["John Smith", "Web Design", 1, 500, 50, D(2025, 8, 6), 1], ["Sarah Lee", "Logo Design", 2, 150, 15, D(2025, 8, 6), 2]],
                     [550.0, 165.0], id="price-and-tax"),
        pytest.param(["N° facture", "Client", "Date", "Montant HT", "TVA"],
                     [["F-1", "Alpha SARL", D(2026, 9, 1), 1000.0, 200.0], ["F-2", "Beta SAS", D(2026, 9, 2), 99.0, 5.45]],
                     [1200.0, 104.45], id="montant-ht-and-tva"),
        pytest.param(["N° facture", "Client", "Date", "Prix HT", "TVA", "Total TTC"],
                     [["F-1", "Alpha SARL", D(2026, 9, 1), 1000.0, 200.0, 1200.0], ["F-2", "Beta SAS", D(2026, 9, 2), 99.0, 5.45, 104.45]],
                     [1200.0, 104.45], id="with-a-total-the-total"),
        pytest.param(["N° facture", "Client", "Date", "Montant", "TVA"],
                     [["F-1", "Alpha SARL", D(2026, 9, 1), 1200.0, 200.0], ["F-2", "Beta SAS", D(2026, 9, 2), 104.45, 5.45]],
                     [1200.0, 104.45], id="a-plain-amount-is-not-a-net"),
    ],
)  # fmt: skip
def test_a_net_amount_beside_its_tax_owes_both(tmp_path, headers, rows, owed):
    ledger = _read(_book(tmp_path / "l.xlsx", ("Sheet1", [headers, *rows])))
    assert ledger.frame["amount"].tolist() == owed
    assert ledger.frame["outstanding"].tolist() == owed


# -- D8: an amount in another currency is never printed as euros ------------------------------


def _priced(headers, amounts, extra=None):
    rows = [
        [f"F-{i}", ["Alpha SARL", "Beta SAS"][i % 2], D(2026, 9, 1 + i), a]
        for i, a in enumerate(amounts)
    ]
    if extra is not None:
        rows = [[*r, e] for r, e in zip(rows, extra, strict=True)]
    return [headers, *rows]


@pytest.mark.parametrize(
    ("sheet", "said"),
    [
        pytest.param(_priced(["N° facture", "Client", "Date", "Montant (DH)"], [1200.0, 80.0]), "« Montant (DH) » sont en MAD (dirham marocain)", id="dirhams-in-header"),
        pytest.param(_priced(["Invoice", "Customer", "Date", "Amount (£)"], [120.0, 39.0]), "GBP (livre sterling)", id="pound-sign-in-header"),
        pytest.param(_priced(["Invoice", "Customer", "Date", "Total USD"], [120.0, 39.0]), "USD (dollar des États-Unis)", id="usd-word-in-header"),
        pytest.param(_priced(["Invoice", "Customer", "Date", "Amount"], ["£120.00", "£39.00"]), "GBP (livre sterling)", id="pounds-in-values"),
        pytest.param(_priced(["Invoice", "Customer", "Date", "Original_Amount", "ccy"], [536696.63, 1180000.0], ["INR", "INR"]), "INR (roupie indienne)", id="currency-column"),
    ],
)  # fmt: skip
def test_a_ledger_in_another_currency_is_refused_in_french(tmp_path, sheet, said):
    with pytest.raises(LedgerError) as info:
        _read(_book(tmp_path / "l.xlsx", ("Factures", sheet)))
    message = str(info.value)
    assert said in message and "pas en euros" in message and "Traceback" not in message


@pytest.mark.parametrize(
    ("sheet", "valid", "currency"),
    [
        pytest.param(_priced(["N° facture", "Client", "Date", "Montant", "Devise"], [1200.0, 80.0, 40.0], ["EUR", "USD", None]),
                     [True, False, True], ["EUR", "USD", None], id="one-row-in-dollars"),
        pytest.param(_priced(["N° facture", "Client", "Date", "Montant (€)"], [1200.0, 80.0]), [True, True], ["EUR", "EUR"], id="euro-sign-in-header"),
        pytest.param(_priced(["N° facture", "Client", "Date", "Montant TTC"], ["1 200,00 €", 80.0]), [True, True], ["EUR", None], id="no-currency-is-euros"),
    ],
)  # fmt: skip
def test_a_row_in_another_currency_is_a_problem_the_others_are_read(
    tmp_path, sheet, valid, currency
):
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", sheet)))
    assert ledger.frame["valid"].tolist() == valid
    assert ledger.frame["currency"].tolist() == currency
    foreign = [p for p in ledger.problems if "pas en euros" in p.message]
    assert [p.row for p in foreign] == [i + 2 for i, v in enumerate(valid) if not v]


# -- D9: a purchases-only workbook is told as such, whatever sheet sits beside it ---------------


@pytest.mark.parametrize(
    "beside",
    [
        pytest.param(("Products", [["Product Code", "Product Name", "Category", "Unit Rate (₹)", "Details"],
                                   *[[f"PROD 0{i}", f"Item {i}", ["Office", "Tools"][i % 2], 120.0 * i, "-"] for i in range(1, 6)]]), id="products-sheet"),
        pytest.param(None, id="alone"),
    ],
)  # fmt: skip
def test_a_purchases_only_workbook_is_told_as_such(tmp_path, beside):
    invoices = ("Invoices", [["Invoice #", "Invoice Date", "Vendor Name", "Product Code", "No of Units", "Payment date"],
                             *[[f"INV0{i}", D(2022, 1, 15 + i), f"Vendor 0{i % 3}", f"PROD 0{i}", 1 + i, D(2022, 2, 9 + i)] for i in range(1, 6)]])  # fmt: skip
    path = _book(tmp_path / "kc.xlsx", invoices, *([beside] if beside else []))
    with pytest.raises(LedgerError) as info:
        _read(path)
    message = str(info.value)
    assert "ne contient que des factures d'achats" in message and "« Vendor Name »" in message
    assert "Colonnes devinées" not in message
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    assert result.exit_code == 1 and not (tmp_path / "relance.toml").exists()
