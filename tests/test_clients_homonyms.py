"""Two clients of one name on the clients sheet (review-attack-6 §5): joined by the client
number when the sheet has one, each invoice its own client's address and e-mail; without a
number, the name is ambiguous: no address nor e-mail from the sheet, one warning."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
LYON = ("C01", "Dupont", "3 rue des Lilas", "69003", "Lyon", "compta@dupont-lyon.fr")
PARIS = ("C02", "Dupont", "8 avenue Foch", "75016", "Paris", "contact@dupont-paris.fr")
LYON_AGAIN = ("C01", "DUPONT", "3, rue des Lilas", "69003", "LYON", "compta@dupont-lyon.fr")


def _read(tmp_path, rows, numbered):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(["N° facture", "N° client", "Client", "Date facture", "Échéance", "Montant TTC"])
    ws.append(["F-501", "C01", "Dupont", D(2026, 8, 1), D(2026, 9, 1), 1000.0])
    ws.append(["F-502", "C02", "Dupont", D(2026, 8, 1), D(2026, 9, 1), 2500.0])
    sheet = wb.create_sheet("Clients")
    sheet.append([*(["N° client"] if numbered else []), "Client", "Adresse", "Code postal",
                  "Ville", "E-mail"])  # fmt: skip
    for row in rows:
        sheet.append(list(row if numbered else row[1:]))
    path = tmp_path / "h.xlsx"
    wb.save(path)
    ledger = read_ledger(path, Settings(), as_of=D(2026, 12, 1))
    frame = ledger.frame.set_index("invoice")
    return [frame.loc[f"F-50{i}", "email"] for i in (1, 2)], ledger.warnings


CASES = [
    # (rows of the clients sheet, with a « N° client » column, e-mails of F-501 / F-502, warned)
    ("numbered", [LYON, PARIS], True, ["compta@dupont-lyon.fr", "contact@dupont-paris.fr"], False),
    (
        "numbered-reversed",
        [PARIS, LYON],
        True,
        ["compta@dupont-lyon.fr", "contact@dupont-paris.fr"],
        False,
    ),
    ("names-only", [LYON, PARIS], False, [None, None], True),
    ("names-only-reversed", [PARIS, LYON], False, [None, None], True),
    # one client listed twice, written otherwise: the same place, still joined
    ("same-place-twice", [LYON, LYON_AGAIN], False, ["compta@dupont-lyon.fr"] * 2, False),
]


@pytest.mark.parametrize(("rows", "numbered", "emails", "warned"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_two_clients_of_one_name_never_share_the_first_ones_address(
    tmp_path, rows, numbered, emails, warned
):
    found, warnings = _read(tmp_path, rows, numbered)
    assert [None if e in (None, "") else e for e in found] == emails
    assert any("plusieurs lignes avec des adresses" in w for w in warnings) is warned
