"""An invoice whose reminders are recorded (« Niveau de relance » 1 or more, a reminder date)
was issued: a status calling it a draft or not sent (« À valider », « Non envoyée », « À
envoyer ») never drops it, it is held with a warning naming the cell (review-pubre2 H2); a
« Non » under « Envoyée » never holds it, and a paid invoice stays « Réglée » whatever that
column says (M1). Without a reminder recorded, the rules before hold (test_export_states)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 8)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Adresse",
    "Montant TTC",
    "Montant réglé",
]


def _run(tmp_path, extra, cells, paid=None):
    """F-1 (open, late, nothing said) and F-2 with the extra columns given."""
    base = ["Beta SAS", D(2026, 8, 1), D(2026, 9, 1), ADDRESS, 600.0]
    rows = [["F-1", *base, None, *[None] * len(extra)], ["F-2", *base, paid, *cells]]
    path = write_ledger(tmp_path / "ledger.xlsx", rows, [*HEADS, *extra])
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    found = {i.invoice: i for i in result.invoices}
    assert found["F-1"].action == "letter", found["F-1"]
    return result, found.get("F-2")


REMINDED = [
    # a draft's status beside a recorded reminder: held, never dropped (H2)
    pytest.param(["Statut", "Niveau de relance"], ["À valider", "Relance 2"], "held", id="a-valider-relance-2"),
    pytest.param(["Statut", "Niveau de relance"], ["Non envoyée", "Relance 1"], "held", id="non-envoyee-relance-1"),
    pytest.param(["Statut", "Niveau de relance"], ["À envoyer", 1], "held", id="a-envoyer-level-1"),
    pytest.param(["Statut", "Date de relance"], ["À valider", D(2026, 10, 28)], "held", id="a-valider-reminder-date"),
    pytest.param(["Statut", "Niveau de relance", "Date de relance"], ["À valider", "Relance 2", D(2026, 10, 28)], "held", id="a-valider-level-and-date"),
    # no reminder recorded: a draft, as before
    pytest.param(["Statut", "Niveau de relance"], ["À valider", None], "skipped", id="a-valider-no-reminder"),
    # « Non » under « Envoyée » beside a recorded reminder: sent, chased, with a warning (M1)
    pytest.param(["Envoyée", "Niveau de relance"], ["Non", "Relance 2"], "chased", id="envoyee-non-relance-2"),
    pytest.param(["Envoyée", "Date de relance"], ["Non", D(2026, 10, 29)], "chased", id="envoyee-non-reminder-date"),
    pytest.param(["Envoyée", "Niveau de relance"], ["Non", None], "held-sent", id="envoyee-non-never-reminded"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "cells", "outcome"), REMINDED)
def test_a_recorded_reminder_proves_the_invoice_issued(tmp_path, extra, cells, outcome):
    result, row = _run(tmp_path, extra, cells)
    if outcome == "skipped":
        assert row is None or row.action not in ("letter", "notice"), row
        return
    assert row is not None and row.outstanding == 600.0, row
    said = [p for p in result.problems if p.row == row.row]
    if outcome == "held":
        assert row.action == "hold", row
        assert "mais une relance est enregistrée" in (row.reason or ""), row.reason
        assert any(
            p.column == "Statut"
            and p.value == cells[0]
            and p.severity == "warning"
            and p.message.startswith(f"statut « {cells[0]} » mais une relance est enregistrée")
            for p in said
        ), said
    elif outcome == "chased":
        assert row.action in ("letter", "notice"), row
        assert any(
            p.column == "Envoyée" and "une relance est enregistrée" in p.message for p in said
        ), said
    else:
        assert row.action == "hold" and "non envoyée" in (row.reason or ""), row


PAID = [
    pytest.param(["Envoyée"], ["Non"], id="envoyee-non"),
    pytest.param(["Envoyée", "Niveau de relance"], ["Non", "Relance 1"], id="envoyee-non-reminded"),
    pytest.param(["Sent"], ["Not Sent"], id="not-sent"),
    pytest.param(["Statut", "Niveau de relance"], ["À valider", "Relance 1"], id="a-valider-reminded"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "cells"), PAID)
def test_a_paid_invoice_is_never_held_as_not_sent(tmp_path, extra, cells):
    """Paid wins: no « En attente … non envoyée » written back on a settled invoice."""
    result, row = _run(tmp_path, extra, cells, paid=600.0)
    assert row is not None and row.paid and row.action != "hold", row
    assert "En attente" not in (row.reason or ""), row.reason
    assert "Réglée" in (row.reason or ""), row.reason
    said = [p.message for p in result.problems if p.row == row.row]
    assert not any("non envoyée d'après" in m for m in said), said


def test_a_paid_invoice_marked_not_sent_is_written_back_as_paid(tmp_path):
    """The real run: the workbook reopened says « Réglée » on the paid row, never « En attente »."""
    import openpyxl

    base = ["Beta SAS", D(2026, 8, 1), D(2026, 9, 1), ADDRESS, 600.0]
    rows = [["F-1", *base, None, "Oui"], ["F-2", *base, 600.0, "Non"]]
    path = write_ledger(tmp_path / "ledger.xlsx", rows, [*HEADS, "Envoyée"])
    relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    ws = openpyxl.load_workbook(path).worksheets[0]
    head = [c.value for c in ws[1]]
    status = {
        r[0]: r[head.index("Statut relance")] for r in ws.iter_rows(min_row=2, values_only=True)
    }
    assert str(status["F-2"]).startswith("Réglée"), status
    assert not str(status["F-1"]).startswith("En attente"), status
