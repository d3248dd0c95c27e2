"""Something under way leaves the amount owed in doubt: a credit note to come, a cancellation
asked or partial. The invoice is held with a warning on its row, neither chased in full nor
read as a credit note (review-pubwb4 L11); and the neighbouring readings
that review found wrong: « Client ne conteste pas » is no dispute, « Journal » = « AC » is the
purchases journal, an « Avoir » column of amounts is the credit applied (M7)."""

from __future__ import annotations

import pytest
from test_lettering import _read

_UNDER_WAY = [
    ("Statut", "Avoir à faire", "avoir à venir"),
    ("Statut", "Avoir demandé", "avoir à venir"),
    ("Statut", "Avoir en attente", "avoir à venir"),
    ("Statut", "Annulation demandée", "annulation demandée"),
    ("Statut", "Annulée partiellement", "annulation demandée"),
    ("Avoir à émettre", "Oui", "avoir à émettre"),
    ("Avoir à faire", "X", "avoir à émettre"),
    ("Avoir demandé", "Oui", "avoir à émettre"),
    ("Annulée", "Annulée partiellement", "annulation demandée"),
    ("Annulée", "Annulation demandée par le client", "annulation demandée"),
    ("Avoir", "Avoir à émettre", "avoir à venir"),
]


@pytest.mark.parametrize(
    ("header", "value", "said"), [pytest.param(*u, id=f"{u[0]}={u[1]}") for u in _UNDER_WAY]
)
def test_something_under_way_holds_the_invoice_with_a_row_warning(tmp_path, header, value, said):
    ledger = _read(tmp_path, header, [value, None, None])
    frame = ledger.frame
    assert frame["invoice"].tolist() == ["F-100", "F-101", "F-102"]  # never skipped
    assert frame["hold"].tolist() == [True, False, False]
    assert not frame["is_credit"].any()
    assert frame["outstanding"].tolist() == [1200.0, 850.0, 430.0]  # not read as a credit
    assert f"colonne « {header} »" in frame["hold_reason"][0]
    [warning] = ledger.problems
    assert warning.row == 2 and warning.severity == "warning"
    assert warning.message.startswith(said)


_NOTHING = [
    ("Avoir à émettre", "Non"),
    ("Avoir demandé", None),
    ("Statut", "Pas d'avoir à faire"),
    ("Annulée", "Non annulée"),
    ("Commentaire", "Client ne conteste pas"),
    ("Commentaire", "Le client ne la conteste plus"),
    ("Commentaire", "N'a pas contesté"),
    ("Statut", "Contentieux évité"),  # review-nextcase M7: chased
    ("Journal", "AC"),
    ("Code journal", "AC"),
]


@pytest.mark.parametrize(
    ("header", "value"), [pytest.param(*n, id=f"{n[0]}={n[1]}") for n in _NOTHING]
)
def test_what_says_nothing_under_way_leaves_the_invoice_open(tmp_path, header, value):
    ledger = _read(tmp_path, header, [value, None, value])
    frame = ledger.frame
    assert not frame["hold"].any() and not frame["is_credit"].any()
    assert frame["outstanding"].tolist() == [1200.0, 850.0, 430.0]
    assert not ledger.problems


def test_a_dispute_in_the_remarks_still_holds(tmp_path):
    ledger = _read(tmp_path, "Commentaire", ["Ne pas relancer - litige en cours", None, None])
    assert ledger.frame["hold"].tolist() == [True, False, False]


@pytest.mark.parametrize("header", ["Type", "Type pièce"])
def test_ac_is_still_a_credit_note_as_a_document_type(tmp_path, header):
    assert _read(tmp_path, header, ["AC", None, None]).frame["is_credit"].tolist()[0]


@pytest.mark.parametrize(
    ("marks", "applied"),
    [
        pytest.param([200, None, 0], [200.0, 0.0, 0.0], id="200-vide-0"),
        pytest.param([200.5, 30, None], [200.5, 30.0, 0.0], id="decimales"),
        pytest.param(["200,00 €", None, None], [200.0, 0.0, 0.0], id="texte"),
    ],
)
def test_an_avoir_column_of_amounts_is_the_credit_applied(tmp_path, marks, applied):
    ledger = _read(tmp_path, "Avoir", marks)
    frame = ledger.frame
    assert frame["applied"].tolist() == applied
    assert frame["outstanding"].tolist() == [1200.0 - applied[0], 850.0 - applied[1], 430.0]
    assert not frame["is_credit"].any()
    assert not any("non reconnu" in d.what for d in ledger.decisions)
