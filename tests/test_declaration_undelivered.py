"""An invoice dated after the opening judgment without a delivery date: its status says the
declaration's caveat, « si la prestation est antérieure au <jugement>, la créance est née
avant » with the BODACC deadline (review-late M5); with a delivery date after the judgment,
no caveat."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
A = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC",
           "Date de livraison"]  # fmt: skip


@pytest.mark.parametrize(
    ("delivered", "caveat"),
    [
        pytest.param(None, True, id="no-delivery-date"),
        pytest.param(D(2026, 9, 3), False, id="delivered-after-judgment"),
    ],
)
def test_a_later_invoice_without_delivery_date_says_the_earlier_deadline(
    tmp_path, delivered, caveat
):
    row = ["W1", "Post SAS", D(2026, 9, 5), D(2026, 11, 4), 1000.0, A,
           "Redressement judiciaire", D(2026, 9, 1), D(2026, 9, 15), delivered]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 7),
                              out_dir=tmp_path / "o", pdf=False)  # fmt: skip
    [w1] = result.invoices
    assert "Créance née après le jugement" in w1.reason
    said = "si la prestation est antérieure au 01/09/2026, la créance est née avant"
    assert (said in w1.reason) is caveat
    if caveat:
        assert "16/11/2026" in w1.reason.split(said)[1] and "L622-26" in w1.reason
