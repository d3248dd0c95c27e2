"""Receipts journals and payments sheets (review-pubwb5 H2, H3, H6): a journal of payments
received is never read as the invoices; beside the invoices, its « Facture réglée » names the
invoice each payment settles, it is never a clients file, and a sheet giving only each
invoice's « Solde » is used, never dropped without a word."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger

D = dt.date
ADDRESS = ["Adresse", "Code postal", "Ville"]
PAYMENTS = [
    ("ENC-001", D(2026, 9, 3), "SARL Alpha", 1200.0, "Virement", "F-100", "1 rue A", "75001", "Paris"),
    ("ENC-002", D(2026, 9, 12), "Beta SAS", 850.0, "Chèque", "F-101", "2 rue B", "69001", "Lyon"),
    ("ENC-003", D(2026, 10, 2), "Gamma EURL", 430.0, "Virement", "F-102", "3 rue C", "13001", "Marseille"),
]  # fmt: skip
INVOICES = [
    ("F-100", D(2026, 9, 1), "SARL Alpha", 1200.0, D(2026, 10, 1)),
    ("F-101", D(2026, 9, 2), "Beta SAS", 850.0, D(2026, 10, 2)),
    ("F-102", D(2026, 9, 3), "Gamma EURL", 430.0, D(2026, 10, 3)),
    ("F-103", D(2026, 9, 4), "Delta SA", 990.0, D(2026, 10, 4)),
]
INVOICE_HEADERS = ["N° facture", "Date", "Client", "Montant TTC", "Échéance"]


def _receipts(wb, title, headers, rows=PAYMENTS):
    ws = wb.create_sheet(title)
    ws.append(headers)
    for row in rows:
        ws.append(list(row))


def _book(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for title, headers, rows in sheets:
        _receipts(wb, title, headers, rows)
    wb.save(path)
    return path


def _receipt_headers(amount="Montant", settled="Facture réglée", date="Date"):
    return ["N° pièce", date, "Client", amount, "Mode de règlement", settled, *ADDRESS]


@pytest.mark.parametrize(
    ("title", "headers"),
    [
        pytest.param("Encaissements", _receipt_headers(), id="encaissements-facture-reglee"),
        pytest.param("Journal", _receipt_headers(), id="journal-facture-reglee"),
        pytest.param("Règlements", _receipt_headers("Montant encaissé", "Pièce lettrée", "Date d'encaissement"), id="reglements-piece-lettree"),
        pytest.param("Encaissements", _receipt_headers(settled="Référence"), id="encaissements-mode-de-reglement"),
    ],
)  # fmt: skip
def test_a_receipts_journal_is_refused_as_the_invoices(tmp_path, title, headers):
    path = _book(tmp_path / "enc.xlsx", [(title, headers, PAYMENTS)])
    with pytest.raises(LedgerError) as caught:
        read_ledger(path, Settings(), as_of=AS_OF)
    said = str(caught.value)
    assert "ressemble à un journal des règlements reçus" in said
    assert "choisissez la feuille des factures" in said


@pytest.mark.parametrize(
    ("title", "headers", "marks"),
    [
        pytest.param("Factures", [*INVOICE_HEADERS, "Facture réglée"], ["oui", "non", "non", "oui"], id="facture-reglee-oui-non"),
        pytest.param("Suivi des règlements", [*INVOICE_HEADERS, "Mode de règlement"], ["Virement"] * 4, id="suivi-des-reglements-with-due-dates"),
        pytest.param("Paiements", ["N° facture", "Date", "Client", "Montant TTC", "Mode de paiement"], ["Virement"] * 4, id="paiements-tracker-no-due-date"),
    ],
)  # fmt: skip
def test_an_invoice_table_that_speaks_of_payments_is_still_read(tmp_path, title, headers, marks):
    rows = [(*r, m) for r, m in zip(INVOICES, marks, strict=True)]
    if "Échéance" not in headers:
        rows = [(*r[:4], m) for r, m in zip(INVOICES, marks, strict=True)]
    path = _book(tmp_path / "f.xlsx", [(title, headers, rows)])
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert list(ledger.frame["invoice"]) == ["F-100", "F-101", "F-102", "F-103"]


@pytest.mark.parametrize(
    ("amount", "settled"),
    [
        pytest.param("Montant", "Facture réglée", id="facture-reglee"),
        pytest.param("Montant encaissé", "Facture réglée", id="montant-encaisse-facture-reglee"),
        pytest.param("Montant encaissé", "Facture(s) réglée(s)", id="factures-reglees"),
        pytest.param("Montant encaissé", "Pièce lettrée", id="piece-lettree"),
        pytest.param("Montant encaissé", "N° facture réglée", id="no-facture-reglee"),
    ],
)
def test_the_receipts_beside_the_invoices_settle_them_and_give_no_address(
    tmp_path, amount, settled
):
    path = _book(
        tmp_path / "enc3.xlsx",
        [
            ("Encaissements", _receipt_headers(amount, settled), PAYMENTS),
            ("Factures", INVOICE_HEADERS, INVOICES),
        ],
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    left = dict(zip(ledger.frame["invoice"], ledger.frame["outstanding"], strict=True))
    assert left == {"F-100": 0.0, "F-101": 0.0, "F-102": 0.0, "F-103": 990.0}
    assert "Règlements : feuille « Encaissements »" in ledger.choice
    # A receipts sheet is never the clients file: no address comes from it.
    assert "complétés" not in ledger.choice
    assert "address" not in ledger.frame or ledger.frame["address"].fillna("").eq("").all()


SOLDES = [("F-100", 0.0), ("F-101", 340.0), ("F-102", 430.0)]


@pytest.mark.parametrize(
    ("title", "headers", "expected", "paid"),
    [
        pytest.param("Règlements (FBL5N)", ["N° facture", "Solde"], {"F-100": 0.0, "F-101": 340.0, "F-102": 430.0, "F-103": 990.0}, {"F-100": 1200.0, "F-101": 510.0}, id="fbl5n-solde"),
        pytest.param("Paiements", ["Facture réglée", "Reste dû"], {"F-100": 0.0, "F-101": 340.0, "F-102": 430.0, "F-103": 990.0}, {"F-100": 1200.0, "F-101": 510.0}, id="paiements-reste-du"),
    ],
)  # fmt: skip
def test_a_payments_sheet_of_balances_says_what_is_left(tmp_path, title, headers, expected, paid):
    path = _book(
        tmp_path / "o2c.xlsx",
        [("Factures (VF05)", INVOICE_HEADERS, INVOICES), (title, headers, SOLDES)],
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert frame["outstanding"].to_dict() == expected
    assert {k: frame.loc[k, "paid"] for k in paid} == paid
    assert bool(frame.loc["F-100", "is_paid"]) and not bool(frame.loc["F-101", "is_paid"])
    assert f"Soldes : feuille « {title} »" in ledger.choice
    assert any("sans date de règlement" in w for w in ledger.warnings)


def test_a_balances_sheet_beside_a_paid_column_is_compared_not_applied(tmp_path):
    rows = [(*r, 0.0) for r in INVOICES]
    path = _book(
        tmp_path / "o2c.xlsx",
        [
            ("Factures", [*INVOICE_HEADERS, "Montant réglé"], rows),
            ("Règlements", ["N° facture", "Solde"], SOLDES),
        ],
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    assert ledger.frame.set_index("invoice")["outstanding"].to_dict()["F-100"] == 1200.0
    said = [w for w in ledger.warnings if "donne un solde de" in w]
    assert len(said) == 2  # F-100 and F-101 disagree; F-102 agrees


@pytest.mark.parametrize(
    ("title", "headers"),
    [
        pytest.param("Règlements", ["N° facture", "Montant réglé"], id="reglements-no-date"),
        pytest.param("Encaissements", ["Facture réglée", "Montant encaissé", "Solde"], id="encaissements-no-date-with-solde"),
    ],
)  # fmt: skip
def test_a_payments_sheet_without_dates_is_deducted_and_said(tmp_path, title, headers):
    rows = [("F-100", 1200.0, 0.0), ("F-101", 510.0, 340.0)]
    rows = [r[: len(headers)] for r in rows]
    path = _book(
        tmp_path / "p.xlsx", [("Factures", INVOICE_HEADERS, INVOICES), (title, headers, rows)]
    )
    ledger = read_ledger(path, Settings(), as_of=AS_OF)
    left = ledger.frame.set_index("invoice")["outstanding"].to_dict()
    assert left == {"F-100": 0.0, "F-101": 340.0, "F-102": 430.0, "F-103": 990.0}
    said = [w for w in ledger.warnings if "sans date de règlement" in w]
    assert len(said) == 2 and all(f"Feuille « {title} »" in w for w in said)


NODUE = [
    "Client",
    "N° facture",
    "Date facture",
    "Montant TTC",
    "Mode de règlement",
    "{state}",
    *ADDRESS,
]


@pytest.mark.parametrize(
    ("title", "state", "value"),
    [
        pytest.param("Suivi encaissements", "Réglée", "Non", id="suivienc-reglee-non"),
        pytest.param("Suivi des encaissements", "Payée", "Non", id="suivi-des-encaissements-payee"),
        pytest.param("Encaissements", "Réglée", "Non", id="encsheet-reglee-non"),
        pytest.param("Suivi encaissements", "Statut", "En attente", id="suivienc-statut"),
    ],
)  # fmt: skip
def test_invoice_columns_outweigh_a_receipts_sheet_name(tmp_path, title, state, value):
    """review-nextcase H4: « N° facture », « Date facture » and a paid yes/no or a status are
    invoices to chase, on a sheet named « Suivi encaissements » beside « Mode de règlement »."""
    headers = [h.format(state=state) for h in NODUE]
    rows = [
        (r[2], r[0], r[1], r[3], "Virement", value, "1 rue A", "75001", "Paris") for r in INVOICES
    ]
    ledger = read_ledger(
        _book(tmp_path / "s.xlsx", [(title, headers, rows)]), Settings(), as_of=AS_OF
    )
    frame = ledger.frame
    assert list(frame["invoice"]) == ["F-100", "F-101", "F-102", "F-103"]
    assert list(frame["outstanding"]) == [1200.0, 850.0, 430.0, 990.0]
