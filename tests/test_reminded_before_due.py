"""A reminder recorded before the invoice's due date (as the tool computes it: a public
buyer's legal term included) is no stage of dunning (the lawyer's review of the ordinary
letters, finding 1; Code civil 1344, L441-10 II, L2192-13): the invoice gets its first
reminder, no letter cites that date, and the run says so once per invoice."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Litige"]  # fmt: skip
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


def _text(path: str) -> str:
    doc = Document(path)
    return "\n".join(p.text for p in all_paragraphs(doc)).replace("\xa0", " ")


CASES = [
    # The review's Q1: due 30/11/2026, « Relance 2 » typed for 25/11/2026: a relance 1 today.
    pytest.param(["Q1", "Zeta SARL", None, D(2026, 10, 31), D(2026, 11, 30), 800.0, ADDRESS, "Relance 2", D(2026, 11, 25), None],
                 "letter", 1, "Relance 1", "« Relance 2 » du 25/11/2026, antérieure à l'échéance du 30/11/2026",
                 id="b2b-relance-2-typed-before-the-due-date"),
    # The review's F401: a centre hospitalier, no due date typed: 50 days (R2192-11) from
    # 10/10/2026 is 29/11/2026; the office reminded on 25/11 (it counted 30 days).
    pytest.param(["F401", "Centre hospitalier de Vienne", "Centre hospitalier", D(2026, 10, 10), None, 1500.0, ADDRESS, "Relance 2", D(2026, 11, 25), None],
                 "letter", 1, "Relance 1", "« Relance 2 » du 25/11/2026, antérieure à l'échéance légale du 29/11/2026",
                 id="public-legal-term-later-than-the-office-s-reminder"),
    # A « mise en demeure » typed before the due date: no litigation, a relance 1.
    pytest.param(["Q3", "Zeta SARL", None, D(2026, 10, 1), D(2026, 11, 15), 500.0, ADDRESS, "Mise en demeure", D(2026, 11, 10), None],
                 "letter", 1, "Relance 1", "« Mise en demeure » du 10/11/2026, antérieure à l'échéance du 15/11/2026",
                 id="notice-typed-before-the-due-date"),
    # The review's Q2: not due yet (09/12/2026): nothing sent, but the run says it.
    pytest.param(["Q2", "CHU de Lyon", "CHU", D(2026, 10, 20), None, 1000.0, ADDRESS, "Relance 1", D(2026, 11, 22), None],
                 "none", 1, None, "« Relance 1 » du 22/11/2026, antérieure à l'échéance légale du 09/12/2026",
                 id="not-due-yet-said-only"),
    # In dispute: no letter, and its recorded level is left as it is (never cleared).
    pytest.param(["Q4", "Zeta SARL", None, D(2026, 10, 31), D(2026, 11, 30), 800.0, ADDRESS, "Relance 2", D(2026, 11, 25), "oui"],
                 "hold", 2, None, "« Relance 2 » du 25/11/2026, antérieure à l'échéance du 30/11/2026",
                 id="on-hold-keeps-its-level"),
    # The lawyer's review of 7 December, M1: « Relance 1 » dated ON the due date (30/11/2026):
    # nothing was late that day (penalties run from the day after, L441-10 II): a relance 1.
    pytest.param(["S1", "Zeta SARL", None, D(2026, 10, 31), D(2026, 11, 30), 800.0, ADDRESS, "Relance 1", D(2026, 11, 30), None],
                 "letter", 1, "Relance 1", "« Relance 1 » du 30/11/2026, du jour de l'échéance du 30/11/2026",
                 id="reminder-dated-on-the-due-date"),
    # A reminder dated after the due date is a stage, unchanged: relance 2 cites it.
    pytest.param(["Q5", "Zeta SARL", None, D(2026, 9, 30), D(2026, 10, 30), 800.0, ADDRESS, "Relance 1", D(2026, 11, 5), None],
                 "letter", 2, "Relance 2", None,
                 id="reminded-after-the-due-date-unchanged"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "action", "level", "kind", "warned"), CASES)
def test_a_reminder_before_the_due_date_is_no_stage(tmp_path, row, action, level, kind, warned):
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert (invoice.action, invoice.level) == (action, level), invoice.reason
    said = [w for w in result.warnings if "de l'échéance du" in w or "antérieure à" in w]
    if warned:
        assert len(said) == 1 and warned in said[0] and said[0].startswith("Ligne 2, facture"), said
    else:
        assert not said
    if kind is None:
        assert invoice.letter is None
        sheet = load_workbook(ledger).active
        assert sheet.cell(2, 8).value == row[7]  # the recorded level is never cleared
        return
    assert invoice.letter and kind in Path(invoice.letter).name
    text = _text(invoice.letter)
    on = row[8].strftime("%d/%m/%Y")
    if warned:
        # Never « Malgré nos relances, dont celle du 25 novembre 2026 »: nothing was due then.
        assert "Malgré" not in text and (row[8] == row[4] or on not in text), text
        assert "relance du 25 novembre" not in text and "relance du 30 novembre" not in text, text
        assert "l'échéance : non comptée" in invoice.reason
        sheet = load_workbook(ledger).active
        assert sheet.cell(2, 8).value == "Relance 1"
    else:
        assert "Malgré notre relance du 5 novembre 2026" in text, text
