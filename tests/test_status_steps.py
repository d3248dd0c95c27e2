"""Statuses that name a step of the collection, not a payment: « Pré-contentieux » is the
last amicable stage, never litigation (review-pubwb5 H8); « Mise en demeure » means a formal
notice was sent, so the next letter never restarts at « 1re relance » (M8); a « Promesse de
paiement » holds until its date (M8); « Régularisé(e) », « Sans suite » are not chased (M7);
Dolibarr's « Payée partiellement » (closed, its remainder abandoned) is not chased for the
remainder (M10); Odoo's « En paiement » waits (H5)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.levels import FORMAL_NOTICE
from relance_xlsx.ledger.pending import (
    CLOSED_PART_PAID,
    NOTICE_SENT,
    PRE_LITIGATION,
    PROMISED,
)

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Statut"]


def _read(tmp_path, status, extra=None):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS + list(extra or {}))
    for number, value in (("F1", status), ("F2", None)):
        more = list((extra or {}).values()) if number == "F1" else [None] * len(extra or {})
        ws.append([number, "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, value, *more])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


def _outcome(ledger):
    """skipped, waiting, held (with its warning), open, or the level it was given."""
    frame = ledger.frame.set_index("invoice")
    if "F1" not in frame.index:
        return "skipped"
    row = frame.loc["F1"]
    assert row["level"] == 0, "a status never writes a level here"
    if row["wait_reason"] is not None:
        return "waiting"
    return "held" if row["hold"] else "open"


STEPS = [
    # (status, outcome, the warning on its row)
    *[(s, "held", PRE_LITIGATION) for s in ("Pré-contentieux", "Précontentieux", "Pre-litigation",
                                            "En pré-contentieux", "PRE CONTENTIEUX")],
    *[(s, "held", NOTICE_SENT) for s in ("Mise en demeure", "mise_en_demeure",
                                         "Mise en demeure envoyée", "Mis en demeure le 02/11",
                                         "MED")],
    *[(s, "held", PROMISED) for s in ("Promesse de paiement", "promesse_paiement",
                                      "Paiement promis", "Promise to pay")],
    *[(s, "held", CLOSED_PART_PAID) for s in ("Payée partiellement", "Payée (partiellement)",
                                              "Classée payée partiellement")],
    *[(s, "skipped", None) for s in ("Régularisé", "Régularisée", "Régularisé - OK", "Sans suite",
                                     "REGULARISE")],
    *[(s, "open", None) for s in ("Non régularisé", "Pas encore régularisée", "Comptabilisé")],
    # Still owed: only a bare « Régularisé(e) » or « Sans suite » closes (review-nextcase H2).
    *[(s, "open", None) for s in ("À régulariser", "A regulariser", "Relance 1 - à régulariser",
                                  "Sans suite de sa part", "En attente de régularisation")],
    *[(s, "waiting", None) for s in ("En paiement", "Valeur envoyée à l'encaissement")],
]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "outcome", "warning"), [pytest.param(*s, id=s[0]) for s in STEPS]
)
def test_a_step_in_the_status_is_read_for_what_it_means(tmp_path, status, outcome, warning):
    ledger = _read(tmp_path, status)
    assert _outcome(ledger) == outcome
    warnings = [p.message for p in ledger.problems if p.row == 2]
    assert warnings == ([warning] if warning else [])
    said = " ".join(d.what for d in ledger.decisions)
    assert "statut non reconnu" not in said and "au contentieux" not in said
    if warning:  # `check` names the step, never « en litige »
        assert f"{warning.split(' : ')[0]} : en attente" in said and "en litige" not in said


def test_a_promise_with_its_date_is_held_by_the_date_alone(tmp_path):
    ledger = _read(tmp_path, "Promesse de paiement", {"Date promise": D(2026, 12, 15)})
    frame = ledger.frame.set_index("invoice")
    assert not frame.loc["F1", "hold"] and not ledger.problems
    assert frame.loc["F1", "promise_date"] == dt.datetime(2026, 12, 15)


# A promise whose status writes its date holds until that date, as a « Date promise » column
# does (review-nextcase M1).
@pytest.mark.parametrize(
    "status",
    ["Promesse de paiement au 15/01/2027", "Paiement promis pour le 15.01.2027",
     "Promesse de règlement le 15/01/27"],
)  # fmt: skip
def test_a_promise_written_with_its_date_holds_until_it(tmp_path, status):
    ledger = _read(tmp_path, status)
    frame = ledger.frame.set_index("invoice")
    assert not frame.loc["F1", "hold"] and not ledger.problems
    assert frame.loc["F1", "promise_date"] == dt.datetime(2027, 1, 15)


# « MED », « Mise en demeure envoyée » with its « Date de relance » and no level written: the
# notice stage is reached, neither held nor sent back to Relance 1 (review-nextcase M2).
@pytest.mark.parametrize(
    "status", ["MED", "Mise en demeure envoyée", "Mise en demeure envoyée le 15/11/2026"]
)
@pytest.mark.parametrize("level_column", [False, True], ids=["no-level-column", "level-empty"])
def test_a_dated_notice_in_the_status_is_the_notice_stage(tmp_path, status, level_column):
    extra = {"Date de relance": D(2026, 11, 15)}
    if level_column:
        extra = {"Niveau de relance": None, **extra}
    ledger = _read(tmp_path, status, extra)
    row = ledger.frame.set_index("invoice").loc["F1"]
    assert (row["level"], bool(row["hold"])) == (FORMAL_NOTICE, False)
    assert not [p for p in ledger.problems if p.row == 2]


# A formal notice or the pre-litigation stage already written as the level: the status says
# nothing new, the escalation goes on from that level.
@pytest.mark.parametrize("status", ["Mise en demeure", "Pré-contentieux"])
@pytest.mark.parametrize(
    ("level", "held"),
    [
        pytest.param("Mise en demeure", False, id="level-notice"),
        pytest.param("Relance 2", True, id="level-2"),
        pytest.param(None, True, id="no-level"),
    ],
)
def test_a_notice_status_beside_the_level(tmp_path, status, level, held):
    extra = {"Niveau de relance": level, "Date de relance": D(2026, 11, 2)}
    row = _read(tmp_path, status, extra).frame.set_index("invoice").loc["F1"]
    if status == "Mise en demeure" and level is None:  # dated: the notice stage (M2)
        held = False
    assert bool(row["hold"]) == held


# « Règlement commencé » (Dolibarr's payment under way) is a part paid: with a paid column, the
# rest is chased; « Payée partiellement » beside one is held all the same.
@pytest.mark.parametrize(
    ("status", "outstanding", "held"),
    [
        pytest.param("Règlement commencé", 40.0, False, id="reglement-commence"),
        pytest.param("Partiellement payée", 40.0, False, id="partiellement-payee"),
        pytest.param("Payée partiellement", 40.0, True, id="payee-partiellement"),
    ],
)
def test_a_part_paid_status_beside_a_paid_column(tmp_path, status, outstanding, held):
    ledger = _read(tmp_path, status, {"Déjà réglé": 60.0, "Reste à encaisser": 40.0})
    row = ledger.frame.set_index("invoice").loc["F1"]
    assert (row["outstanding"], bool(row["hold"])) == (outstanding, held)
