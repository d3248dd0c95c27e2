"""Reminders the workbook says were sent are never ignored, whatever the columns say them
with: « Relancé le » / « Dernière relance » (the reminder date, never the level), a date with
no level column (relance 1 sent that day), « Nombre de relances », a status « Relancée »,
one date column per stage (« 1ère relance », « Relance 2 », « Mise en demeure »). A later
stage sent is never followed by a « Relance 1 » (review-pubwb6 H5, M1); a reminder dated on or
before the due date is still no stage (ledger/early.py)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
BASE = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
ROW = ["F1", "Zeta SARL", D(2026, 9, 1), D(2026, 10, 1), 800.0, "10 rue Garibaldi\n69006 Lyon"]
NOV2, DEC1 = D(2026, 11, 2), D(2026, 12, 1)

CASES = [
    # (id, extra headers, their cells, recorded level, last date, action, letter kind)
    ("date de relance alone", ["Date de relance"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("relancé le", ["Relancé le"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("relancée le", ["Relancée le"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("dernière relance", ["Dernière relance"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("date dernière relance", ["Date dernière relance"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("relance envoyée le", ["Relance envoyée le"], [NOV2], 1, NOV2, "letter", "Relance 2"),
    ("reminded 6 days ago", ["Relancé le"], [DEC1], 1, DEC1, "wait", None),
    ("nombre de relances 2", ["Relancée le", "Nombre de relances"], [NOV2, 2], 2, NOV2, "letter", "Mise en demeure"),
    ("nombre de relances 1", ["Date de relance", "Nombre de relances"], [NOV2, 1], 1, NOV2, "letter", "Relance 2"),
    ("nombre de relances 7 capped", ["Date de relance", "Nb relances"], [NOV2, 7], 2, NOV2, "letter", "Mise en demeure"),  # never a notice (review-late H1)
    ("status relancée", ["Statut", "Relancée le"], ["Relancée", NOV2], 1, NOV2, "letter", "Relance 2"),
    ("1ère relance", ["1ère relance", "2ème relance", "Mise en demeure"], [D(2026, 10, 15), None, None], 1, D(2026, 10, 15), "letter", "Relance 2"),
    ("relance 2", ["Relance 1", "Relance 2", "Mise en demeure"], [D(2026, 10, 15), NOV2, None], 2, NOV2, "letter", "Mise en demeure"),
    ("date mise en demeure", ["Date relance 1", "Date relance 2", "Date mise en demeure"], [D(2026, 10, 15), NOV2, D(2026, 11, 20)], 3, D(2026, 11, 20), "litigation", None),
    # Dated before the due date (1 October): no stage, the first reminder goes now.
    ("stage before the due date", ["1ère relance"], [D(2026, 9, 20)], 1, D(2026, 9, 20), "letter", "Relance 1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "cells", "level", "last", "action", "kind"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_reminders_already_sent_are_read(tmp_path, headers, cells, level, last, action, kind):
    ledger = write_ledger(tmp_path / "l.xlsx", [[*ROW, *cells]], [*BASE, *headers])
    row = read_ledger(ledger, complete_settings(), as_of=AS_OF).frame.iloc[0]
    assert (int(row["level"]), row["last_date"].date(), bool(row["valid"])) == (level, last, True)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert invoice.action == action, invoice.reason
    if kind is None:
        assert invoice.letter is None
    else:
        assert invoice.letter and kind in Path(invoice.letter).name, invoice.letter


DEC15, OCT15 = D(2026, 12, 15), D(2026, 10, 15)
NOT_SENT = [
    # (id, extra headers, their cells, level read, last date, valid, action, letter kind)
    # review-nextcase2 H2: only a date (or x / Oui, dated elsewhere) is a stage sent.
    ("non in later stages", ["Relance 1", "Relance 2", "Mise en demeure"], [OCT15, "Non", "Non"], 1, OCT15, True, "letter", "Relance 2"),
    ("à faire", ["Relance 1", "Relance 2", "Mise en demeure"], [OCT15, "à faire", None], 1, OCT15, True, "letter", "Relance 2"),
    ("zero", ["Relance 1", "Relance 2", "Mise en demeure"], [OCT15, 0, "0"], 1, OCT15, True, "letter", "Relance 2"),
    ("placeholder", ["Relance 1", "Relance 2", "Mise en demeure"], [OCT15, "—", "N/A"], 1, OCT15, True, "letter", "Relance 2"),
    ("x dated elsewhere", ["Date de relance", "Relance 1", "Relance 2"], [NOV2, "x", "Oui"], 2, NOV2, True, "letter", "Mise en demeure"),
    ("mise en demeure non", ["Mise en demeure"], ["Non"], 0, None, True, "letter", "Relance 1"),
    ("mise en demeure NON", ["Mise en demeure"], ["NON"], 0, None, True, "letter", "Relance 1"),
    ("mise en demeure oui undated", ["Mise en demeure"], ["Oui"], 3, None, False, None, None),
    # review-nextcase2 H6: a date after the run's day is planned, not sent.
    ("date de relance ahead", ["Date de relance"], [DEC15], 0, None, True, "letter", "Relance 1"),
    ("relance 2 ahead", ["Relance 1", "Relance 2"], [OCT15, DEC15], 1, OCT15, True, "letter", "Relance 2"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "cells", "level", "last", "valid", "action", "kind"),
    [pytest.param(*c[1:], id=c[0]) for c in NOT_SENT],
)
def test_what_is_not_a_stage_sent(tmp_path, headers, cells, level, last, valid, action, kind):
    path = write_ledger(tmp_path / "l.xlsx", [[*ROW, *cells]], [*BASE, *headers])
    ledger = read_ledger(path, complete_settings(), as_of=AS_OF)
    row = ledger.frame.iloc[0]
    read_last = None if row["last_date"] != row["last_date"] else row["last_date"].date()
    assert (int(row["level"]), read_last, bool(row["valid"])) == (level, last, valid)
    if DEC15 in cells:
        assert any("postérieure au jour" in p.message for p in ledger.problems)
    if not valid:
        return
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    (invoice,) = result.invoices
    assert invoice.action == action, invoice.reason
    assert invoice.letter and kind in Path(invoice.letter).name, invoice.letter
    ws = load_workbook(path).active
    written = [c for r in ws.iter_rows(2, values_only=True) for c in r]
    assert written.count(dt.datetime(2026, 12, 15)) <= cells.count(DEC15)  # never copied as sent


SAID_APART = [
    # (id, extra headers, their cells, level read, warning said) — review-nextcase2 M1, M2
    ("relancée 2 fois beside relance 1", ["Statut", "Niveau de relance", "Date de relance"], ["Relancée 2 fois", "Relance 1", NOV2], 1, "compte plus de relances"),
    ("nombre 0 beside a date", ["Nombre de relances", "Date de relance"], [0, NOV2], 1, "nombre de relances à 0"),
    # only a plain whole number 0–9 counts (review-attack-6 §8): the date alone is Relance 1
    ("2 (tél.)", ["Nombre de relances", "Date de relance"], ["2 (tél.)", NOV2], 1, "nombre de relances attendu"),
    ("deux fois", ["Nombre de relances", "Date de relance"], ["deux", NOV2], 1, "nombre de relances attendu"),
    # a count never says a formal notice was sent (review-late H1)
    ("nombre 3", ["Nombre de relances", "Date de relance"], [3, NOV2], 2, "plus de deux relances"),
    ("nombre 5 undated", ["Nombre de relances"], [5], 2, "plus de deux relances"),
    ("relancée 3 fois", ["Statut", "Date de relance"], ["Relancée 3 fois", NOV2], 2, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "cells", "level", "said"), [pytest.param(*c[1:], id=c[0]) for c in SAID_APART]
)
def test_reminders_said_apart_are_warned(tmp_path, headers, cells, level, said):
    path = write_ledger(tmp_path / "l.xlsx", [[*ROW, *cells]], [*BASE, *headers])
    ledger = read_ledger(path, complete_settings(), as_of=AS_OF)
    assert int(ledger.frame.iloc[0]["level"]) == level
    messages = [p.message for p in ledger.problems]
    assert not any("could not" in m or "convert" in m for m in messages), messages
    if said:
        assert any(said in m for m in messages), messages
