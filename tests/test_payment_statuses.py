"""Statuses of a bounced payment, of litigation, of a part paid, of a matched or collected
payment and of an invoice still to issue, read for what they mean (review-pubwb3 M8)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.levels import LITIGATION

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse", "Statut"]
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"


def _read(tmp_path, status):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for number, value in (("F1", status), ("F2", None)):
        ws.append([number, "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, value])
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


def _outcome(ledger):
    """skipped, paid, partial (held: what is left is unknown), litigation or open."""
    frame = ledger.frame.set_index("invoice")
    if "F1" not in frame.index:
        return "skipped"
    row = frame.loc["F1"]
    if row["is_paid"]:
        return "paid"
    if not row["valid"] and str(row["problem"]).startswith("facture partiellement réglée"):
        return "partial"
    if row["level"] == LITIGATION:
        return "litigation"
    return "open" if row["valid"] else "held"


STATUSES = [
    # a payment that bounced is still owed, never « rejected on the platform »
    *[(s, "open") for s in ("Prélèvement rejeté", "Chèque rejeté", "Réglée (chèque rejeté)",
                            "Impayé (rejet)", "Rejet de prélèvement", "Chèque impayé")],
    # ... even beside « partiellement »: nothing was received (pubwb4 M10)
    *[(s, "open") for s in ("Payée partiellement (chèque rejeté)", "Acompte (chèque impayé)",
                            "Partiellement réglée – prélèvement rejeté")],
    # the e-invoicing platform's rejection of the invoice itself
    *[(s, "skipped") for s in ("Rejetée", "Refusée", "Rejetée par la plateforme", "Refusée PDP",
                               "Rejetée sur Chorus Pro")],
    # litigation: the level « Contentieux », no courteous reminder
    *[(s, "litigation") for s in ("En contentieux", "Contentieux")],
    ("Contentieux soldé", "paid"),
    # a part paid, the amount left unknown: held as « Partially paid » is
    *[(s, "partial") for s in ("Acompte payé", "Partiellement payé", "Acompte")],
    # a share said: half of it paid, the rest chased (review-nextcase2 H1)
    ("Payé à 50 %", "open"),
    ("Payé à 100 %", "paid"),
    # matched to its payment, collected by direct debit, cashed: paid
    *[(s, "paid") for s in ("Lettrée", "Lettré", "Prélevée", "Encaissée")],
    *[(s, "open") for s in ("Non lettrée", "Lettre envoyée")],
    # not issued yet: a draft
    *[(s, "skipped") for s in ("À émettre", "À facturer")],
]  # fmt: skip


@pytest.mark.parametrize(("status", "outcome"), [pytest.param(s, o, id=s) for s, o in STATUSES])
def test_a_payment_status_is_read_for_what_it_means(tmp_path, status, outcome):
    ledger = _read(tmp_path, status)
    assert _outcome(ledger) == outcome
    frame = ledger.frame.set_index("invoice")
    assert bool(frame.loc["F2", "valid"]) and not frame.loc["F2", "is_paid"]


FLAGS = [
    # (header, F1's cell, outcome): a « Contentieux » column of yes/no is the level too
    ("Contentieux", "Oui", "litigation"),
    ("Contentieux", "X", "litigation"),
    ("En contentieux", 1, "litigation"),
    ("Contentieux", "Non", "open"),
    ("Contentieux", "Soldé", "paid"),
]


@pytest.mark.parametrize(
    ("header", "cell", "outcome"), [pytest.param(*f, id=f"{f[0]}={f[1]}") for f in FLAGS]
)
def test_a_litigation_column_is_the_level_contentieux(tmp_path, header, cell, outcome):
    wb = Workbook()
    ws = wb.active
    ws.append([*HEADERS[:-1], header])
    for number, value in (("F1", cell), ("F2", None)):
        ws.append([number, "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, value])
    wb.save(tmp_path / "l.xlsx")
    ledger = read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)
    assert _outcome(ledger) == outcome
    assert ledger.frame.set_index("invoice").loc["F2", "level"] == 0
