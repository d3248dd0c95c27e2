"""A « Contentieux » column: « Oui » or a date is the level « Contentieux »; a clear no or an
empty cell leaves the invoice open; anything else (a lawyer's name, « Pré-contentieux », « à
surveiller ») holds it with a warning that calls it litigation, never a friendly reminder beside
the lawyer, and never the level written for a word not read (review-pubwb4 M9)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_lettering import _read

from relance_xlsx.ledger.levels import LITIGATION

D = dt.date
_HEADERS = ["Contentieux", "Dossier contentieux", "Transmis au contentieux"]
_NAMED = [
    "Me Durand", "Pré-contentieux", "à surveiller", "Cabinet X", "En cours", "Précontentieux",
    "Huissier Martin", "?",
]  # fmt: skip


@pytest.mark.parametrize("header", [pytest.param(h, id=h) for h in _HEADERS])
@pytest.mark.parametrize("value", [pytest.param(v, id=v) for v in _NAMED])
def test_a_name_under_contentieux_holds_the_invoice_as_litigation(tmp_path, header, value):
    ledger = _read(tmp_path, header, [value, None, "Non"])
    frame = ledger.frame
    assert frame["hold"].tolist() == [True, False, False]
    assert frame["level"].tolist() == [0, 0, 0]  # nothing written as « Contentieux »
    assert f"colonne « {header} »" in frame["hold_reason"][0]
    [warning] = ledger.problems
    assert warning.row == 2 and warning.severity == "warning"
    assert warning.message.startswith("contentieux à confirmer")
    said = " ".join(d.what for d in ledger.decisions)
    assert "contentieux à confirmer" in said and "clôture" not in said


_NO = ["Non", "-", "NON", "Non transmis", "Pas encore", "", None, "Pas de contentieux", 0]


@pytest.mark.parametrize("value", [pytest.param(v, id=repr(v)) for v in _NO])
def test_a_clear_no_under_contentieux_leaves_the_invoice_open(tmp_path, value):
    ledger = _read(tmp_path, "Contentieux", [value, value, value])
    assert not ledger.frame["hold"].any() and not ledger.problems
    assert ledger.frame["level"].tolist() == [0, 0, 0]


_YES = [D(2026, 11, 2), "Oui", "X", "En contentieux", "Contentieux", 1]


@pytest.mark.parametrize("value", [pytest.param(v, id=repr(v)) for v in _YES])
def test_a_yes_or_a_date_under_contentieux_is_the_litigation_level(tmp_path, value):
    ledger = _read(tmp_path, "Contentieux", [value, None, None])
    assert ledger.frame["level"].tolist() == [LITIGATION, 0, 0]
    assert not ledger.frame["hold"].any()
