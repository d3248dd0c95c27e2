"""The run's status gives the same deadline to declare as the declaration: a creditor
established outside metropolitan France has two more months (the lawyer's rare cases, L4;
Code de commerce R622-24, legal-fr §8.4)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from rare_ledgers import text

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip


@pytest.mark.parametrize(
    ("address", "status", "declared"),
    [
        # BODACC 25/10/2026 + 2 + 2 months: 25/02/2027, a Thursday.
        pytest.param("5 rue Frébault\n97110 Pointe-à-Pitre", "au plus tard le 25/02/2027 (4 mois",
                     "À déclarer au plus tard le 25 février 2027", id="creditor-in-guadeloupe"),
        # + 2 months: Friday 25/12/2026 (then CPC 642: Monday 28/12, test_declaration_deadline).
        pytest.param("12 rue des Tanneurs\n69002 Lyon", "au plus tard le 25/12/2026 (2 mois",
                     "À déclarer au plus tard le 25 décembre 2026", id="creditor-in-lyon"),
    ],
)  # fmt: skip
def test_the_status_and_the_declaration_give_one_deadline(
    tmp_path: Path, address: str, status: str, declared: str
) -> None:
    rows = [["J1", "Omega SAS", D(2026, 5, 31), D(2026, 6, 30), 5000.0, "10 rue Garibaldi\n69006 "
             "Lyon", "Redressement judiciaire", D(2026, 10, 15), D(2026, 10, 25)]]  # fmt: skip
    settings = complete_settings()
    settings = dataclasses.replace(
        settings, creditor=dataclasses.replace(settings.creditor, address=address)
    )
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 12, 7), out_dir=tmp_path / "o",
                              pdf=False)  # fmt: skip
    assert status in result.invoices[0].reason
    assert declared in text(Path(result.declarations[0]))
