"""A time-barred invoice (or a public debt that has lapsed) is never claimed by the litigation
file: out of « Chiffres pour la requête », of the small-claims ceiling and of the balance, and
listed apart (the lawyer's rare cases, H1; Code de commerce L110-4, Code de la consommation
L218-2, legal-fr §7.5 and §8.3, §8.6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rare_ledgers import SECOND, D, litigation_file, row

KAPPA = [
    row("Q1", "Kappa SARL", "professionnel", D(2021, 11, 2), D(2021, 12, 2), 1000.0, **SECOND),
    row("Q5", "Kappa SARL", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 500.0, **SECOND),
]
GAMMA = [
    row("C1", "M. Paul Gamma", "particulier", D(2024, 10, 1), D(2024, 10, 31), 300.0,
        delivered=D(2024, 9, 20), **SECOND),
    row("C2", "M. Paul Gamma", "particulier", D(2026, 9, 1), D(2026, 10, 1), 200.0,
        delivered=D(2026, 8, 25), **SECOND),
]  # fmt: skip
BRON = [
    row("P0", "Commune de Bron", "Commune", D(2021, 6, 1), D(2021, 7, 1), 900.0,
        address="Place de la Liberté\n69500 Bron"),
    row("P9", "Commune de Bron", "Commune", D(2026, 9, 1), D(2026, 10, 1), 300.0,
        address="Place de la Liberté\n69500 Bron"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "client", "says", "never"),
    [
        # Only Q5: 500 € + 500 × 12,15 % × 67 / 365 = 11,15 € + 40 €.
        pytest.param(
            KAPPA, "Kappa SARL",
            ["Principal : 500,00 €", "Total réclamé : 551,15 €", "Créance de 511,15 €",
             "Facture Q1 : prescrite depuis le 03/11/2026 (Code de commerce L110-4), non réclamée",
             "Solde du compte : 500,00 €"],
            ["1 500,00 €", "1 551,15 €", "1 511,15 €"],
            id="business-L110-4",
        ),
        pytest.param(
            GAMMA, "M. Paul Gamma",
            ["Principal : 200,00 €", "Total réclamé : 200,00 €", "Créance de 200,00 €",
             "Facture C1 : prescrite depuis le 21/09/2026 (Code de la consommation L218-2), "
             "non réclamée", "Solde du compte : 200,00 €"],
            ["Principal : 500,00 €", "Total réclamé : 500,00 €"],
            id="consumer-L218-2",
        ),
        # P0: right born in 2021, lapsed on 01/01/2026; P9 claimed.
        pytest.param(
            BRON, "Commune de Bron",
            ["Principal : 300,00 €", "Facture P0 : déchue depuis le 01/01/2026 (déchéance "
             "quadriennale, loi n° 68-1250 du 31 décembre 1968, art. 1), non réclamée"],
            ["Principal : 1 200,00 €"],
            id="public-lapsed",
        ),
    ],
)  # fmt: skip
def test_a_barred_invoice_is_left_out_of_the_claim_and_listed_apart(
    tmp_path: Path, rows: list, client: str, says: list[str], never: list[str]
) -> None:
    got = litigation_file(tmp_path, rows, client)
    for words in says:
        assert words in got
    for words in never:
        assert words not in got
    table = got.split("Créance, facture par facture")[1].split("Fondement de la créance")[0]
    assert rows[0][0] not in table.split()  # not in the claim's table either
