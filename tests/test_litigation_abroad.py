"""A business debtor established outside France: the litigation file offers neither the French
small-claims procedure nor a request « au tribunal du domicile du débiteur », and sends the
route (European order for payment, European small claims, jurisdiction clause) to counsel (the
lawyer's rare cases, M3); the European instruments only in a member state other than Denmark
(review-lawnew2, 4). The abroad test is the letters' (letters/postal.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rare_ledgers import SECOND, D, litigation_file, row

ROUTE = (
    "compétence et voie (injonction de payer européenne, règlement européen des petits litiges, "
    "clause attributive de juridiction) à vérifier avec votre conseil"
)
OUTSIDE = "compétence, voie et exécution à vérifier avec votre conseil"


@pytest.mark.parametrize(
    ("address", "route"),
    [
        pytest.param("1 King Street\nLondon EC2V 8AU\nRoyaume-Uni", OUTSIDE, id="united-kingdom"),
        pytest.param("Hauptstrasse 1\n10115 Berlin\nAllemagne", ROUTE, id="germany"),
        pytest.param("Rue de la Loi 16\n1000 Bruxelles\nBelgique", ROUTE, id="belgium"),
        pytest.param("7 avenue de Grande-Bretagne\n98000 Monaco\nMonaco", OUTSIDE, id="monaco"),
        pytest.param("Rue du Rhône 1\n1204 Genève\nSuisse", OUTSIDE, id="switzerland"),
        pytest.param("Karl Johans gate 1\n0154 Oslo\nNorvège", OUTSIDE, id="norway"),
        pytest.param("Strøget 1\n1160 København\nDanemark", OUTSIDE, id="denmark"),
        pytest.param("10 rue Garibaldi\n69006 Lyon", None, id="france"),
        pytest.param("10 rue Garibaldi\n69006 Lyon\nFrance", None, id="france-named"),
    ],
)
def test_a_business_abroad_gets_no_small_claims_line(
    tmp_path: Path, address: str, route: str | None
) -> None:
    abroad = route is not None
    rows = [
        row("K3", "Widgets Ltd", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 1000.0,
            address=address, **SECOND),
    ]  # fmt: skip
    got = litigation_file(tmp_path, rows, "Widgets Ltd")
    procedure = got.split("\nProcédure\n")[1].split("Chiffres pour la requête")[0]
    assert ("Débiteur établi hors de France" in procedure) is abroad
    assert (ROUTE in procedure) is (route == ROUTE)
    assert (OUTSIDE in procedure) is (route == OUTSIDE)
    assert ("injonction de payer européenne" in procedure) is (route == ROUTE)
    assert ("est possible (Code des procédures civiles d'exécution" in procedure) is not abroad
