"""A lettering column (« Lettrage », « Code lettrage », « Let. »): a code says the invoice is
matched to its payment, so paid; none leaves it open; a partial one holds it with a warning on
its row (review-pubwb4 M8)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger, said_in_run

D = dt.date
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
ROWS = [
    ("F-100", "SARL Alpha", D(2026, 9, 1), D(2026, 10, 1), 1200.0),
    ("F-101", "Beta SAS", D(2026, 9, 2), D(2026, 10, 2), 850.0),
    ("F-102", "Gamma EURL", D(2026, 9, 3), D(2026, 10, 3), 430.0),
]


def _read(tmp_path, header, marks):
    """The ledger read with one more column, marks[i] on row i."""
    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, header])
    for row, mark in zip(ROWS, marks, strict=True):
        ws.append([*row, mark])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


_HEADERS = ["Lettrage", "Code lettrage", "Let.", "Code de lettrage"]
_CODES = ["AA", "AB", "A", "A12", "ZZZ", "*AA", "Lettrée", "Oui", "x"]


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _HEADERS])
@pytest.mark.parametrize("code", [pytest.param(c, id=c) for c in _CODES])
def test_a_lettering_code_means_paid(tmp_path, header, code):
    code = "AA" if code == "*AA" else code  # a « * » alone is partial: see below
    frame = _read(tmp_path, header, [code, "Non lettrée", None]).frame
    assert frame["is_paid"].tolist() == [True, False, False]
    assert frame["outstanding"].tolist() == [0.0, 850.0, 430.0]
    assert not frame["hold"].any()


_OPEN = ["Non lettrée", "Non", "-", "", None, "NL", "Pas lettrée", "À lettrer"]


@pytest.mark.parametrize("value", [pytest.param(v, id=repr(v)) for v in _OPEN])
def test_no_lettering_leaves_the_invoice_open(tmp_path, value):
    ledger = _read(tmp_path, "Lettrage", [value, value, value])
    assert ledger.frame["outstanding"].tolist() == [1200.0, 850.0, 430.0]
    assert not ledger.frame["hold"].any() and not ledger.problems


_PARTIAL = ["Partiellement lettrée", "Lettrage partiel", "aa", "a12", "AC*", "*AB"]


@pytest.mark.parametrize("value", [pytest.param(v, id=v) for v in _PARTIAL])
def test_a_partial_lettering_holds_the_invoice_with_a_row_warning(tmp_path, value):
    ledger = _read(tmp_path, "Lettrage", [value, "AB", None])
    frame = ledger.frame
    assert frame["hold"].tolist() == [True, False, False]
    assert frame["is_paid"].tolist() == [False, True, False]
    assert frame["outstanding"].tolist()[0] == 1200.0
    assert "colonne « Lettrage »" in frame["hold_reason"][0]
    [warning] = ledger.problems
    assert warning.row == 2 and warning.severity == "warning"
    assert warning.message.startswith("lettrage partiel")


def test_a_lettering_value_not_known_is_chased_and_said(tmp_path):
    ledger = _read(tmp_path, "Lettrage", ["voir banque", None, None])
    assert ledger.frame["outstanding"].tolist() == [1200.0, 850.0, 430.0]
    assert any("« voir banque » (1) : lettrage non reconnu" in d.what for d in ledger.decisions)


# A « Lettrage » column holding salespeople's initials or region codes, not lettering codes:
# read by its shape, left unread, and said in the run; real codes settle invoices and the run
# says so too (review-nextcase H5).
_SHAPES = [
    pytest.param("Lettrage", ["JD", "MB", "JD"], [False, False, False], id="initials"),
    pytest.param("Let.", ["IDF", "PACA", "ARA"], [False, False, False], id="regions"),
    pytest.param("Lettrage", ["BC", "DF", None], [False, False, False], id="no-sequence"),
    pytest.param("Code lettrage", ["AA", "AA", "AB"], [True, True, True], id="sequence-aa"),
    pytest.param("Lettrage", ["AB", "AC", None], [True, True, False], id="neighbours"),
    pytest.param("Lettrage", ["Non", "A", "-"], [False, True, False], id="one-code"),
]


@pytest.mark.parametrize(("header", "marks", "paid"), _SHAPES)
def test_a_lettering_column_is_read_by_its_shape_and_said_in_the_run(tmp_path, header, marks, paid):
    ledger = _read(tmp_path, header, marks)
    assert ledger.frame["is_paid"].tolist() == paid
    said = " ".join(said_in_run(ledger.decisions))
    if any(paid):
        assert "lettrée (rapprochée de son règlement) : réglée" in said
    else:
        assert f"« {header} » ne ressemble pas à des codes de lettrage" in said


# (marks of F-100, F-101, F-102, is_paid of each) — review-nextcase2 M6: NP / NR typed among
# NQ, NS are lettering codes in sequence, not « non payé » / « non réglé ».
_IN_SEQUENCE = [
    (["NP", "NQ", "NR"], [True, True, True]),
    (["NQ", "NR", None], [True, True, False]),
    (["NP", "AA", "AB"], [False, True, True]),  # NP far from AA, AB: « non payé »
    (["NP", "NR", None], [False, False, False]),  # two abbreviations, no code between
]


@pytest.mark.parametrize(
    ("marks", "paid"), [pytest.param(*c, id="-".join(map(str, c[0]))) for c in _IN_SEQUENCE]
)
def test_abbreviations_in_sequence_with_codes_are_codes(tmp_path, marks, paid):
    frame = _read(tmp_path, "Lettrage", marks).frame
    assert frame["is_paid"].tolist() == paid
