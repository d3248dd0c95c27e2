"""The ordinary headers of accounting firms, landlords, syndics and associations read without
a config step (review-pubwb7 H5): « Honoraires TTC », « Loyer + charges », « Cotisation »,
« Locataire », « Copropriétaire », « Payeur »… Each ledger is built by code and read for real."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import write_ledger

from relance_xlsx.config import Settings
from relance_xlsx.ledger.reader import read_ledger

D = dt.date


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        pytest.param(["N° de pièce", "Client", "Date", "Date d'échéance", "Honoraires TTC", "Réglé le"],
                     {"amount": "Honoraires TTC"}, id="fees-ttc"),
        pytest.param(["N° facture", "Client", "Date", "Échéance", "Honoraires"],
                     {"amount": "Honoraires"}, id="fees"),
        pytest.param(["Quittance n°", "Locataire", "Échéance", "Loyer + charges", "Montant encaissé"],
                     {"invoice": "Quittance n°", "client": "Locataire", "amount": "Loyer + charges", "paid": "Montant encaissé"}, id="rent"),
        pytest.param(["N° quittance", "Locataire", "Échéance", "Loyer charges comprises"],
                     {"invoice": "N° quittance", "client": "Locataire", "amount": "Loyer charges comprises"}, id="rent-cc"),
        pytest.param(["N° appel", "Copropriétaire", "Échéance", "Montant de la quittance"],
                     {"client": "Copropriétaire", "amount": "Montant de la quittance"}, id="syndic"),
        pytest.param(["N° de pièce", "Adhérent", "Date", "Échéance", "Cotisation"],
                     {"client": "Adhérent", "amount": "Cotisation"}, id="dues"),
        pytest.param(["N° de pièce", "Débiteur", "Échéance", "Montant de la cotisation"],
                     {"client": "Débiteur", "amount": "Montant de la cotisation"}, id="dues-long"),
        pytest.param(["N° facture", "Payeur", "Échéance", "Montant TTC"],
                     {"client": "Payeur"}, id="payer"),
    ],
)  # fmt: skip
def test_trade_headers_are_read_without_config(tmp_path, headers, fields):
    values = {
        "Date": D(2026, 9, 1),
        "Échéance": D(2026, 10, 1),
        "Date d'échéance": D(2026, 10, 1),
        "Réglé le": None,
        "Montant encaissé": 0.0,
    }
    rows = [
        [values.get(h, 850.0 if i >= 3 else f"{h[:3]}-{n}") for i, h in enumerate(headers)]
        for n in (1, 2)
    ]
    for row, name in zip(rows, ("Mme Léa Roux", "M. Paul Martin"), strict=True):
        row[1] = name
    ledger = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, headers), Settings(), as_of=D(2026, 12, 7)
    )
    read = {f: ledger.headers[p] for f, p in ledger.positions.items()}
    assert {f: read.get(f) for f in fields} == fields
    assert not ledger.problems and len(ledger.frame) == 2
