"""A public debtor's litigation file gives the date of the four-year lapse and what it is
counted from (the lawyer's rare cases, L3; loi n° 68-1250, art. 1 and 2; legal-fr §8.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rare_ledgers import SECOND, D, litigation_file, row

VENISSIEUX = "5 avenue Marcel Houël\n69200 Vénissieux"


@pytest.mark.parametrize(
    ("invoice", "says"),
    [
        # Invoiced 01/06/2022; the reminder of 20/11/2026 starts four years from 01/01/2027.
        pytest.param(row("S7", "Commune de Vénissieux", "Commune", D(2022, 6, 1), D(2022, 7, 1),
                         700.0, address=VENISSIEUX, **SECOND),
                     "Déchéance quadriennale : le 01/01/2031, compte tenu de la relance du "
                     "20/11/2026", id="interrupted-by-the-reminder"),
        # Invoiced 01/09/2026, nothing since: the right born in 2026, four years from 2027.
        pytest.param(row("S1", "Commune de Vénissieux", "Commune", D(2026, 9, 1), D(2026, 10, 1),
                         2000.0, address=VENISSIEUX, **SECOND),
                     "Déchéance quadriennale : le 01/01/2031, droit né en 2026",
                     id="right-born-in-2026"),
        # A company: no lapse, nothing said.
        pytest.param(row("K1", "Nu SARL", "professionnel", D(2026, 9, 1), D(2026, 10, 1), 700.0,
                         **SECOND), None, id="a-company"),
    ],
)  # fmt: skip
def test_the_public_file_gives_the_lapse_date(
    tmp_path: Path, invoice: list, says: str | None
) -> None:
    got = litigation_file(tmp_path, [invoice], str(invoice[1]))
    if says is None:
        assert "Déchéance quadriennale" not in got
        return
    assert says in got
    assert "loi n° 68-1250 du 31 décembre 1968, art. 1 et 2" in got
