"""A client typed « particulier » whose legal form is a legal person's (an association, an
SCI, a company): only natural persons are consumers (L218-2), so `check` and the run warn on
the row, and the litigation file never calls it « (particulier) » silently (review-lawhand,
finding 4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Forme juridique"]  # fmt: skip


@pytest.mark.parametrize(
    ("form", "kind", "warned"),
    [
        pytest.param("Association loi 1901", "particulier", True, id="association-loi-1901"),
        pytest.param("SCI", "particulier", True, id="sci"),
        pytest.param("S.A.S.", "particulier", True, id="sas-dotted"),
        pytest.param("Société civile", "particulier", True, id="societe"),
        pytest.param("Syndicat de copropriétaires", "particulier", True, id="syndicat"),
        pytest.param("Entreprise individuelle", "particulier", False, id="natural-person"),
        pytest.param(None, "particulier", False, id="no-form"),
        pytest.param("Association loi 1901", "association", False, id="typed-association"),
    ],
)
def test_a_legal_person_typed_particulier_is_said(tmp_path, form, kind, warned):
    rows = [["A2", "Association Sportive Lyon", kind, D(2026, 9, 1), D(2026, 10, 1), 300.0, ADDRESS, 2, D(2026, 11, 20), form]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    settings, as_of = complete_settings(), D(2026, 12, 7)
    result = relance_xlsx.run(ledger, settings, as_of=as_of, out_dir=tmp_path / "o", pdf=False)
    said = [p for p in result.problems if "personne morale" in p.message]
    assert bool(said) is warned, result.problems
    if not warned:
        return
    [problem] = said
    assert problem.row == 2 and problem.severity == "warning"
    assert "L218-2" in problem.message and "« professionnel »" in plain(problem.message)
    path, *_ = relance_xlsx.dossier(
        ledger,
        "Association Sportive Lyon",
        settings,
        as_of=as_of,
        out_dir=tmp_path / "f",
        pdf=False,
    )
    text = plain("\n".join(p.text for p in Document(str(path)).paragraphs))
    assert "Association Sportive Lyon (particulier)" not in text
    assert "est celle d'une personne morale, qui n'est pas un consommateur" in text, text
