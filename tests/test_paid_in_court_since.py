"""A part payment on an invoice already handed to litigation: the warning and the redone
court file name only what was received since the hand-over, each payment with its day; the
request handed over already deducted what came before (the fourth legal review, finding 4:
« réglée en partie (1 500,00 € reçus) le 01/12 » counted 500 € paid on 01/07)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
ROWS = [["E1", "Epsilon SAS", "professionnel", D(2026, 4, 15), D(2026, 5, 15), 3000.0, ADDRESS, "Contentieux", D(2026, 11, 20)]]  # fmt: skip
# E1: 3 000 €, due 15/05, handed over on 20/11. Penalties at 12,15 %, payment day counted:
#   before: 500 € on 01/07, 1 000 € on 01/12: 16/05–30/06, 46 d × 3 000 = 45,94; 01/07,
#     1 d × 3 000 = 1,00; 02/07–01/12, 153 d × 2 500 = 127,33; 02/12–07/12, 6 d × 1 500 = 3,00
#     = 177,27 €; only the 1 000 € is new to the request (the 500 € came before it).
#   after: 300 € on 25/11 and 200 € on 01/12, both new: 500 € to cut from the request.
CASES = [
    pytest.param(
        [(D(2026, 7, 1), 500.0), (D(2026, 12, 1), 1000.0)],
        "la facture n° E1, remise au contentieux le 20/11/2026, a été réglée en partie depuis la remise : 1 000,00 € reçus le 01/12/2026 (en tout 1 500,00 € reçus, dont 500,00 € avant la remise, normalement déduits du dossier remis)",
        "principal restant 1 500,00 €, pénalités 177,27 € à ce jour",
        id="one-before-one-after",
    ),
    pytest.param(
        [(D(2026, 11, 25), 300.0), (D(2026, 12, 1), 200.0)],
        "la facture n° E1, remise au contentieux le 20/11/2026, a été réglée en partie depuis la remise : 300,00 € reçus le 25/11/2026 et 200,00 € le 01/12/2026, soit 500,00 € :",
        "principal restant 2 500,00 €",
        id="two-after",
    ),
]


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize(("payments", "said", "owed"), CASES)
def test_a_part_payment_in_litigation_names_only_what_came_since_the_hand_over(
    tmp_path, payments, said, owed
):
    def sheet(wb):
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date règlement", "Montant réglé"])
        for day, amount in payments:
            ws.append(["E1", day, amount])

    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS, extra=sheet)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [warning] = [_plain(w) for w in result.warnings if "remise au contentieux le 20/11" in w]
    assert said in warning, warning
    assert owed in warning, warning
    [dossier] = result.dossiers
    top = [
        _plain(p.text)
        for p in Document(dossier).paragraphs
        if p.text.startswith("Nouvelle version")
    ]
    assert len(top) == 1 and said.rstrip(" :") in top[0], top
