"""Cancelled and credit-note flags in columns of their own, credit notes marked in other
type-like columns or by their numbers, and registers of credit notes (review-pubwb3 H4, H6,
M10)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook
from typer.testing import CliRunner

from relance_xlsx import Settings
from relance_xlsx.cli import app
from relance_xlsx.errors import LedgerError
from relance_xlsx.ledger import read_ledger

D = dt.date
runner = CliRunner()
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
ROWS = [
    ("F-100", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0),
    ("F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0),
    ("F-102", "Gamma EURL", D(2026, 9, 3), D(2026, 10, 3), 430.0),
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


def _read(tmp_path, header, marks, rows=ROWS):
    """The ledger read with one more column, marks[i] on row i."""
    lines = [(*r, m) for r, m in zip(rows, marks, strict=True)]
    return read_ledger(_book(tmp_path / "l.xlsx", [*BASE, header], lines), Settings(), as_of=AS_OF)


# H4 — an oui/non column saying the invoice is cancelled: the row is skipped, with its reason.
_CANCEL_HEADERS = [
    "Annulée", "Annulé", "Annuler", "Annulation", "Facture annulée", "Supprimée", "Cancelled",
    "Void",
]  # fmt: skip
_YES = ["Oui", "X", "x", 1, True, "Yes", "oui"]
_NO = ["Non", 0, None, False, "non", "-"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _CANCEL_HEADERS])
@pytest.mark.parametrize("yes", [pytest.param(v, id=repr(v)) for v in _YES])
def test_a_cancelled_flag_skips_the_row(tmp_path, header, yes):
    ledger = _read(tmp_path, header, [yes, "Non", None])
    assert ledger.frame["invoice"].tolist() == ["F-101", "F-102"]
    [skip] = ledger.skipped
    assert skip.row == 2 and skip.reason.startswith("facture annulée (")
    assert f"colonne « {header} »" in skip.reason


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _CANCEL_HEADERS])
@pytest.mark.parametrize("no", [pytest.param(v, id=repr(v)) for v in _NO])
def test_a_cancelled_flag_saying_no_changes_nothing(tmp_path, header, no):
    ledger = _read(tmp_path, header, [no, no, no])
    assert ledger.frame["invoice"].tolist() == ["F-100", "F-101", "F-102"]
    assert not ledger.skipped and not ledger.frame["is_credit"].any()


def test_an_unknown_cancellation_value_is_chased_and_said(tmp_path):
    ledger = _read(tmp_path, "Annulée", ["peut-être", None, None])
    assert ledger.frame["invoice"].tolist() == ["F-100", "F-101", "F-102"]
    assert any("« peut-être » (1) : annulation non reconnue" in d.what for d in ledger.decisions)


# H4 — an oui/non column saying the row is a credit note: a credit, never chased.
_CREDIT_HEADERS = ["Avoir", "Est un avoir", "Credit note"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _CREDIT_HEADERS])
@pytest.mark.parametrize("yes", [pytest.param(v, id=repr(v)) for v in ["Oui", 1, True, "X"]])
def test_a_credit_note_flag_makes_a_credit(tmp_path, header, yes):
    frame = _read(tmp_path, header, [yes, "Non", None]).frame
    assert frame["is_credit"].tolist() == [True, False, False]
    assert frame["amount"].tolist() == [-1200.0, 850.0, 430.0]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _CREDIT_HEADERS])
@pytest.mark.parametrize("no", [pytest.param(v, id=repr(v)) for v in _NO])
def test_a_credit_note_flag_saying_no_changes_nothing(tmp_path, header, no):
    frame = _read(tmp_path, header, [no, no, no]).frame
    assert frame["is_credit"].tolist() == [False, False, False]
    assert frame["amount"].tolist() == [1200.0, 850.0, 430.0]


# H6 — credit notes marked in other type-like columns, or by common codes.
_MARKED = [
    ("Catégorie", "Avoir"), ("Catégorie", "Avoir client"), ("Document", "Avoir"),
    ("Document", "Facture d'avoir"), ("Pièce", "Avoir"), ("Type", "NC"), ("Type", "Crédit"),
    ("Type", "Credit"), ("Type", "Remboursement"), ("Type", "Refund"), ("Type", "AC"),
    ("Type", "Avoir client"), ("Type pièce", "AC"), ("Nature", "NC"), ("Catégorie", "NC"),
    ("Document", "Crédit"), ("Sens", "Crédit"), ("Sens", "C"), ("Sens (D/C)", "C"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "value"), [pytest.param(h, v, id=f"{h}={v}") for h, v in _MARKED]
)
def test_a_credit_note_marked_in_a_type_like_column_is_a_credit(tmp_path, header, value):
    other = "Débit" if header == "Sens" else "Facture"
    frame = _read(tmp_path, header, [value, other, other]).frame
    assert frame["is_credit"].tolist() == [True, False, False]
    assert frame["amount"].tolist() == [-1200.0, 850.0, 430.0]


@pytest.mark.parametrize(
    ("header", "value"),
    [
        pytest.param(h, v, id=f"{h}={v}")
        for h, v in [("Sens", "D"), ("Sens", "Débit"), ("Type", "C"), ("Catégorie", "Prestations"),
                     ("Type", "Carte de crédit"), ("Document", "Facture"), ("Type", "FA")]
    ],
)  # fmt: skip
def test_an_invoice_in_a_type_like_column_stays_an_invoice(tmp_path, header, value):
    frame = _read(tmp_path, header, [value, value, value]).frame
    assert frame["is_credit"].tolist() == [False, False, False]


# H6 — a credit note's number among invoice numbers of the same ledger.
@pytest.mark.parametrize(
    ("numbers", "credits"),
    [
        pytest.param(("AV-2026-001", "F-101", "F-102"), [True, False, False], id="AV-among-F-"),
        pytest.param(("AVO12", "FA2026-1", "FA2026-2"), [True, False, False], id="AVO-among-FA"),
        pytest.param(("CN-7", "F-101", "F-102"), [True, False, False], id="CN-among-F-"),
        pytest.param(("NC-0042", "F-101", "F-102"), [True, False, False], id="NC-among-F-"),
        pytest.param(("CRN12", "F-101", "F-102"), [True, False, False], id="CRN"),
        pytest.param(("AV-1", "AV-2", "AV-3"), [False, False, False], id="every-number-AV"),
        pytest.param(("AV-1", "2026-2", "2026-3"), [False, False, False], id="AV-among-plain"),
        pytest.param(("AVENANT", "F-101", "F-102"), [False, False, False], id="a-word"),
    ],
)
def test_a_credit_note_number_among_invoice_numbers_is_a_credit(tmp_path, numbers, credits):
    rows = [(n, *r[1:]) for n, r in zip(numbers, ROWS, strict=True)]
    frame = _read(tmp_path, "Objet", ["Prestation"] * 3, rows).frame
    assert frame["is_credit"].tolist() == credits


# M10 — a register of credit notes only is refused, as a purchases ledger is.
@pytest.mark.parametrize(
    ("numbers", "header", "marks", "said"),
    [
        pytest.param(("CRN1", "CRN2", "CRN3"), "Statut", ["Used", "Unused", "Used"],
                     "numérotés CRN…", id="qoyod-CRN"),
        pytest.param(("F-100", "F-101", "F-102"), "Type", ["Avoir"] * 3,
                     "les 3 ligne(s) sont des avoirs", id="every-row-typed"),
        pytest.param(("AVOIR-1", "AVOIR-2", "AVOIR-3"), "Objet", ["Remise"] * 3,
                     "les 3 ligne(s) sont des avoirs", id="every-number-avoir"),
    ],
)  # fmt: skip
def test_a_register_of_credit_notes_is_refused(tmp_path, numbers, header, marks, said):
    rows = [(n, *r[1:]) for n, r in zip(numbers, ROWS, strict=True)]
    with pytest.raises(LedgerError) as error:
        _read(tmp_path, header, marks, rows)
    assert "l.xlsx ne contient que des avoirs (feuille « Factures »" in str(error.value)
    assert said in str(error.value)
    lines = [(*r, m) for r, m in zip(rows, marks, strict=True)]
    path = _book(tmp_path / "r.xlsx", [*BASE, header], lines)
    result = runner.invoke(app, ["run", str(path), "--as-of", "2026-12-07", "--dry-run"])
    assert result.exit_code == 1 and "ne contient que des avoirs" in result.output


# Issue 35 — the credit-note numbers are searched in one text of all the numbers: each number
# must be read as it is alone (spaces stripped, no match across two numbers, odd cells).
_ODD_NUMBERS = [
    " crn12", "CRN 3 ", "crn", "CRN\n5", "\u2003CRN7", "crn-\u0663", "AV-2026-1", " nc-0042 ",
    "avo12", "AVx1", "CN-7", "", "  ", "F-1", "F\x00", "x\x00crn1", "crn\x001", None, 3.0, 7,
]  # fmt: skip


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(_ODD_NUMBERS, id="with-NUL"),
        pytest.param([v for v in _ODD_NUMBERS if "\x00" not in str(v)], id="one-text"),
        pytest.param(["CRN1", "F-2"], id="short"),
        pytest.param([None, 1.0], id="no-text"),
    ],
)
def test_credit_numbers_searched_at_once_read_each_number_alone(cells):
    import numpy as np

    from relance_xlsx.ledger import kinds

    values = np.array([*cells, None], dtype=object)
    texts = kinds._Texts(values)
    for pattern in (kinds._REGISTER, kinds._CREDIT_NUMBER):
        alone = [kinds._numbered(v, pattern) for v in values.tolist()]
        assert texts.starting(pattern).tolist() == alone
