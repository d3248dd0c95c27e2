"""A commercial company in Guadeloupe, Martinique, Guyane, La Réunion or Mayotte: the file names
the tribunal mixte de commerce, not the « tribunal de commerce » (review-lawnew2, 9)."""

from __future__ import annotations

import pytest

from relance_xlsx.figures.courts import procedure_text
from relance_xlsx.figures.parties import Debtor


@pytest.mark.parametrize(
    ("address", "mixed"),
    [
        pytest.param("12 rue Frébault\n97110 Pointe-à-Pitre", True, id="guadeloupe-postcode"),
        pytest.param("3 rue Victor Hugo\n97400 Saint-Denis", True, id="reunion-postcode"),
        pytest.param("Route nationale\n97600 Mamoudzou\nMayotte", True, id="mayotte"),
        pytest.param("10 rue Garibaldi\n69006 Lyon", False, id="lyon"),
        pytest.param("Rue Lamartine\n97200 Fort-de-France\nMartinique", True, id="martinique"),
    ],
)
def test_a_company_overseas_goes_to_the_mixed_court(address, mixed):
    debtor = Debtor("Epsilon SARL", address=address, legal_form="SARL")
    text = procedure_text(debtor, 1200.0, 40.0)
    assert ("au tribunal mixte de commerce" in text) is mixed
    assert ("au tribunal de commerce" in text) is not mixed
