"""A claim barred within [policy] prescription_warning_days: the litigation file opens with the
prescription date and puts the injonction de payer first, since the small-claims procedure
suspends prescription only from the debtor's agreement (the lawyer's rare cases, M2; Code
civil 2238, 2240-2244; legal-fr §8.3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rare_ledgers import SECOND, D, litigation_file, row
from test_litigation_barred import KAPPA

PETIT = [
    row("Q3", "M. Marc Petit", "particulier", D(2024, 12, 20), D(2025, 1, 19), 400.0,
        delivered=D(2024, 12, 10), **SECOND),
]  # fmt: skip
LAMBDA = [
    row("Q4", "Lambda SAS", "professionnel", D(2021, 12, 20), D(2022, 1, 19), 2000.0, **SECOND),
]
OPENING = "Dernier jour pour agir"


@pytest.mark.parametrize(
    ("rows", "client", "opening"),
    [
        # L218-2: 2 years from the delivery of 10/12/2024: last day 10/12/2026.
        pytest.param(PETIT, "M. Marc Petit", "Dernier jour pour agir : 10/12/2026 ; prescription "
                     "acquise le 11/12/2026 si rien ne l'interrompt (facture Q3, Code de la "
                     "consommation L218-2)", id="consumer-in-3-days"),
        # L110-4: 5 years from the invoice of 20/12/2021: last day 20/12/2026.
        # 20/12/2026 is a Sunday: file by Friday 18/12 (review-lawnew2, 7).
        pytest.param(LAMBDA, "Lambda SAS", "Dernier jour pour agir : 20/12/2026 (dimanche : "
                     "déposez au plus tard le vendredi 18/12/2026) ; prescription acquise le "
                     "21/12/2026 si rien ne l'interrompt (facture Q4, Code de commerce L110-4)",
                     id="business-in-13-days"),
        # Q5, due 01/10/2026, is barred in 2031: nothing said, small claims first.
        pytest.param(KAPPA[1:], "Kappa SARL", None, id="far-away"),
    ],
)  # fmt: skip
def test_a_bar_days_away_opens_the_file_and_the_injonction_comes_first(
    tmp_path: Path, rows: list, client: str, opening: str | None
) -> None:
    got = litigation_file(tmp_path, rows, client)
    head = got.split("Créancier")[0]
    procedure = got.split("\nProcédure\n")[1].split("Chiffres pour la requête")[0]
    if opening is None:
        assert OPENING not in got
        assert procedure.startswith("Créance de")  # the small claims first
        return
    assert opening in head
    assert "Code civil 2238" in head
    assert procedure.startswith("Injonction de payer")
    assert procedure.index("Injonction de payer") < procedure.index("petites créances")
    assert "Code civil 2238" in procedure
