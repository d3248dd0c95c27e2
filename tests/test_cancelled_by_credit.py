"""An invoice whose status says it was cancelled by a credit note (Axonaut's « Annulée par
avoir », « Annulée (avoir n° …) », Zervant's « Créditée », « Avoir émis ») is cancelled:
skipped with its reason, never a credit of its own amount in the client's favour, never
chased (review-pubwb6 H3, M2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Statut", "Adresse"]
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
STATUSES = [
    "Annulée par avoir", "Annulée (avoir n° AV00001)", "Annulée - avoir AV00001", "Créditée",
    "Crédité", "Facture créditée", "Avoir émis", "Cancelled by credit note",
]  # fmt: skip


@pytest.mark.parametrize("status", STATUSES)
def test_an_invoice_cancelled_by_a_credit_note_is_skipped(tmp_path, status):
    rows = [
        ["FA00068", "Delta SA", D(2026, 9, 1), D(2026, 10, 1), 600.0, status, ADDRESS],
        ["AV00001", "Delta SA", D(2026, 9, 15), D(2026, 9, 15), -600.0, "Avoir", ADDRESS],
        ["FA00070", "Delta SA", D(2026, 9, 20), D(2026, 10, 20), 2400.0, "En retard", ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    read = read_ledger(ledger, complete_settings(), as_of=AS_OF)
    assert "FA00068" not in set(read.frame["invoice"])
    (skip,) = [s for s in read.skipped if s.row == 2]
    assert "annulée" in skip.reason
    credits = read.frame[read.frame["is_credit"]]
    assert credits["outstanding"].tolist() == [-600.0]  # AV00001 alone, never FA00068
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o", pdf=False
    )
    assert {i.invoice for i in result.invoices if i.action == "letter"} == {"FA00070"}


@pytest.mark.parametrize(
    "status", ["Avoir", "Avoir à venir", "Sans avoir", "Annulée partiellement"]
)
def test_other_credit_words_keep_their_meaning(tmp_path, status):
    rows = [["F1", "Delta SA", D(2026, 9, 1), D(2026, 10, 1), 600.0, status, ADDRESS]]
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, HEADERS), complete_settings(), as_of=AS_OF
    )
    assert [s.row for s in read.skipped] == []


@pytest.mark.parametrize("status", ["Avoir émis", "Créditée", "Annulée par avoir"])
def test_the_credit_note_itself_issued_stays_a_credit(tmp_path, status):
    """« Avoir émis » on the credit note's own row (a negative amount) is the credit issued:
    never skipped as a cancelled invoice, so the client's balance keeps it."""
    rows = [
        ["FA00070", "Delta SA", D(2026, 9, 20), D(2026, 10, 20), 2400.0, "En retard", ADDRESS],
        ["AV00001", "Delta SA", D(2026, 9, 15), D(2026, 9, 15), -600.0, status, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    read = read_ledger(ledger, complete_settings(), as_of=AS_OF)
    credits = read.frame[read.frame["is_credit"]]
    assert credits["invoice"].tolist() == ["AV00001"]
    assert credits["outstanding"].tolist() == [-600.0]


# (status, the row's « Avoir », invoice amount, what is still owed, or "held")
# review-nextcase2 H4: a partial credit on the row is deducted, never the invoice skipped whole.
PARTIAL = [
    ("Annulée par avoir", 200.0, 1200.0, 1000.0),
    ("Créditée", 150.0, 600.0, 450.0),
    ("Avoir émis", None, 600.0, "skipped"),  # no credit on the row: cancelled, as before
    ("Annulée par avoir", 600.0, 600.0, "skipped"),  # the whole invoice credited
    ("Avoir émis (200 €)", None, 600.0, 400.0),
    ("Annulation de l'avoir AV-3", None, 600.0, 600.0),  # the credit note is what was cancelled
    ("Annulation de l'avoir", None, 600.0, 600.0),
]


@pytest.mark.parametrize(
    ("status", "credit", "amount", "owed"),
    [pytest.param(*c, id=f"{c[0]}-{c[1]}") for c in PARTIAL],
)
def test_a_partial_credit_on_the_row_leaves_the_rest_owed(tmp_path, status, credit, amount, owed):
    rows = [
        ["F1", "Delta SA", D(2026, 9, 1), D(2026, 10, 1), amount, status, ADDRESS, credit],
        ["F2", "Omega SA", D(2026, 9, 1), D(2026, 10, 1), 300.0, "", ADDRESS, 100.0],
    ]
    path = write_ledger(tmp_path / "l.xlsx", rows, [*HEADERS, "Avoir"])
    read = read_ledger(path, complete_settings(), as_of=AS_OF)
    if owed == "skipped":
        assert [s.row for s in read.skipped] == [2]
        return
    assert [s.row for s in read.skipped] == []
    row = read.frame.set_index("invoice").loc["F1"]
    assert (bool(row["is_credit"]), bool(row["valid"])) == (False, True)
    assert row["outstanding"] == pytest.approx(owed)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o")
    (f1,) = [i for i in result.invoices if i.invoice == "F1"]
    assert f1.action == "letter", f1.reason
