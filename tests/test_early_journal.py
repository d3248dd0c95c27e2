"""Dunning stages count only the letters dated after the due date, the journal's lines and
the ledger's cell alike (the lawyer's review lawnew L4): the hospital reminded on 25/11, before
its legal due date of 29/11 (10/10 + 50 days, R2192-11), then on 02/12 (the ledger's « Relance
2 »), has had one letter once late: a relance 2 follows, never a mise en demeure. Read in the
written letter."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.datetime
HEADERS = ["N° facture", "Client", "Type client", "Langue", "Adresse", "Date facture", "Échéance",
           "Montant TTC", "Niveau de relance", "Date de relance"]  # fmt: skip
JOURNAL = (
    "Date d'exécution",
    "N° facture",
    "Client",
    "Niveau",
    "Action",
    "Reste dû",
    "Intérêts",
    "Indemnité",
    "Courrier",
)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HOSPITAL = [
    "HJ1",
    "Centre hospitalier de Vienne",
    "Centre hospitalier",
    "fr",
    ADDRESS,
    D(2026, 10, 10),
    None,
    1500.0,
]
ZETA = ["Z1", "Zeta SARL", None, "fr", ADDRESS, D(2026, 10, 1), D(2026, 10, 31), 800.0]


def _journal(lines):
    def add(wb):
        ws = wb.create_sheet("Journal des relances")
        ws.append(JOURNAL)
        for day, row, level in lines:
            ws.append((day, row[0], row[1], level, "Courrier", row[7], 0.0, 0.0, "x.docx"))

    return add


CASES = [
    # The review's case: journal R1 25/11 (before 29/11), R2 02/12; ledger « Relance 2 » 02/12.
    pytest.param(HOSPITAL, "Relance 2", D(2026, 12, 2), [(D(2026, 11, 25), HOSPITAL, "Relance 1"), (D(2026, 12, 2), HOSPITAL, "Relance 2")],
                 D(2026, 12, 21), "Relance 2", "Malgré notre relance du 2 décembre 2026", id="hospital-one-letter-after-the-legal-due-date"),
    # Two letters after the due date, one before: the second after it counts as relance 2.
    pytest.param(ZETA, "Relance 2", D(2026, 11, 20), [(D(2026, 10, 25), ZETA, "Relance 1"), (D(2026, 11, 5), ZETA, "Relance 1"), (D(2026, 11, 20), ZETA, "Relance 2")],
                 D(2026, 12, 7), "Mise en demeure", "Malgré nos relances", id="two-letters-after-the-due-date-notice"),
    # A journal without an early letter: the ledger's stage unchanged.
    pytest.param(ZETA, "Relance 2", D(2026, 11, 20), [(D(2026, 11, 20), ZETA, "Relance 2")],
                 D(2026, 12, 7), "Mise en demeure", "relance", id="no-early-letter-unchanged"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "level", "on", "journal", "as_of", "kind", "cites"), CASES)
def test_only_letters_after_the_due_date_are_stages(
    tmp_path, row, level, on, journal, as_of, kind, cites
):
    ledger = write_ledger(
        tmp_path / "l.xlsx", [[*row, level, on]], HEADERS, extra=_journal(journal)
    )
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=as_of.date(), out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert invoice.letter and kind in Path(invoice.letter).name, (invoice.reason, invoice.letter)
    text = " ".join(p.text for p in all_paragraphs(Document(invoice.letter))).replace("\xa0", " ")
    assert cites in text, text
    assert "25 novembre" not in text and "25 octobre" not in text, text
