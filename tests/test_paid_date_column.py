"""An « Encaissement » column holding dates is the payment date: the invoice paid in full on
that day; a date after the run's day is no payment yet, and the invoice is chased
(review-nextcase L3). A header naming an amount keeps its reading."""

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
HEADERS = ["Client", "N° facture", "Date facture", "Échéance", "Montant TTC", "Adresse", "{h}"]
ROWS = [
    ["Dupont SARL", "F2026-101", D(2026, 8, 1), D(2026, 8, 31), 1200.0, ADDRESS, None],
    ["Martin SAS", "F2026-102", D(2026, 9, 1), D(2026, 10, 1), 2400.0, ADDRESS, D(2026, 10, 5)],
    ["Bernard EURL", "F2026-103", D(2026, 9, 15), D(2026, 10, 15), 600.0, ADDRESS, None],
    ["Petit SA", "F2026-104", D(2026, 10, 1), D(2026, 10, 31), 900.0, ADDRESS, D(2026, 12, 20)],
]
# (header, whether its dates are read as the payment date)
CASES = [("Encaissement", True), ("Encaissé", True), ("Réglé", True), ("Payé", True),
         ("Montant encaissé", False)]  # fmt: skip


def _ledger(path, header):
    return write_ledger(path, ROWS, [h.format(h=header) for h in HEADERS])


@pytest.mark.parametrize(("header", "dated"), [pytest.param(*c, id=c[0]) for c in CASES])
def test_a_payment_column_of_dates_is_the_payment_date(tmp_path, header, dated):
    ledger = read_ledger(_ledger(tmp_path / "enc.xlsx", header), Settings(), as_of=AS_OF)
    frame = ledger.frame.set_index("invoice")
    if not dated:  # « Montant encaissé » = a date: a problem on its row, never paid
        assert "paid" in ledger.positions and "payment_date" not in ledger.positions
        assert not frame.loc["F2026-102", "valid"] and not frame["is_paid"].any()
        return
    assert ledger.positions["payment_date"] == 6 and "paid" not in ledger.positions
    [future] = ledger.problems  # as any payment date to come: said, not a payment
    assert future.row == 5 and future.severity == "warning"
    assert future.message.startswith("date de règlement postérieure à la date du jour")
    assert frame["is_paid"].tolist() == [False, True, False, False]  # 20/12: not yet
    assert frame.loc["F2026-102", "payment_date"].date() == D(2026, 10, 5)
    assert frame.loc["F2026-104", "outstanding"] == 900.0


def test_the_run_chases_the_unpaid_and_the_not_yet_paid(tmp_path):
    path = _ledger(tmp_path / "enc.xlsx", "Encaissement")
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    chased = {i for x in result.letters for i in x.invoices}
    assert {"F2026-101", "F2026-103", "F2026-104"} <= chased
    assert "F2026-102" not in chased
    ws = load_workbook(path)["Factures"]
    header = [c.value for c in ws[1]]
    rows = {r[1]: dict(zip(header, r, strict=False)) for r in ws.iter_rows(2, values_only=True)}
    assert rows["F2026-104"]["Niveau de relance"] == "Relance 1"
    assert rows["F2026-102"]["Niveau de relance"] is None
    assert rows["F2026-102"]["Encaissement"] == dt.datetime(2026, 10, 5)
