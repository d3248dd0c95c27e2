"""Public workbooks, third round: credit notes marked in a type column, gross amounts said
« with VAT », the checks a suggested mapping must pass, yyyymmdd dates and terms typed
under « Échéance » (review-pubwb2 H6, H7, M10, L14)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, all_paragraphs, complete_settings
from openpyxl import Workbook
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.cli import app
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.columns import match_headers
from relance_xlsx.ledger.unfit import suggest_columns

D = dt.date
runner = CliRunner()
BASE = ["N° facture", "Client", "Date facture", "Échéance"]
ROWS = [
    ("F001", "Dupont SARL", D(2026, 8, 1), D(2026, 9, 1)),
    ("A001", "Dupont SARL", D(2026, 9, 15), D(2026, 10, 15)),
    ("F002", "Martin SA", D(2026, 8, 5), D(2026, 9, 5)),
]


def _book(path, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _read(tmp_path, headers, rows, settings=None):
    return read_ledger(
        _book(tmp_path / "l.xlsx", headers, rows), settings or Settings(), as_of=AS_OF
    )


# H6 — a credit note marked in a type column, with a positive amount, is a credit.
_TYPE_HEADERS = [
    "Type",
    "Nature",
    "Type de pièce",
    "Type de document",
    "Document type",
    "Tipo",
    "Sens",
    "Doc Type",
    "Journal",
]
_CREDIT_VALUES = [
    "Avoir",
    "Credit note",
    "Nota de crédito",
    "Nota di credito",
    "Gutschrift",
    "AV",
    "3 - Nota de Crédito A",
]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _TYPE_HEADERS])
@pytest.mark.parametrize("value", [pytest.param(v, id=v) for v in _CREDIT_VALUES])
def test_a_credit_note_in_a_type_column_is_a_credit(tmp_path, header, value):
    rows = [
        (*r, a, t)
        for r, a, t in zip(ROWS, [1200.0, 200.0, 500.0], ["Facture", value, "Facture"], strict=True)
    ]
    frame = _read(tmp_path, [*BASE, "Montant TTC", header], rows).frame
    assert frame["is_credit"].tolist() == [False, True, False]
    assert frame["amount"].tolist() == [1200.0, -200.0, 500.0]
    assert frame["outstanding"].tolist()[1] == -200.0


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(v, id=v)
        for v in [
            "Facture",
            "Invoice",
            "FA",
            "1 - Factura A",
            "Prestation",
            "AR",
            "Carte de crédit",
        ]
    ],
)
def test_an_invoice_or_unknown_type_stays_an_invoice(tmp_path, value):
    rows = [(*r, a, value) for r, a in zip(ROWS, [1200.0, 200.0, 500.0], strict=True)]
    frame = _read(tmp_path, [*BASE, "Montant TTC", "Type"], rows).frame
    assert frame["is_credit"].tolist() == [False, False, False]
    assert frame["amount"].tolist() == [1200.0, 200.0, 500.0]


def test_a_typed_credit_note_is_never_chased(tmp_path):
    from docx import Document

    rows = [
        (*r, a, t, "1 rue A\n75001 Paris")
        for r, a, t in zip(
            ROWS, [1200.0, 200.0, 500.0], ["Facture", "Avoir", "Facture"], strict=True
        )
    ]
    path = _book(tmp_path / "l.xlsx", [*BASE, "Montant TTC", "Type de pièce", "Adresse"], rows)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    letter = next(x for x in result.letters if x.client == "Dupont SARL")
    text = " ".join(p.text for p in all_paragraphs(Document(letter.path)))
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    # Never claimed: a credit that names no invoice is deducted by compensation (C. civ.
    # 1347, review-lawhand 1), as in the litigation file: 1 200 - 200, never 1 400.
    assert "Total restant dû : 1 000,00 €" in text and "1 400,00" not in text
    assert "-200,00 €" in text


# H7 — a gross amount said « with VAT » is the TTC, never a VAT to add, never left unread.
_GROSS = ["Total avec TVA", "Montant avec TVA", "Montant TVA incluse", "Montant TVAC", "TVAC", "Total TVAC",
          "Montant TVA comprise", "Amount incl. VAT", "Total incl. GST", "Invoice amount with GST", "Gross amount"]  # fmt: skip
_INVOICES = [("F1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1)), ("F2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5)),
             ("F3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9))]  # fmt: skip


@pytest.mark.parametrize(
    "net",
    [
        pytest.param("Montant HT", id="montant-ht"),
        pytest.param("Subtotal Amount", id="subtotal-amount"),
        pytest.param(None, id="alone"),
    ],
)
@pytest.mark.parametrize("gross", [pytest.param(h, id=h) for h in _GROSS])
def test_a_gross_amount_header_is_the_ttc_claimed(tmp_path, net, gross):
    headers = [*BASE, *([net] if net else []), gross]
    rows = [
        (*r, *([n] if net else []), g)
        for r, n, g in zip(_INVOICES, [1000.0, 2000.0, 500.0], [1180.0, 2360.0, 590.0], strict=True)
    ]
    ledger = _read(tmp_path, headers, rows)
    assert ledger.headers[ledger.positions["amount"]] == gross
    assert "add_vat" not in ledger.positions and "vat" not in ledger.positions
    assert ledger.frame["amount"].tolist() == [1180.0, 2360.0, 590.0]


def test_a_vat_column_larger_than_the_net_is_the_ttc(tmp_path):
    rows = [
        (*r, n, g)
        for r, n, g in zip(_INVOICES, [1000.0, 2000.0, 500.0], [1180.0, 2360.0, 590.0], strict=True)
    ]
    ledger = _read(tmp_path, [*BASE, "Montant HT", "TVA"], rows)
    assert ledger.frame["amount"].tolist() == [1180.0, 2360.0, 590.0]
    assert "add_vat" not in ledger.positions


@pytest.mark.parametrize(
    ("header", "values", "claimed"),
    [
        pytest.param(
            "Somme due",
            [1180.0, 2360.0, 590.0],
            [1180.0, 2360.0, 590.0],
            id="unknown-gross-header-claimed",
        ),
        pytest.param(
            "Total facture client",
            [1200.0, 2400.0, 600.0],
            [1200.0, 2400.0, 600.0],
            id="total-words-claimed",
        ),
        # The net alone is never claimed as the TTC: refused (review-pubwb5 M6).
        pytest.param(
            "Poids", [1100.0, 2100.0, 520.0], "refused", id="not-an-amount-header-net-refused"
        ),
        pytest.param("Montant", [2000.0, 4000.0, 1000.0], None, id="double-is-no-ttc"),
    ],
)
def test_a_net_alone_gives_way_to_a_larger_amount_column(tmp_path, header, values, claimed):
    rows = [(*r, n, g) for r, n, g in zip(_INVOICES, [1000.0, 2000.0, 500.0], values, strict=True)]
    if claimed == "refused":
        with pytest.raises(LedgerError, match="« Montant HT », est hors taxes"):
            _read(tmp_path, [*BASE, "Montant HT", header], rows)
        return
    ledger = _read(tmp_path, [*BASE, "Montant HT", header], rows)
    if claimed is None:  # a header that names the amount is read as it is, never the net
        assert ledger.headers[ledger.positions["amount"]] == header
        return
    assert ledger.frame["amount"].tolist() == claimed


def test_a_real_vat_column_is_still_added_to_the_net(tmp_path):
    rows = [
        (*r, n, g)
        for r, n, g in zip(_INVOICES, [1000.0, 2000.0, 500.0], [200.0, 400.0, 100.0], strict=True)
    ]
    ledger = _read(tmp_path, [*BASE, "Montant HT", "TVA"], rows)
    assert ledger.frame["amount"].tolist() == [1200.0, 2400.0, 600.0]


def test_the_suggestion_picks_the_gross_amount_not_the_subtotal():
    row = [
        "Invoice Number",
        "Client Name",
        "Invoice Date",
        "Due Date",
        "Subtotal Amount",
        "Invoice amount with GST",
        "Credit Period",
    ]
    sample = [
        [
            f"INV-{100 + i}",
            ("Alpha", "Beta")[i % 2],
            dt.datetime(2026, 9, 1 + i),
            dt.datetime(2026, 10, 1 + i),
            1000.0 * (i + 1),
            1180.0 * (i + 1),
            30,
        ]
        for i in range(4)
    ]
    guess, _, _ = suggest_columns(row, sample, {})
    assert guess["amount"] == "Invoice amount with GST"


# M10 — a suggested mapping passes the content checks the run makes.
_GIANSUN = [
    "Fecha",
    "Número",
    "Tipo Doc. Receptor",
    "Cód. Autorización",
    "Denominación Receptor",
    "Imp. Total",
]
_NAMES = ["Alpha SA", "Beta SRL", "Gamma SA", "Alpha SA", "Delta SRL", "Beta SRL"]


def _giansun_rows(columns=_GIANSUN):
    rows = [
        [
            dt.datetime(2026, 8, 1 + i),
            100 + i,
            "CUIT",
            float(74123456789012 + 7919 * i),
            _NAMES[i],
            1210.5 + 100 * i,
        ]
        for i in range(6)
    ]
    keep = [_GIANSUN.index(c) for c in columns]
    return [[r[j] for j in keep] for r in rows]


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param(_GIANSUN, id="with-imp-total"),
        pytest.param(_GIANSUN[:5], id="no-amount-column"),
    ],
)
def test_a_single_value_is_no_client_and_long_codes_no_amount(columns):
    guess, doubts, _ = suggest_columns(columns, _giansun_rows(columns), {})
    assert guess.get("client") == "Denominación Receptor"
    assert guess.get("amount") in (None, "Imp. Total")
    if "Imp. Total" not in columns:
        assert any("Cód. Autorización" in d and "codes" in d for d in doubts)


def test_suggest_config_writes_the_real_client_and_amount(tmp_path):
    path = _book(tmp_path / "l.xlsx", _GIANSUN, _giansun_rows())
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert 'client = "Denominación Receptor"' in written, result.output
    assert 'amount = "Imp. Total"' in written
    assert "Tipo Doc" not in written and "Autorización" not in written


def test_one_client_on_few_rows_and_large_amounts_with_cents_are_kept():
    row = ["Pièce", "Qui", "Émise", "Somme"]
    sample = [
        [f"P{i}", "Alpha SARL", dt.datetime(2026, 9, 1 + i), 12345678901.5 + i] for i in range(2)
    ]
    guess, _, _ = suggest_columns(row, sample, {})
    assert guess.get("client") == "Qui" and guess.get("amount") == "Somme"


# L14 — Spanish, Italian and German amount headers; yyyymmdd dates; terms under « Échéance ».
@pytest.mark.parametrize(
    "header",
    [
        pytest.param(h, id=h)
        for h in ["Importe", "Importe total", "Importo", "Betrag", "Imp. Total", "Importe Bruto"]
    ],
)
def test_foreign_amount_headers(header):
    assert match_headers(["N° facture", "Client", header]).get("amount") == 2


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda d: int(d.strftime("%Y%m%d")), id="integer"),
        pytest.param(lambda d: float(d.strftime("%Y%m%d")), id="float"),
        pytest.param(lambda d: d.strftime("%Y%m%d"), id="text"),
    ],
)
def test_yyyymmdd_dates_under_a_date_header(tmp_path, typed):
    rows = [
        (n, c, typed(i), typed(d), a)
        for (n, c, i, d), a in zip(_INVOICES, [100.0, 200.0, 300.0], strict=True)
    ]
    frame = _read(tmp_path, [*BASE, "Montant TTC"], rows).frame
    assert [t.date() for t in frame["invoice_date"]] == [r[2] for r in _INVOICES]
    assert [t.date() for t in frame["due_date"]] == [r[3] for r in _INVOICES]
    assert frame["valid"].all()


def test_an_impossible_yyyymmdd_date_is_refused(tmp_path):
    rows = [
        (n, c, 20261341 if k == 0 else int(i.strftime("%Y%m%d")), None, 100.0)
        for k, (n, c, i, _) in enumerate(_INVOICES)
    ]
    ledger = _read(tmp_path, [*BASE, "Montant TTC"], rows)
    assert not ledger.frame["valid"].tolist()[0]
    assert any("date impossible" in p.message for p in ledger.problems)


def test_terms_typed_under_the_due_date_header_are_terms(tmp_path):
    terms = ["30 jours", "À réception", "45 jours fin de mois"]
    rows = [(n, c, i, t, 100.0) for (n, c, i, _), t in zip(_INVOICES, terms, strict=True)]
    ledger = _read(tmp_path, [*BASE, "Montant TTC"], rows)
    assert [t.date() for t in ledger.frame["due_date"]] == [
        D(2026, 8, 31),
        D(2026, 8, 5),
        D(2026, 9, 30),
    ]
    assert ledger.frame["valid"].all()
    assert "« Échéance » contient des conditions de paiement" in ledger.choice
    (said,) = [d.what for d in ledger.decisions if d.what.startswith("Pas de colonne Échéance")]
    assert "en dates (« Échéance » contient des conditions de paiement)" in said


# review-pubwb4 H2 — an « AV-… » number is a credit note by its prefix only when the row
# has no document type: « Facture » / « Invoice » wins.
@pytest.mark.parametrize(
    "number, kind, credit",
    [
        pytest.param("AV-200", "Facture", False, id="AV-Facture"),
        pytest.param("AV-200", "Invoice", False, id="AV-Invoice"),
        pytest.param("NC-0042", "Facture", False, id="NC-Facture"),
        pytest.param("CN-7", "Invoice", False, id="CN-Invoice"),
        pytest.param("AV-200", None, True, id="AV-no-type"),
        pytest.param("AV-200", "Avoir", True, id="AV-Avoir"),
    ],
)
def test_an_explicit_type_wins_over_a_credit_number(tmp_path, number, kind, credit):
    rows = [
        ("F-100", "SARL Alpha", D(2026, 8, 1), D(2026, 9, 1), 1200.0, "Facture"),
        (number, "SARL Alpha", D(2026, 9, 15), D(2026, 10, 15), 850.0, kind),
        ("F-102", "Gamma EURL", D(2026, 8, 5), D(2026, 9, 5), 500.0, "Facture"),
    ]
    frame = _read(tmp_path, [*BASE, "Montant TTC", "Type"], rows).frame
    assert frame["is_credit"].tolist() == [False, credit, False]
    assert frame["amount"].tolist()[1] == (-850.0 if credit else 850.0)
