"""A « Clôture » column closes a file only for a clear closing word or a date
(review-pubwb2 M8): « Non clôturé », « en cours », « (vide) » leave it open, and a word not
known is named once in a warning, its invoice still chased."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, complete_settings
from openpyxl import Workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.ledger import read_ledger

D = dt.date
ADDRESS = "3 rue des Lilas\n69100 Villeurbanne"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse", "Clôture"]


def _book(path, closings):
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws.append(HEADERS)
    for i, closing in enumerate(closings):
        ws.append([f"F{i}", f"Client {i}", D(2026, 8, 1), D(2026, 9, 1), 100.0, ADDRESS, closing])
    wb.save(path)
    return path


CLOSING = [
    *[(w, "closed") for w in ("oui", "x", "X", "Clôturé", "clôturée", "soldé", "Fermé", "closed",
                              "yes", "true", "1", 1, D(2026, 10, 3), "03/10/2026",
                              "Clôturé le 03/10/2026")],
    *[(w, "open") for w in ("Non clôturé", "non", "en cours", "ouverte", "open", "(vide)", "-",
                            "N", 0, "pas soldé")],
    *[(w, "unknown") for w in ("Peut-être", "à voir avec Paul", 2.5)],
]  # fmt: skip


@pytest.mark.parametrize(("word", "outcome"), [pytest.param(w, o, id=str(w)) for w, o in CLOSING])
def test_only_a_clear_closing_word_closes_the_file(tmp_path, word, outcome):
    ledger = read_ledger(_book(tmp_path / "l.xlsx", [word, None]), Settings(), as_of=AS_OF)
    invoices = ledger.frame["invoice"].tolist()
    assert invoices == (["F1"] if outcome == "closed" else ["F0", "F1"])
    unknown = [d.what for d in ledger.decisions if "clôture non reconnue" in d.what]
    if outcome == "unknown":
        [said] = unknown
        assert f"« {word} »" in said
    else:
        assert unknown == []


def test_an_unknown_closing_word_is_named_once_in_the_run(tmp_path):
    path = _book(tmp_path / "l.xlsx", ["Bof", "Bof", "Bof", "oui", "en cours"])
    result = relance_xlsx.run(path, complete_settings(), as_of=AS_OF, dry_run=True)
    [warning] = [w for w in result.warnings if "clôture non reconnue" in w]
    assert warning.startswith("« Clôture » = « Bof » (3) : clôture non reconnue")
    chased = {i.invoice for i in result.invoices if i.action == "letter"}
    assert chased == {"F0", "F1", "F2", "F4"}
