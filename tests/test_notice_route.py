"""What a mise en demeure says will follow (the lawyer's review of the ordinary letters,
findings 3 and 4): the English letter asks the court for the costs as the French one does,
for a business and for a consumer; a consumer living abroad is sued where he lives (Brussels I
bis, art. 18(2)): no French injonction de payer, a neutral « procédure judiciaire de
recouvrement »; a business abroad too, its route and court to check with counsel as its
litigation file says (review-lawhand 3: the letter threatened a French injonction de payer
the file called unsuitable)."""

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
LYON = ("10 rue Garibaldi", "69006", "Lyon", None)
BRUSSELS = ("5 Rue Neuve", "1000", "Bruxelles", "Belgique")
LONDON = ("1 Thames Street", "EC1A 1AA", "London", "Royaume-Uni")
FR_COSTS = "et nous demanderons que les frais de la procédure soient mis à votre charge"
EN_COSTS = "and we will ask the court to order you to bear the costs of the proceedings"
FR_NEUTRAL = (
    "À défaut de règlement dans ce délai, nous engagerons une procédure judiciaire de recouvrement, sans autre avis, "
    + FR_COSTS
)
EN_NEUTRAL = (
    "Failing payment within this period, we will bring legal proceedings for recovery without further notice, "
    + EN_COSTS
)
EN_ORDER = "order for payment (injonction de payer) without further notice, " + EN_COSTS
FR_ORDER = "requête en injonction de payer, sans autre avis, " + FR_COSTS


def _text(path: str) -> str:
    doc = Document(path)
    return " ".join(p.text for p in all_paragraphs(doc)).replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("client", "kind", "lang", "where", "says", "never"),
    [
        pytest.param("Thames Widgets Ltd", None, "en", LONDON, EN_NEUTRAL, "injonction", id="en-business-abroad-neutral"),
        pytest.param("Mr John Smith", "Particulier", "en", LYON, EN_ORDER, "legal proceedings for recovery", id="en-consumer-in-france-costs-F4"),
        pytest.param("Mr John Smith", "Particulier", "en", BRUSSELS, EN_NEUTRAL, "injonction", id="en-consumer-abroad-neutral-F3"),
        pytest.param("M. Jean Dupont", "Particulier", "fr", BRUSSELS, FR_NEUTRAL, "injonction", id="fr-consumer-abroad-neutral-F3"),
        pytest.param("M. Jean Dupont", "Particulier", "fr", LYON, FR_ORDER, "procédure judiciaire de recouvrement", id="fr-consumer-in-france-unchanged"),
        pytest.param("Brussels Trading SPRL", None, "fr", BRUSSELS, FR_NEUTRAL, "injonction", id="fr-business-abroad-neutral"),
        pytest.param("Lyon Trading SARL", None, "fr", LYON, FR_ORDER, "procédure judiciaire de recouvrement", id="fr-business-in-france-unchanged"),
        pytest.param("Commune de Villeurbanne", "Commune", "fr", LYON, "référé-provision", "frais de la procédure", id="fr-commune-unchanged"),
    ],
)  # fmt: skip
def test_the_notice_says_what_follows(tmp_path, client, kind, lang, where, says, never):
    row = [
        "N1", client, kind, lang, *where, D(2026, 8, 1), D(2026, 8, 31), 500.0, "Relance 2", D(2026, 10, 15)
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    (invoice,) = result.invoices
    assert invoice.letter and "Mise en demeure" in Path(invoice.letter).name, invoice.reason
    text = _text(invoice.letter)
    assert says in text, text
    assert never not in text, text
