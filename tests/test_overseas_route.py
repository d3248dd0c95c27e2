"""A consumer in an overseas département or in Saint-Martin, Saint-Barthélemy or
Saint-Pierre-et-Miquelon lives in France for the courts: his mise en demeure names the
injonction de payer, as in Lyon; abroad, or in Polynésie française, Nouvelle-Calédonie or
Wallis-et-Futuna (their own civil procedure), the neutral « procédure judiciaire de
recouvrement » (lawyer's review lawnew L2). Read in the written letter."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Type client", "Langue", "Adresse", "Code postal", "Ville", "Pays",
           "Date facture", "Échéance", "Montant TTC", "Niveau de relance", "Date de relance"]  # fmt: skip
ORDER = "requête en injonction de payer"
NEUTRAL = "nous engagerons une procédure judiciaire de recouvrement"
PLACES = [
    pytest.param(
        ("1 rue Frébault", "97110", "Pointe-à-Pitre", "Guadeloupe"), ORDER, id="guadeloupe"
    ),
    pytest.param(
        ("1 rue Victor Hugo", "97200", "Fort-de-France", "Martinique"), ORDER, id="martinique"
    ),
    pytest.param(
        ("1 avenue du Général de Gaulle", "97300", "Cayenne", "Guyane"), ORDER, id="guyane"
    ),
    pytest.param(("1 rue de Paris", "97400", "Saint-Denis", "La Réunion"), ORDER, id="la-reunion"),
    pytest.param(("1 rue du Commerce", "97600", "Mamoudzou", "Mayotte"), ORDER, id="mayotte"),
    pytest.param(
        ("1 rue de Hollande", "97150", "Saint-Martin", "Saint-Martin"), ORDER, id="saint-martin"
    ),
    pytest.param(
        ("1 rue de la République", "97133", "Saint-Barthélemy", "Saint-Barthélemy"),
        ORDER,
        id="saint-barthelemy",
    ),
    pytest.param(
        ("1 rue Albert Briand", "97500", "Saint-Pierre", "Saint-Pierre-et-Miquelon"),
        ORDER,
        id="saint-pierre-et-miquelon",
    ),
    pytest.param(
        ("1 rue Frébault", "97110", "Pointe-à-Pitre", None), ORDER, id="guadeloupe-by-postcode"
    ),
    pytest.param(
        ("1 rue Frébault", "97110", "Pointe-à-Pitre", "France"), ORDER, id="guadeloupe-france"
    ),
    pytest.param(
        ("1 boulevard Pomare", "98714", "Papeete", "Polynésie française"),
        NEUTRAL,
        id="polynesie-own-procedure",
    ),
    pytest.param(
        ("1 rue de Sébastopol", "98800", "Nouméa", "Nouvelle-Calédonie"),
        NEUTRAL,
        id="nouvelle-caledonie-own-procedure",
    ),
    pytest.param(
        ("1 rue de Sébastopol", "98800", "Nouméa", None),
        NEUTRAL,
        id="nouvelle-caledonie-by-postcode",
    ),
    pytest.param(
        ("1 Front Street", "", "Philipsburg", "Sint Maarten"), NEUTRAL, id="sint-maarten-abroad"
    ),
    pytest.param(("5 Rue Neuve", "1000", "Bruxelles", "Belgique"), NEUTRAL, id="belgium-abroad"),
]


def _text(path: str) -> str:
    doc = Document(path)
    return " ".join(p.text for p in all_paragraphs(doc)).replace("\xa0", " ").replace("\u202f", " ")


def _run(tmp_path: Path, where: tuple, level: str = "Relance 2", as_of: dt.date = AS_OF):
    row = ["N1", "M. Jean Dupont", "Particulier", "fr", *where, D(2026, 8, 1), D(2026, 8, 31), 500.0,
           level, D(2026, 10, 15)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=as_of, out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    return invoice


@pytest.mark.parametrize(("where", "says"), PLACES)
def test_the_consumers_notice_names_the_route_of_where_he_lives(tmp_path, where, says):
    invoice = _run(tmp_path, where)
    assert invoice.letter and "Mise en demeure" in Path(invoice.letter).name, invoice.reason
    text = _text(invoice.letter)
    assert says in text, text
    assert (NEUTRAL if says == ORDER else "injonction") not in text, text


ROUTES = [
    pytest.param(
        ("5 Rue Neuve", "1000", "Bruxelles", "Belgique"), False, id="consumer-in-belgium-neutral"
    ),
    pytest.param(
        ("1 rue de Sébastopol", "98800", "Nouméa", "Nouvelle-Calédonie"),
        False,
        id="consumer-in-noumea-neutral",
    ),
    pytest.param(
        ("1 rue Frébault", "97110", "Pointe-à-Pitre", "Guadeloupe"),
        True,
        id="consumer-in-guadeloupe-injonction",
    ),
    pytest.param(
        ("10 rue Garibaldi", "69006", "Lyon", None), True, id="consumer-in-lyon-injonction"
    ),
]


@pytest.mark.parametrize(("where", "injonction"), ROUTES)
def test_the_consumers_litigation_route_is_where_he_lives(tmp_path, where, injonction):
    """The status of the hand-over to litigation and the file's procedure paragraph say the
    route the mise en demeure announced (lawleft brief, item 2)."""
    invoice = _run(tmp_path, where, level="Mise en demeure", as_of=D(2026, 12, 7))
    assert "Contentieux" in invoice.reason, invoice.reason
    assert ("injonction de payer à engager" in invoice.reason) is injonction, invoice.reason
    assert ("procédure judiciaire de recouvrement à engager" in invoice.reason) is not injonction, (
        invoice.reason
    )
    path, *_ = relance_xlsx.dossier(
        tmp_path / "l.xlsx", "M. Jean Dupont", complete_settings(), as_of=D(2026, 12, 7),
        out_dir=tmp_path / "file", pdf=False,
    )  # fmt: skip
    text = (
        "\n".join(p.text for p in Document(str(path)).paragraphs)
        .replace("\xa0", " ")
        .replace("\u202f", " ")
    )
    assert (
        "injonction de payer (code de procédure civile 1405 à 1425)" in text.lower()
    ) is injonction, text
    assert ("pas d'injonction de payer française" in text) is not injonction, text
