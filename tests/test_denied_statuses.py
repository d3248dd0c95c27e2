"""A status that names a dispute, a cancellation, a credit note or litigation only to deny it
(« Client conteste pas », « Annulation demandée - refusée », « Demande d'avoir refusée »,
« contentieux évité ») is an ordinary unpaid invoice, chased; the plain words still hold it
(review-nextcase M7)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "1 rue de la Paix\n75002 Paris"
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse", "Statut"]

# (status, whether the invoice is held)
CASES = [
    ("Client conteste pas", False),
    ("ne conteste pas", False),
    ("Le client ne conteste plus", False),
    ("Annulation demandée - refusée", False),
    ("Demande d'avoir refusée", False),
    ("Avoir demandé - refusé par la direction", False),
    ("contentieux évité", False),
    ("Relancé, contentieux évité de justesse", False),
    ("conteste", True),
    ("Client conteste", True),
    ("Contesté, pas payé", True),
    ("Litige", True),
    ("Annulation demandée", True),
    ("Demande d'avoir", True),
    ("Contentieux", True),
]


def _ledger(path, statuses):
    rows = [
        [f"Client {i}", f"F-{i}", D(2026, 8, 1), D(2026, 8, 31), 1200.0, ADDRESS, status]
        for i, status in enumerate(statuses)
    ]
    return write_ledger(path, rows, HEADERS)


@pytest.mark.parametrize(("status", "held"), [pytest.param(*c, id=c[0]) for c in CASES])
def test_a_denied_dispute_or_request_is_an_ordinary_unpaid_invoice(tmp_path, status, held):
    ledger = read_ledger(_ledger(tmp_path / "s.xlsx", [status]), Settings(), as_of=AS_OF)
    row = ledger.frame.iloc[0]
    stopped = bool(row["hold"] or row["level"] > 0 or not row["valid"])
    assert stopped is held
    assert not row["is_credit"] and not row["is_paid"] and row["outstanding"] == 1200.0
    if not held:  # nothing said against it: not even « statut non reconnu »
        assert not ledger.problems, ledger.problems


def test_the_run_chases_the_denied_ones_and_writes_them_down(tmp_path):
    statuses = [s for s, _ in CASES]
    path = _ledger(tmp_path / "s.xlsx", statuses)
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    chased = {i for x in result.letters for i in x.invoices}
    assert chased == {f"F-{i}" for i, (_, held) in enumerate(CASES) if not held}
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    for i, (status, held) in enumerate(CASES):
        level = rows[f"F-{i}"]["Niveau de relance"]
        assert (level == "Relance 1") is not held, status
