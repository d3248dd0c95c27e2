"""Columns judged by what they hold, who owes whom, tables as Excel sees them (issue 30).

Each workbook is built here and shows what is tricky about it.
"""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook
from openpyxl.worksheet.table import Table

from relance_xlsx import LedgerError, Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"


def _book(path, *sheets, tables=()):
    """A workbook of (title, rows) sheets, each row a list of cells from A1 down."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is not None:
                    ws.cell(i + 1, j + 1, value)
    for sheet, table in tables:
        wb[sheet].add_table(table)
    wb.save(path)
    return path


def _read(path, **settings):
    return read_ledger(path, Settings(**settings), as_of=AS_OF)


INVOICES = [
    ["F-101", "Alpha SARL", D(2026, 9, 1), D(2026, 10, 1), 1200.0],
    ["F-102", "Beta SAS", D(2026, 9, 5), D(2026, 10, 5), 480.5],
    ["F-103", "Alpha SARL", D(2026, 9, 20), D(2026, 10, 20), 99.9],
]


# -- who owes whom ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheets", "chosen"),
    [
        pytest.param(
            [("Purchases", [["Invoice #", "Vendor", "Date", "Due Date", "Amount"], *INVOICES]),
             ("Sales", [["Invoice #", "Client", "Date", "Due Date", "Amount"], *INVOICES])],
            "Sales", id="vendor-sheet-first",
        ),
        pytest.param(
            [("Factures", [["N° facture", "Fournisseur", "Date", "Échéance", "Montant TTC"], *INVOICES]),
             ("Ventes", [["N° facture", "Client", "Date", "Échéance", "Montant TTC"], *INVOICES[:2]])],
            "Ventes", id="fournisseur-beside-a-smaller-sales-table",
        ),
        pytest.param(
            [("Achats", [["N° facture", "Tiers", "Date", "Échéance", "Montant TTC"], *INVOICES]),
             ("Ventes 2026", [["N° facture", "Tiers", "Date", "Échéance", "Montant TTC"], *INVOICES])],
            "Ventes 2026", id="achats-in-the-sheet-name",
        ),
    ],
)  # fmt: skip
def test_a_sales_table_beside_purchases_is_the_one_read(tmp_path, sheets, chosen):
    ledger = _read(_book(tmp_path / "l.xlsx", *sheets))
    assert ledger.sheet == chosen
    assert "factures d'achats" in ledger.choice and "jamais relancé" in ledger.choice


@pytest.mark.parametrize(
    ("title", "headers", "said"),
    [
        pytest.param(
            "Factures",
            ["N° facture", "Supplier", "Date", "Due", "Amount"],
            "colonne « Supplier »",
            id="supplier",
        ),
        pytest.param(
            "Suivi",
            ["Réf", "Prestataire", "Date", "Échéance", "Montant"],
            "colonne « Prestataire »",
            id="prestataire",
        ),
        pytest.param(
            "Achats 2026",
            ["N° pièce", "Tiers", "Date", "Échéance", "Montant"],
            "feuille nommée « Achats 2026 »",
            id="achats-sheet",
        ),
        pytest.param(
            "Tracker",
            ["Invoice No", "Vendor", "PO Reference", "Due Date", "Total (RM)"],
            "colonne « Vendor »",
            id="vendor-and-purchase-orders",
        ),
    ],
)
def test_only_purchases_is_refused_in_one_french_sentence(tmp_path, title, headers, said):
    with pytest.raises(LedgerError) as info:
        _read(_book(tmp_path / "l.xlsx", (title, [headers, *INVOICES])))
    message = str(info.value)
    assert "ne contient que des factures d'achats" in message and said in message
    assert "jamais un fournisseur" in message
    assert "\n" not in message and ". " not in message and message.endswith(".")  # one sentence


def test_a_client_named_in_relance_toml_overrides_the_purchases_sheet_name(tmp_path):
    path = _book(
        tmp_path / "l.xlsx", ("Achats", [["N°", "Tiers", "Date", "Échéance", "Montant"], *INVOICES])
    )
    ledger = _read(path, columns={"client": "Tiers"})
    assert ledger.invoice_count == 3


# -- columns judged by their content --------------------------------------------------------

RUNNING = [  # « Outstanding » is filled on each client's last row with the group's sum
    ["B-1", "Alpha", D(2026, 9, 1), 100.0, None],
    ["B-2", "Alpha", D(2026, 9, 2), 250.0, None],
    ["B-3", "Alpha", D(2026, 9, 3), 50.0, 400.0],
    ["B-4", "Beta", D(2026, 9, 4), 75.5, None],
    ["B-5", "Beta", D(2026, 9, 5), 24.5, 100.0],
    ["B-6", "Gamma", D(2026, 9, 6), 10.0, 10.0],
]
CUMULATIVE = [  # « Cumul » is the running sum of every row above
    [r[0], r[1], r[2], r[3], sum(x[3] for x in RUNNING[: i + 1])] for i, r in enumerate(RUNNING)
]


@pytest.mark.parametrize(
    ("headers", "rows", "note"),
    [
        pytest.param(["Bill No", "Customer", "Bill Date", "Bill Amount", "Outstanding"], RUNNING,
                     "« Outstanding » est un total cumulé", id="outstanding-by-client-group"),
        pytest.param(["N° facture", "Client", "Date facture", "Facturé", "Montant"], RUNNING,
                     "« Montant » est un total cumulé", id="sparse-montant-beside-facture"),
        pytest.param(["N° facture", "Client", "Date facture", "Montant TTC", "Solde"], CUMULATIVE,
                     "« Solde » est un total cumulé", id="cumulative-solde"),
    ],
)  # fmt: skip
def test_a_running_total_is_never_the_invoice_amount(tmp_path, headers, rows, note):
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", [headers, *rows])))
    assert ledger.frame["amount"].tolist() == [r[3] for r in rows]
    assert ledger.frame["paid"].tolist() == [0.0] * len(rows)
    assert note in ledger.choice
    assert ledger.headers[ledger.positions["amount"]] == headers[3]


def test_a_balance_equal_to_each_amount_is_not_a_running_total(tmp_path):
    rows = [[r[0], r[1], r[2], r[3], r[3]] for r in RUNNING]  # nothing paid yet
    ledger = _read(
        _book(
            tmp_path / "l.xlsx",
            ("Factures", [["N°", "Client", "Date", "Montant", "Reste dû"], *rows]),
        )
    )
    assert "balance" in ledger.positions and "total cumulé" not in ledger.choice


NET_VAT_TOTAL = [
    ["F1", "Alpha", D(2026, 9, 1), 1000.0, 200.0, 1200.0],
    ["F2", "Beta", D(2026, 9, 2), 250.0, 50.0, 300.0],
    ["F3", "Alpha", D(2026, 9, 3), 99.0, 5.45, 104.45],
]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(
            ["Invoice", "Customer", "Date", "Amount", "VAT", "Total"], id="amount-vat-total"
        ),
        pytest.param(
            ["N° facture", "Client", "Date", "Montant", "TVA", "Total"], id="montant-tva-total"
        ),
        pytest.param(
            ["N° facture", "Client", "Date", "Subtotal", "Tax", "Grand Total"],
            id="subtotal-tax-grand-total",
        ),
        pytest.param(
            ["Invoice", "Customer", "Date", "Net", "Taxes", "Gross"],
            id="net-taxes-gross-unknown-header",
        ),
        pytest.param(
            ["Invoice No", "Customer", "Date", "Subtotal (EUR)", "Tax (6%)", "Total (EUR)"],
            id="currency-and-rate-in-headers",
        ),
    ],
)
def test_with_net_vat_and_total_the_client_owes_the_total(tmp_path, headers):
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", [headers, *NET_VAT_TOTAL])))
    assert ledger.frame["amount"].tolist() == [1200.0, 300.0, 104.45]
    assert ledger.headers[ledger.positions["amount"]] == headers[5]
    assert "le montant dû est le total TTC" in ledger.evidence["amount"]
    assert (
        f"« {headers[5]} » = « {headers[3]} » + « {headers[4]} » sur 3 ligne(s) sur 3"
        in ledger.evidence["amount"]
    )


@pytest.mark.parametrize(
    ("headers", "rows", "email", "address"),
    [
        pytest.param(["N° facture", "Client", "Date", "Montant", "Adresse"],
                     [[*r[:3], r[4], f"compta{i}@client.fr"] for i, r in enumerate(INVOICES)],
                     "Adresse", None, id="adresse-holding-emails"),
        pytest.param(["N° facture", "Client", "Date", "Montant", "ContactEmail", "Address"],
                     [[*r[:3], r[4], "a@b.fr", ADDRESS] for r in INVOICES],
                     "ContactEmail", "Address", id="contactemail"),
        pytest.param(["N° facture", "Client", "Date", "Montant", "client_mail"],
                     [[*r[:3], r[4], "x@y.com"] for r in INVOICES],
                     "client_mail", None, id="client-mail"),
        pytest.param(["N° facture", "Client", "Date", "Montant", "Joindre"],
                     [[*r[:3], r[4], "x@y.com; z@y.com"] for r in INVOICES],
                     "Joindre", None, id="unknown-header-by-content"),
    ],
)  # fmt: skip
def test_an_email_column_is_the_email_never_the_address(tmp_path, headers, rows, email, address):
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", [headers, *rows])))
    assert ledger.columns["email"] == email
    assert ledger.columns.get("address") == address
    assert all("@" in e for e in ledger.frame["email"])
    assert all(a is None or "@" not in a for a in ledger.frame["address"])


def test_a_row_counter_is_not_an_invoice_number(tmp_path):
    rows = [[i + 1, *r[1:]] for i, r in enumerate(INVOICES)]
    ledger = _read(
        _book(
            tmp_path / "l.xlsx",
            ("Factures", [["N°", "Client", "Date", "Échéance", "Montant"], *rows]),
        )
    )
    assert "invoice" not in ledger.positions
    assert "« N° » compte les lignes" in ledger.choice
    # InvoiceID 1, 2, 3 is how that office numbers its invoices: kept.
    named = _read(
        _book(
            tmp_path / "m.xlsx",
            ("Factures", [["InvoiceID", "Client", "Date", "Échéance", "Montant"], *rows]),
        )
    )
    assert named.frame["invoice"].tolist() == ["1", "2", "3"]


def test_a_reference_column_is_never_the_amount(tmp_path):
    rows = [[r[1], 40_000 + i, D(2026, 9, 1), 1200.0 + i] for i, r in enumerate(INVOICES * 3)]
    headers = ["Client", "V/REF", "Date", "Principal dû"]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Relevé", [headers, *rows])))
    assert ledger.columns["amount"] == "Principal dû"
    assert ledger.columns["invoice"] == "V/REF"


# -- numbers as people type them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param(
            ["1500000.000", "2750.500", "12.130"],
            [1_500_000.0, 2750.5, 12.13],
            id="dot-three-decimals",
        ),
        pytest.param(
            ["1.500.000,00", "2.750,50", "12,13"],
            [1_500_000.0, 2750.5, 12.13],
            id="dots-grouping-comma-decimal",
        ),
        pytest.param(
            ["1 500 000,00 €", "2 750,50 €", "12,13 €"],
            [1_500_000.0, 2750.5, 12.13],
            id="french-with-euro",
        ),
        pytest.param(
            ["1,500,000.00", "2,750.50", "12.13"],
            [1_500_000.0, 2750.5, 12.13],
            id="english-grouping",
        ),
        pytest.param(
            ["(120,00)", "1.500", "12,50"],
            [-120.0, 1500.0, 12.5],
            id="parentheses-and-a-comma-column",
        ),
        pytest.param(
            ["1.500", "2.000", "12.50"], [1.5, 2.0, 12.5], id="ambiguous-read-by-the-column-dot"
        ),
        pytest.param(
            ["1,500", "2,000", "12,50"], [1.5, 2.0, 12.5], id="ambiguous-read-by-the-column-comma"
        ),
    ],
)
def test_amounts_typed_as_text_take_their_column_s_decimal_mark(tmp_path, typed, expected):
    rows = [[r[0], r[1], r[2], r[3], t] for r, t in zip(INVOICES, typed, strict=True)]
    ledger = _read(
        _book(
            tmp_path / "l.xlsx",
            ("Factures", [["N° facture", "Client", "Date", "Échéance", "Montant"], *rows]),
        )
    )
    assert ledger.frame["amount"].tolist() == expected
    assert not [p for p in ledger.problems if p.severity == "error"]


def test_an_ambiguous_amount_is_a_problem_on_its_row_not_a_guess(tmp_path):
    typed = ["1.500", "2.000", 99.9]  # no text amount of the column shows its decimal mark
    rows = [[r[0], r[1], r[2], r[3], t] for r, t in zip(INVOICES, typed, strict=True)]
    ledger = _read(
        _book(
            tmp_path / "l.xlsx",
            ("Factures", [["N° facture", "Client", "Date", "Échéance", "Montant"], *rows]),
        )
    )
    problems = [(p.row, p.value, p.message) for p in ledger.problems]
    assert [(r, v) for r, v, _ in problems] == [(2, "1.500"), (3, "2.000")]
    assert all(
        m.startswith("montant ambigu : 1 500 ou 1,5 ?") or "2 000 ou 2 ?" in m for *_, m in problems
    )
    assert ledger.frame["valid"].tolist() == [False, False, True]


# -- tables as Excel sees them ----------------------------------------------------------------


def test_an_excel_table_s_totals_row_is_never_an_invoice(tmp_path):
    rows = [
        ["N° facture", "Client", "Date", "Échéance", "Montant TTC"],
        *INVOICES,
        [None, None, None, None, "=SUBTOTAL(109,[Montant TTC])"],
    ]
    table = Table(displayName="T_Ventes", ref="A1:E5", totalsRowCount=1)
    ledger = _read(_book(tmp_path / "l.xlsx", ("Ventes", rows), tables=[("Ventes", table)]))
    assert ledger.invoice_count == 3
    assert [s.reason for s in ledger.skipped] == ["ligne des totaux du tableau Excel « T_Ventes »"]
    assert any("ligne des totaux" in d.what for d in ledger.decisions)


@pytest.mark.parametrize(
    "total",
    [
        pytest.param(["TOTAUX", None, None, None, "=SUM(E2:E4)"], id="totaux-with-a-formula"),
        pytest.param([None, "Sous-total", None, None, 1780.4], id="sous-total-label"),
        pytest.param([None, None, None, None, 1780.4], id="unlabelled-sum-of-the-rows-above"),
        pytest.param(["TOTAL", None, None, None, None], id="total-without-amount"),
        pytest.param(
            [3, "TOTAL", None, None, "=SUM(E2:E4)"],
            id="label-in-the-client-column-a-count-as-number",
        ),
    ],
)
def test_a_totals_row_is_not_an_invoice(tmp_path, total):
    rows = [["N° facture", "Client", "Date", "Échéance", "Montant TTC"], *INVOICES, total]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", rows)))
    assert ledger.invoice_count == 3
    assert [(s.row, s.reason) for s in ledger.skipped] == [(5, "ligne de total")]


def test_a_blank_row_and_a_new_header_end_the_table(tmp_path):
    rows = [
        ["N° facture", "Client", "Date", "Échéance", "Montant TTC"], *INVOICES,
        [None] * 5,
        ["Factures 2025"],
        ["N° facture", "Client", "Date", "Échéance", "Montant TTC"],
        ["F-001", "Zeta", D(2025, 1, 1), D(2025, 2, 1), 10.0],
        ["F-002", "Zeta", D(2025, 1, 2), D(2025, 2, 2), 20.0],
    ]  # fmt: skip
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", rows)))
    assert ledger.frame["invoice"].tolist() == ["F-101", "F-102", "F-103"]
    assert not ledger.problems
    [said] = [w for w in ledger.warnings if "autre tableau" in w]
    assert "ligne 7" in said and "« N° facture »" in said


def test_a_blank_row_inside_the_table_does_not_end_it(tmp_path):
    rows = [
        ["N° facture", "Client", "Date", "Échéance", "Montant TTC"],
        INVOICES[0],
        [None] * 5,
        *INVOICES[1:],
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", rows)))
    assert ledger.invoice_count == 3


@pytest.mark.parametrize(
    ("clients", "cell"),
    [
        pytest.param([["ID", "Name", "ContactEmail", "Address", "Lookup"],
                      [1, "Tailspin Toys", "ap@tailspin.com", ADDRESS, "1 - Tailspin Toys"],
                      [2, "Wingtip Toys", "pay@wingtip.com", ADDRESS, "2 - Wingtip Toys"]],
                     "{n} - {name}", id="lookup-column"),
        pytest.param([["ID", "Name", "ContactEmail", "Address"],
                      [1, "Tailspin Toys", "ap@tailspin.com", ADDRESS],
                      [2, "Wingtip Toys", "pay@wingtip.com", ADDRESS]],
                     "{n} - {name}", id="number-dash-name-without-lookup-column"),
        pytest.param([["Customer", "E-mail", "Address"],
                      ["Tailspin Toys", "ap@tailspin.com", ADDRESS],
                      ["Wingtip Toys", "pay@wingtip.com", ADDRESS]],
                     "{name}", id="plain-name"),
        pytest.param([["CustomerID", "CustomerName", "Email", "Address"],
                      ["CUST01", "Tailspin Toys", "ap@tailspin.com", ADDRESS],
                      ["CUST02", "Wingtip Toys", "pay@wingtip.com", ADDRESS]],
                     "CUST0{n}", id="client-code-standing-for-the-name"),
    ],
)  # fmt: skip
def test_a_clients_sheet_is_joined_by_the_column_its_invoices_use(tmp_path, clients, cell):
    names = {1: "Tailspin Toys", 2: "Wingtip Toys"}
    invoices = [["Invoice", "Customer", "Date", "Due", "Amount"]] + [
        [f"INV-{i}", cell.format(n=n, name=names[n]), D(2026, 9, i), D(2026, 10, i), 100.0 * i]
        for i, n in ((1, 1), (2, 2), (3, 1))
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Invoices", invoices), ("Customers", clients)))
    assert ledger.frame["client"].tolist() == ["Tailspin Toys", "Wingtip Toys", "Tailspin Toys"]
    assert ledger.frame["email"].tolist() == [
        "ap@tailspin.com",
        "pay@wingtip.com",
        "ap@tailspin.com",
    ]
    assert ledger.frame["address"].tolist() == [ADDRESS] * 3
    assert "Fiche clients : feuille « Customers »" in ledger.choice


def test_a_column_of_postcodes_under_an_address_header_is_the_postcode(tmp_path):
    headers = ["N° facture", "Client", "Date", "Montant", "Rue", "Adresse", "Ville"]
    rows = [
        [*r[:3], r[4], "3 rue des Lilas", f"6910{i}", "Villeurbanne"]
        for i, r in enumerate(INVOICES)
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", [headers, *rows])))
    assert ledger.columns["postcode"] == "Adresse" and "address" not in ledger.columns
    assert ledger.frame["address"].tolist() == [
        f"3 rue des Lilas\n6910{i} Villeurbanne" for i in range(3)
    ]


def test_a_payments_sheet_s_amounts_take_their_column_s_decimal_mark(tmp_path):
    invoices = [["N° facture", "Client", "Date", "Échéance", "Montant TTC"], *INVOICES]
    payments = [
        ["N° facture", "Date règlement", "Montant"],
        ["F-101", D(2026, 10, 2), "1.200"],
        ["F-102", D(2026, 10, 3), "80,50"],
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", invoices), ("Règlements", payments)))
    assert ledger.frame["paid"].tolist() == [1200.0, 80.5, 0.0]


@pytest.mark.parametrize("header", ["has_paid", "Payment received?", "Réglée (O/N)", "Encaissé ?"])
def test_a_yes_no_column_about_payment_says_which_are_paid(tmp_path, header):
    rows = [[*r, flag] for r, flag in zip(INVOICES, ["yes", "no", "oui"], strict=True)]
    ledger = _read(
        _book(
            tmp_path / "l.xlsx",
            ("Factures", [["N° facture", "Client", "Date", "Échéance", "Montant", header], *rows]),
        )
    )
    assert ledger.frame["is_paid"].tolist() == [True, False, True]


def test_a_client_named_total_is_still_a_client(tmp_path):
    rows = [
        ["N° facture", "Client", "Date", "Échéance", "Montant TTC"],
        *INVOICES,
        ["F-104", "Total Energies", D(2026, 9, 1), D(2026, 10, 1), 50.0],
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", rows)))
    assert ledger.invoice_count == 4 and not ledger.skipped


def test_one_vat_column_per_rate_adds_up_to_the_total(tmp_path):
    headers = [
        "N° facture",
        "Client",
        "Date",
        "Montant TTC",
        "Montant HT",
        "Montant TVA 20%",
        "Montant TVA 10%",
    ]
    rows = [
        ["F1", "A", D(2026, 9, 1), 768.0, 640.0, 128.0, 0.0],
        ["F2", "B", D(2026, 9, 2), 132.0, 120.0, 0.0, 12.0],
        ["F3", "C", D(2026, 9, 3), 1311.0, 1126.0, 160.0, 25.0],
    ]
    ledger = _read(_book(tmp_path / "l.xlsx", ("Factures", [headers, *rows])))
    assert ledger.frame["amount"].tolist() == [768.0, 132.0, 1311.0]
    assert ledger.evidence["amount"].startswith(
        "« Montant TTC » = « Montant HT » + « Montant TVA 20% » et 1 autre(s) taux sur 3 ligne(s) sur 3"
    )
