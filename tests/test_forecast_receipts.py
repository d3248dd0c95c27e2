"""Planned payments and receipts naming several invoices (review-nextcase H1, H7): a sheet
« Encaissements prévus » or a « Date prévue » never settles an invoice; a receipt whose
« Facture réglée » names several invoices settles each when its amount is their sum, else
holds them with a warning naming its line, never dropped without a word."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
HEADERS = [
    "Client",
    "N° facture",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Adresse",
    "Code postal",
    "Ville",
]
INVOICES = [
    ("Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 8, 31), 1200.0, "1 rue de la Paix", "75002", "Paris"),
    ("Martin SAS", "F2026-102", D(2026, 9, 1), D(2026, 10, 1), 2400.0, "2 quai de la Joliette", "13002", "Marseille"),
    ("Bernard EURL", "F2026-103", D(2026, 9, 15), D(2026, 10, 15), 600.0, "3 cours Lafayette", "69003", "Lyon"),
    ("Petit SA", "F2026-104", D(2026, 10, 1), D(2026, 10, 31), 900.0, "4 allées Jean Jaurès", "31000", "Toulouse"),
]  # fmt: skip


def _read(tmp_path, title, headers, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    for row in INVOICES:
        ws.append(list(row))
    other = wb.create_sheet(title)
    other.append(headers)
    for row in rows:
        other.append(list(row))
    wb.save(tmp_path / "book.xlsx")
    return read_ledger(tmp_path / "book.xlsx", Settings(), as_of=AS_OF)


def _state(ledger):
    frame = ledger.frame
    return {
        inv: (bool(paid), float(left), bool(valid))
        for inv, paid, left, valid in zip(
            frame["invoice"], frame["is_paid"], frame["outstanding"], frame["valid"], strict=True
        )
    }


PLANNED = [
    ["Dupont SARL", "F2026-101", D(2027, 1, 15), 1200.0, "Virement"],
    ["Martin SAS", "F2026-102", D(2027, 1, 31), 2400.0, "Chèque"],
]
OPEN = {"F2026-101": (False, 1200.0, True), "F2026-102": (False, 2400.0, True)}


@pytest.mark.parametrize(
    ("title", "date", "expected"),
    [
        pytest.param(
            "Encaissements prévus", "Date prévue", OPEN, id="encprev3-sheet-and-date-planned"
        ),
        pytest.param("Encaissements prévus", "Date", OPEN, id="encprev4-sheet-planned"),
        pytest.param("Encaissements", "Date prévue", OPEN, id="date-prevue"),
        pytest.param("Prévisionnel", "Date d'encaissement prévue", OPEN, id="previsionnel"),
    ],
)
def test_planned_payments_never_settle_an_invoice(tmp_path, title, date, expected):
    ledger = _read(
        tmp_path, title, ["Client", "N° facture", date, "Montant", "Mode de règlement"], PLANNED
    )
    state = _state(ledger)
    assert {k: state[k] for k in expected} == expected
    assert not [p for p in ledger.problems if "sans date de règlement" in p.message]
    assert not [w for w in ledger.warnings if "sans date de règlement" in w]


def test_received_payments_still_settle(tmp_path):
    rows = [[r[0], r[1], D(2026, 11, 15), r[3], r[4]] for r in PLANNED]
    ledger = _read(
        tmp_path,
        "Encaissements",
        ["Client", "N° facture", "Date", "Montant", "Mode de règlement"],
        rows,
    )
    state = _state(ledger)
    assert state["F2026-101"][:2] == (True, 0.0)
    assert state["F2026-102"][:2] == (True, 0.0)


RECEIPT = ["Date", "Client", "Facture réglée", "Montant", "Mode de règlement"]


@pytest.mark.parametrize(
    ("settled", "amount", "expected", "warned"),
    [
        pytest.param("F2026-102 F2026-103", 3000.0, {"F2026-102": (True, 0.0, True), "F2026-103": (True, 0.0, True)}, False, id="encpart-space-sum"),
        pytest.param("F2026-102, F2026-103", 3000.0, {"F2026-102": (True, 0.0, True), "F2026-103": (True, 0.0, True)}, False, id="comma-sum"),
        pytest.param("F2026-102 / F2026-103", 3000.0, {"F2026-102": (True, 0.0, True), "F2026-103": (True, 0.0, True)}, False, id="slash-sum"),
        pytest.param("F2026-102 et F2026-103", 3000.0, {"F2026-102": (True, 0.0, True), "F2026-103": (True, 0.0, True)}, False, id="et-sum"),
        pytest.param("F2026-102 F2026-103", 2000.0, {"F2026-102": (False, 2400.0, False), "F2026-103": (False, 600.0, False)}, True, id="not-the-sum-held"),
        pytest.param("F2026-102 F2026-999", 3000.0, {"F2026-102": (False, 2400.0, False)}, True, id="one-unknown-held"),
    ],
)  # fmt: skip
def test_a_receipt_naming_several_invoices(tmp_path, settled, amount, expected, warned):
    rows = [
        [D(2026, 11, 10), "Dupont SARL", "F2026-101", 500.0, "Virement"],
        [D(2026, 11, 12), "Martin SAS", settled, amount, "Chèque"],
    ]
    ledger = _read(tmp_path, "Encaissements", RECEIPT, rows)
    state = _state(ledger)
    assert {k: state[k] for k in expected} == expected
    assert state["F2026-101"] == (False, 700.0, True)
    assert state["F2026-104"] == (False, 900.0, True)
    said = [w for w in ledger.warnings if "ligne 3" in w and settled in w]
    assert bool(said) is warned
