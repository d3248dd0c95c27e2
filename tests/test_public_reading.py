"""Public workbooks the tool had never seen: headers and values that must not be misread."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, all_paragraphs, complete_settings
from openpyxl import Workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.columns import match_headers, normalise

D = dt.date
BASE = ["Invoice No", "Customer", "Invoice Date", "Due Date"]
ROWS = [
    ("F-1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1)),
    ("F-2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5)),
    ("F-3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9)),
]


def _book(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoices"
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _read(tmp_path, headers, rows, settings=None):
    path = _book(tmp_path / "l.xlsx", headers, rows)
    return read_ledger(path, settings or Settings(), as_of=AS_OF)


def _with(extra_headers, extra_values, base=BASE, rows=ROWS):
    """The base table with more columns, each row given its values."""
    return [*base, *extra_headers], [(*r, *v) for r, v in zip(rows, extra_values, strict=True)]


# H1 — a header in another currency or in thousands is never read as euros.
@pytest.mark.parametrize(
    ("header", "says"),
    [
        pytest.param("InvoiceAmount (in thousands USD)", "USD", id="in-thousands-usd"),
        pytest.param("Amount (in thousands GBP)", "GBP", id="in-thousands-gbp"),
        pytest.param("InvoiceAmount (in thousands EUR)", "milliers", id="in-thousands-eur"),
        pytest.param("Amount in k€", "milliers", id="k-euro"),
        pytest.param("Montant (en milliers d'euros)", "milliers", id="en-milliers-d-euros"),
        pytest.param("Montant (000 EUR)", "milliers", id="000-eur"),
    ],
)
def test_a_header_in_thousands_or_foreign_is_refused(tmp_path, header, says):
    headers, rows = _with([header], [(55.94,), (12.5,), (8.0,)])
    with pytest.raises(RelanceError) as refused:
        _read(tmp_path, headers, rows)
    assert says in str(refused.value) and header in str(refused.value)
    assert str(refused.value).count(".") <= 2  # one sentence


@pytest.mark.parametrize(
    "header", [pytest.param("Montant (EUR)", id="eur"), pytest.param("Montant TTC", id="plain")]
)
def test_a_header_in_euros_is_read(tmp_path, header):
    headers, rows = _with([header], [(55.94,), (12.5,), (8.0,)])
    assert _read(tmp_path, headers, rows).frame["amount"].tolist() == [55.94, 12.5, 8.0]


# H2 — a settlement date is a payment date: the invoice is paid, never chased.
@pytest.mark.parametrize(
    "header",
    [
        pytest.param("SettledDate", id="settleddate"),
        pytest.param("Settled Date", id="settled-date"),
        pytest.param("Date de solde", id="date-de-solde"),
        pytest.param("Date d'encaissement", id="date-d-encaissement"),
        pytest.param("Cleared date", id="cleared-date"),
        pytest.param("Settlement Date", id="settlement-date"),
    ],
)
def test_a_settlement_date_is_a_payment(tmp_path, header):
    paid_on = [(D(2026, 8, 20),), (D(2026, 9, 1),), (None,)]
    headers, rows = _with(["Amount", header], [(100.0, *p) for p in paid_on])
    frame = _read(tmp_path, headers, rows).frame
    assert frame["is_paid"].tolist() == [True, True, False]


@pytest.mark.parametrize(
    ("country", "values"),
    [
        pytest.param("countryCode", (391, 406, 391), id="country-code-numbers"),
        pytest.param("Pays", (33, 33, 33), id="pays-numbers"),
    ],
)
def test_a_number_is_never_a_country(tmp_path, country, values):
    headers, rows = _with(
        ["Amount", "Address", country],
        [(100.0, "3 rue des Lilas\n69100 Villeurbanne", v) for v in values],
    )
    ledger = _read(tmp_path, headers, rows)
    assert not any(str(v) in str(a) for a in ledger.frame["address"] for v in values)


# H5 — a « Paid » column of amounts is the amount paid, not a yes/no flag.
@pytest.mark.parametrize(
    ("header", "paid", "outstanding"),
    [
        pytest.param(
            "Paid", (1_000_000.0, 0.0, 1_382_500.0), [382_500.0, 1_382_500.0, 0.0], id="paid-en"
        ),
        pytest.param(
            "Payé", (500.0, 1_382_500.0, 0.0), [1_382_000.0, 0.0, 1_382_500.0], id="paye-fr"
        ),
        pytest.param(
            "Réglé",
            (1.0, 2.0, 0.0),
            [1_382_499.0, 1_382_498.0, 1_382_500.0],
            id="regle-small-amounts",
        ),
        pytest.param(
            "Paid?",
            (2.0, 0.0, 1.0),
            [1_382_498.0, 1_382_500.0, 1_382_499.0],
            id="paid-question-small",
        ),
        pytest.param(
            "Is Paid", (250_000.0, 0.0, 3.0), [1_132_500.0, 1_382_500.0, 1_382_497.0], id="is-paid"
        ),
    ],
)
def test_a_paid_column_of_amounts_is_the_amount_paid(tmp_path, header, paid, outstanding):
    headers, rows = _with(["Amount", header], [(1_382_500.0, p) for p in paid])
    ledger = _read(tmp_path, headers, rows)
    assert ledger.frame["outstanding"].tolist() == outstanding
    assert ledger.positions.get("paid") == 5 and "paid_flag" not in ledger.positions


@pytest.mark.parametrize(
    ("values", "paid"),
    [
        pytest.param((1, 0, 1), [True, False, True], id="one-zero"),
        pytest.param(("oui", "non", "oui"), [True, False, True], id="oui-non"),
    ],
)
def test_a_paid_flag_stays_a_flag(tmp_path, values, paid):
    headers, rows = _with(["Amount", "Paid"], [(100.0, v) for v in values])
    assert _read(tmp_path, headers, rows).frame["is_paid"].tolist() == paid


# L14 — a column of 0 and 1 is « paid » (1) only when its header says paid or a payment's
# status; any other header keeps its reading (false positives would leave debts unchased).
@pytest.mark.parametrize(
    ("header", "values", "paid"),
    [
        pytest.param("feeStatus", (1, 0, 1), [True, False, True], id="fee-status"),
        pytest.param("Payé", (1, 0, 1), [True, False, True], id="paye"),
        pytest.param("Réglé", (0, 1, 0), [False, True, False], id="regle"),
        pytest.param("Statut paiement", (1, 0, 1), [True, False, True], id="statut-paiement"),
        pytest.param(
            "Payment status", ("1", "0", None), [True, False, False], id="payment-status-text"
        ),
        # Not a payment's words, or amounts: never settled by a 1.
        pytest.param("Statut", (1, 0, 1), [False, False, False], id="bare-statut"),
        pytest.param("Status", (1, 1, 1), [False, False, False], id="bare-status"),
        pytest.param("Montant payé", (1, 0, 1), [False, False, False], id="montant-paye"),
        pytest.param("Payé", (0, 0, 0), [False, False, False], id="only-zeros"),
        pytest.param("Payé", (1, 0, 2), [False, False, False], id="small-amounts"),
        pytest.param("Fee", (1, 0, 1), [False, False, False], id="fee"),
    ],
)
def test_a_column_of_ones_and_zeros_is_paid_only_under_a_payment_header(
    tmp_path, header, values, paid
):
    headers, rows = _with(["Amount", header], [(100.0, v) for v in values])
    ledger = _read(tmp_path, headers, rows)
    assert ledger.frame["is_paid"].tolist() == paid
    assert ("paid_flag" in ledger.positions) == any(paid)


@pytest.mark.parametrize(
    ("header", "field", "column"),
    [
        pytest.param(["Razon Social"], "client", 0, id="razon-social"),
        pytest.param(["Razón social"], "client", 0, id="razon-social-accent"),
        pytest.param(["Raison sociale"], "client", 0, id="raison-sociale"),
        pytest.param(["Ragione sociale"], "client", 0, id="ragione-sociale"),
        pytest.param(["service"], "object", 0, id="service"),
        pytest.param(["Désignation"], "object", 0, id="designation"),
        pytest.param(["Prestation"], "object", 0, id="prestation"),
        # A better subject wins over « service »; a service's date is no subject.
        pytest.param(["Service", "Description"], "object", 1, id="description-first"),
        pytest.param(["Service date"], "performance_date", 0, id="service-date"),
    ],
)
def test_client_and_subject_headers_of_other_languages(header, field, column):
    assert match_headers(header).get(field) == column


def test_the_service_column_is_the_letter_s_subject(tmp_path):
    from docx import Document

    headers = ["N° facture", "Razon Social", "Date facture", "Échéance", "Montant", "service",
               "Adresse"]  # fmt: skip
    rows = [("F-1", "Estudio Sol", D(2026, 8, 1), D(2026, 9, 1), 300.0, "photoshoot",
             "1 rue A\n75001 Paris")]  # fmt: skip
    path = _book(tmp_path / "l.xlsx", headers, rows)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    (letter,) = result.letters
    assert letter.client == "Estudio Sol"
    texts = [p.text for p in all_paragraphs(Document(letter.path))]
    assert "photoshoot" in texts  # the table's « Objet » cell, not « – »


def test_a_paid_flag_named_in_the_config_never_settles_on_an_amount(tmp_path):
    settings = Settings(columns={"paid_flag": "Paid"})
    headers, rows = _with(["Amount", "Paid"], [(1_382_500.0, p) for p in (1_000_000.0, 0.0, 1.0)])
    frame = _read(tmp_path, headers, rows, settings).frame
    assert frame["is_paid"].tolist() == [False, False, True]


# H4, M6 — headers in any script stay distinct, can be named in [columns], and a currency
# column is found by its content whatever its header.
SCRIPTS = {
    "cyrillic": ("№ счёта", "Контрагенты", "Дата счёта", "Сумма по счету", "Валюта"),
    "greek": ("Αρ. τιμολογίου", "Πελάτης", "Ημερομηνία", "Ποσό", "Νόμισμα"),
    "arabic": ("رقم الفاتورة", "العميل", "التاريخ", "المبلغ", "العملة"),
    "cjk": ("发票号", "客户", "开票日期", "金额", "币种"),
}


@pytest.mark.parametrize("script", [pytest.param(s, id=s) for s in SCRIPTS])
def test_headers_in_any_script_stay_distinct(script):
    folded = [normalise(h) for h in SCRIPTS[script]]
    assert all(folded) and len(set(folded)) == len(folded)


def _scripted(script, currency):
    invoice, client, date, amount, money = SCRIPTS[script]
    rows = [
        ("F-1", "Alpha", D(2026, 8, 1), 100.0, currency),
        ("F-2", "Beta", D(2026, 8, 5), 200.0, currency),
    ]
    columns = {"invoice": invoice, "client": client, "invoice_date": date, "amount": amount}
    return [invoice, client, date, amount, money], rows, Settings(columns=columns)


@pytest.mark.parametrize("script", [pytest.param(s, id=s) for s in SCRIPTS])
def test_headers_in_any_script_can_be_named_in_columns(tmp_path, script):
    headers, rows, settings = _scripted(script, "EUR")
    ledger = _read(tmp_path, headers, rows, settings)
    assert ledger.frame["invoice"].tolist() == ["F-1", "F-2"]
    assert ledger.frame["amount"].tolist() == [100.0, 200.0]


@pytest.mark.parametrize(
    ("script", "code"),
    [pytest.param(s, c, id=f"{s}-{c}") for s in SCRIPTS for c in ("KZT", "USD")],
)
def test_a_currency_column_is_found_by_its_codes(tmp_path, script, code):
    headers, rows, settings = _scripted(script, code)
    with pytest.raises(RelanceError, match=code):
        _read(tmp_path, headers, rows, settings)


def test_a_currency_column_under_a_latin_header_renamed_is_found(tmp_path):
    headers, rows = _with(["Amount", "Валюта"], [(100.0, "KZT"), (200.0, "KZT"), (300.0, "KZT")])
    with pytest.raises(RelanceError, match="KZT"):
        _read(tmp_path, headers, rows)


# H3 — an amount column of formulas saved without values stops the reading: no other
# amount column is claimed in its place, nothing is called a running total.
@pytest.mark.parametrize(
    ("headers", "amount"),
    [
        pytest.param(
            [
                "Invoice No",
                "Customer",
                "PO Amount (EUR)",
                "Subtotal (EUR)",
                "Tax (6%)",
                "Total (EUR)",
            ],
            "Total (EUR)",
            id="po-amount-beside",
        ),
        pytest.param(
            ["N° facture", "Client", "Montant HT", "TVA", "Montant TTC"],
            "Montant TTC",
            id="ttc-beside-ht",
        ),
        pytest.param(["Invoice", "Client", "Price", "Qty", "Amount"], "Amount", id="amount-alone"),
    ],
)
def test_an_amount_of_unsaved_formulas_stops_the_reading(tmp_path, headers, amount):
    width = len(headers)
    rows = [
        (f"F-{i}", f"Client {i}", *[100.0 * i + j for j in range(width - 3)], f"=C{i + 1}+D{i + 1}")
        for i in range(1, 16)
    ]
    with pytest.raises(RelanceError) as refused:
        _read(tmp_path, headers, rows)
    message = str(refused.value)
    assert f"« {amount} »" in message and "LibreOffice" in message and "[columns]" in message
    assert "PO Amount" not in message and "cumulé" not in message


def test_unsaved_formulas_elsewhere_leave_the_amount_read(tmp_path):
    headers, rows = _with(["Amount", "Notes"], [(100.0, "=A2"), (200.0, "=A3"), (300.0, "=A4")])
    assert _read(tmp_path, headers, rows).frame["amount"].tolist() == [100.0, 200.0, 300.0]


# M7 — a partly paid status without a paid amount holds its row; statuses not known are
# said by a run, and the obvious foreign ones are known.
_STATUS_BASE = [*BASE, "Amount", "Status"]


@pytest.mark.parametrize(
    "status",
    [
        pytest.param("Partially paid", id="partially-paid"),
        pytest.param("Partial", id="partial"),
        pytest.param("PartialPaid", id="partialpaid"),
        pytest.param("PARTIAL", id="partial-upper"),
        pytest.param("Partiellement payée", id="partiellement-payee"),
    ],
)
def test_a_partly_paid_status_without_paid_amount_holds_its_row(tmp_path, status):
    rows = [(*r, 100.0, s) for r, s in zip(ROWS, (status, "Unpaid", "Unpaid"), strict=True)]
    ledger = _read(tmp_path, _STATUS_BASE, rows)
    assert ledger.frame["valid"].tolist() == [False, True, True]
    (problem,) = [p for p in ledger.problems if p.row == 2]
    assert (problem.column, problem.value) == (
        "Status",
        status,
    ) and "reste dû est inconnu" in problem.message


def test_a_partly_paid_status_with_its_paid_amount_is_chased_for_the_rest(tmp_path):
    headers = [*_STATUS_BASE, "Amount Paid"]
    rows = [(*r, 100.0, "Partially paid", 40.0) for r in ROWS]
    ledger = _read(tmp_path, headers, rows)
    assert ledger.frame["outstanding"].tolist() == [60.0] * 3 and not ledger.problems


@pytest.mark.parametrize(
    ("status", "outstanding", "chased"),
    [
        pytest.param("refunded", 0.0, False, id="refunded"),
        pytest.param("Remboursée", 0.0, False, id="remboursee"),
        pytest.param("Bezahlt", 0.0, False, id="bezahlt"),
        pytest.param("Storniert", None, False, id="storniert"),
    ],
)
def test_foreign_and_refund_statuses_are_known(tmp_path, status, outstanding, chased):
    rows = [(*r, 100.0, status) for r in ROWS]
    ledger = _read(tmp_path, _STATUS_BASE, rows)
    if outstanding is None:  # not an invoice to chase: skipped
        assert ledger.invoice_count == 0 and len(ledger.skipped) == 3
    else:
        assert ledger.frame["outstanding"].tolist() == [outstanding] * 3
    assert not any("non reconnu" in d.what for d in ledger.decisions)


@pytest.mark.parametrize(
    "statuses",
    [
        pytest.param(("failed", "failed", "archived"), id="failed-archived"),
        pytest.param(("viewed", "exceeded", "viewed"), id="viewed-exceeded"),
        pytest.param(
            ("failed", "archived", "exceeded", "viewed", "failed"), id="four-values-all-named"
        ),
    ],
)
def test_a_run_warns_once_of_unknown_statuses(tmp_path, statuses):
    rows = [
        (f"F-{i}", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, s)
        for i, s in enumerate(statuses)
    ]
    path = _book(tmp_path / "l.xlsx", _STATUS_BASE, rows)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    said = [w for w in result.warnings if "non reconnu" in w]
    assert len(said) == 1
    for value in set(statuses):
        assert f"« {value} » ({statuses.count(value)})" in said[0]


def test_a_bare_status_of_ones_and_zeros_says_how_to_have_it_read_as_paid(tmp_path):
    rows = [(f"F-{i}", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, i % 2) for i in range(4)]
    path = _book(tmp_path / "l.xlsx", _STATUS_BASE, rows)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    (said,) = [w for w in result.warnings if "non reconnu" in w]
    assert "(si 1 veut dire réglée, renommez la colonne « Payée »)" in said
    # Renamed as the warning says: read as paid, 1 = paid.
    renamed = _book(tmp_path / "p.xlsx", [*_STATUS_BASE[:-1], "Payée"], rows)
    read = relance_xlsx.run(renamed, complete_settings(), as_of=AS_OF, dry_run=True)
    assert [i.paid for i in read.invoices] == [False, True, False, True]


# M8 — a due date computed for want of a due-date column is said, by check and by run.
@pytest.mark.parametrize(
    ("headers", "rule"),
    [
        pytest.param(
            ["Invoice No", "Customer", "Invoice Date", "Amount"],
            "date de facture + 30 jours",
            id="no-due-column",
        ),
        pytest.param(
            ["Invoice No", "Customer", "Invoice Date", "Amount", "Payment Terms"],
            "conditions de paiement de « Payment Terms », sinon 30 jours",
            id="terms-column",
        ),
    ],
)
def test_an_assumed_due_date_is_said(tmp_path, headers, rule):
    rows = [(r[0], r[1], r[2], 100.0, "30 jours")[: len(headers)] for r in ROWS]
    path = _book(tmp_path / "l.xlsx", headers, rows)
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    (decision,) = [d for d in ledger.decisions if "Pas de colonne Échéance" in d.what]
    assert rule in decision.what and decision.count == 3
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    assert len([w for w in result.warnings if "Pas de colonne Échéance" in w]) == 1


def test_a_due_date_column_needs_no_word(tmp_path):
    ledger = _read(tmp_path, [*BASE, "Amount"], [(*r, 100.0) for r in ROWS])
    assert not any("Échéance" in d.what for d in ledger.decisions)


# L10 — a column the table lacks is said once, with the headers it has.
@pytest.mark.parametrize(
    ("headers", "rows", "said"),
    [
        pytest.param(
            ["Invoice No", "Invoice Date", "Due Date", "Amount"],
            [(r[0], r[2], r[3], 100.0) for r in ROWS],
            "aucune colonne Client trouvée (en-têtes : « Invoice No », « Invoice Date », « Due Date », « Amount »)",
            id="no-client",
        ),
        pytest.param(
            ["Customer", "Invoice Date", "Amount", "Notes"],
            [(r[1], r[2], 100.0, "x") for r in ROWS],
            "aucune colonne N° de facture trouvée",
            id="no-invoice-number",
        ),
        pytest.param(
            ["Invoice No", "Customer", "Amount"],
            [(r[0], r[1], 100.0) for r in ROWS],
            "aucune colonne Date de facture ou Échéance trouvée",
            id="no-date",
        ),
    ],
)
def test_a_missing_column_is_said_once(tmp_path, headers, rows, said):
    ledger = _read(tmp_path, headers, rows)
    assert [p.row for p in ledger.problems] == [None]
    assert said in ledger.problems[0].message
    assert ledger.frame["valid"].tolist() == [False] * 3
    assert all(p.startswith("aucune colonne") for p in ledger.frame["problem"])


# L12 — `check` lists as many row problems as `run` does, and counts the others.
@pytest.mark.parametrize("count", [pytest.param(40, id="forty"), pytest.param(31, id="one-over")])
def test_check_cuts_its_list_of_problems_as_run_does(tmp_path, count):
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    # Due before issued, on every row: one problem per row.
    rows = [(f"F-{i}", "Alpha SARL", D(2026, 9, 1), D(2026, 8, 1), 100.0) for i in range(count)]
    path = _book(tmp_path / "l.xlsx", [*BASE, "Amount"], rows)
    said = CliRunner().invoke(app, ["check", str(path)]).output
    assert said.count("  - ligne ") == 30
    assert f"… et {count - 30} autres (relance check --json)." in said


# L13 — a sheet whose first row is data has no header row: its values are never offered as
# header names.
@pytest.mark.parametrize(
    "first",
    [
        pytest.param(
            ("admin", "16/05/2012", "12:30:08", 12345, "DELL300"), id="text-date-and-time"
        ),
        pytest.param(("Alpha SARL", D(2026, 5, 16), 1200.5, "F-12"), id="real-date-and-amount"),
    ],
)
def test_a_sheet_without_header_row_is_said_so(tmp_path, first):
    rows = [first, *[first for _ in range(5)]]
    path = _book(tmp_path / "l.xlsx", rows[0], rows[1:])
    with pytest.raises(RelanceError) as refused:
        read_ledger(path, Settings(), as_of=AS_OF)
    message = str(refused.value)
    assert "la ligne 1 ressemble à des données" in message and "pas de ligne d'en-têtes" in message
    assert "[columns]\n" not in message and getattr(refused.value, "suggestion", {}) == {}
