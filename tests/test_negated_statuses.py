"""Negated cancellation, credit and litigation words (« Pas de contentieux », « Non annulée »,
« Avoir refusé ») are not read as what they negate (review-pubwb4 H1)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.flagged import FLAG_READERS
from relance_xlsx.ledger.kinds import is_credit_kind
from relance_xlsx.ledger.statuses import CANCELLED, CREDIT, LITIGATION, status_meaning

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
NOT_LITIGATION = ["Pas de contentieux", "Hors contentieux", "Contentieux : non", "Sans contentieux"]
NOT_CANCELLED = ["Pas annulée", "Non annulée", "Annulation refusée", "Annulation annulée"]
NOT_CREDIT = ["Avoir refusé", "Sans avoir", "Pas d'avoir"]
NEGATED = [*NOT_LITIGATION, *NOT_CANCELLED, *NOT_CREDIT]
STRONG = (LITIGATION, CANCELLED, CREDIT)


@pytest.mark.parametrize("status", [pytest.param(s, id=s) for s in NEGATED])
def test_a_negated_status_never_has_the_strong_meaning(status):
    assert status_meaning(status) not in STRONG


@pytest.mark.parametrize("status", [pytest.param(s, id=s) for s in NEGATED])
@pytest.mark.parametrize("column", ["litigation", "cancelled", "credit_flag"])
def test_a_negated_oui_non_cell_says_no_strong_meaning(status, column):
    meaning, says_yes, _unknown = FLAG_READERS[column]
    assert meaning(status) not in STRONG
    assert says_yes(status) is not True


@pytest.mark.parametrize("kind", [pytest.param(s, id=s) for s in NOT_CREDIT])
def test_a_negated_credit_kind_is_no_credit_note(kind):
    assert not is_credit_kind(kind)


@pytest.mark.parametrize(
    ("status", "meaning"),
    [("Contentieux", LITIGATION), ("Transmis au contentieux le 02/11", LITIGATION),
     ("Annulée", CANCELLED), ("Avoir", CREDIT)],
)  # fmt: skip
def test_the_plain_words_keep_their_meaning(status, meaning):
    assert status_meaning(status) == meaning


def test_a_ledger_of_negated_statuses_is_read_and_chased(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Statut"])  # fmt: skip
    for i, status in enumerate(NEGATED):
        ws.append([f"F-{100 + i}", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS,
                   status])  # fmt: skip
    wb.save(tmp_path / "neg.xlsx")
    ledger = read_ledger(tmp_path / "neg.xlsx", Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    assert len(frame) == len(NEGATED)
    assert not frame["is_credit"].any()
    assert not frame["is_paid"].any()
    assert (frame["level"] == 0).all()  # never the level « Contentieux »
