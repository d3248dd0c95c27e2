"""The declaration's addressee and deadline as the third legal review asked (finding 8b, 8c):
the title « Maître » said once, the address the mandataire's cell gives printed and not asked
again, the weekday of a deadline named."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import ADDRESS, _text

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC", "Mandataire judiciaire"]  # fmt: skip


@pytest.mark.parametrize(
    ("mandataire", "says", "never"),
    [
        pytest.param("Me Durand", ["Destinataire : Maître Durand, mandataire judiciaire, adresse : [À COMPLÉTER : adresse de son étude]"],
                     ["Maître Me"], id="me-said-once-address-asked"),
        pytest.param("Me Martin, mandataire judiciaire\n5 quai Saint-Antoine\n69002 Lyon",
                     ["Destinataire : Maître Martin, mandataire judiciaire\n5 quai Saint-Antoine\n69002 Lyon"],
                     ["Maître Me", "adresse de son étude", "judiciaire, mandataire"], id="address-from-the-cell"),
        pytest.param("Maître Roux", ["Destinataire : Maître Roux, mandataire judiciaire"], ["Maître Maître"], id="maitre-said-once"),
    ],
)  # fmt: skip
def test_the_addressee_and_the_deadline_s_weekday(tmp_path: Path, mandataire, says, never):
    # BODACC of 28/12/2026 + 2 months = 28/02/2027, a Sunday (the review's Delta SAS deadline).
    rows = [["M-1", "Rouge SAS", D(2026, 10, 1), D(2026, 10, 31), 1000.0, ADDRESS,
             "Redressement judiciaire", D(2026, 12, 15), D(2026, 12, 28), mandataire]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2027, 1, 5), out_dir=tmp_path / "out"
    )
    text = _text(Path(result.declarations[0]))
    for part in says:
        assert part in text, text
    for part in never:
        assert part not in text
    assert "À déclarer au plus tard le 28 février 2027" in text
    # Sunday 28/02/2027: the term runs to Monday 01/03/2027 (CPC 642; lawrare M4).
    assert (
        "Ce jour est un dimanche : le délai court jusqu'au premier jour ouvrable suivant, " in text
    )
    assert "le 1er mars 2027 (Code de procédure civile 642)" in text and "samedi" not in text
