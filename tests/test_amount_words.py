"""Amounts in words: the fast French path spells every amount exactly as num2words does."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from relance_xlsx.wording import amount_in_words
from relance_xlsx.wording.fmt import _cardinal, _french_thousands


@given(st.integers(min_value=1000, max_value=999_999))
@settings(max_examples=3000, deadline=None)
@example(1000)
@example(1001)
@example(80_000)
@example(180_000)
@example(200_000)
@example(280_080)
@example(300_200)
@example(999_999)
def test_french_thousands_is_num2words(number: int) -> None:
    assert _french_thousands(number) == num2words(number, lang="fr")


@given(st.integers(min_value=0, max_value=10**10), st.sampled_from(["fr", "en"]))
@settings(max_examples=500, deadline=None)
def test_cardinal_is_num2words(number: int, lang: str) -> None:
    assert _cardinal(number, lang) == num2words(number, lang=lang)


@pytest.mark.parametrize(
    ("amount", "language", "words"),
    [
        pytest.param(1234.56, "fr", "mille deux cent trente-quatre euros et cinquante-six "
                     "centimes", id="fr-thousand"),
        pytest.param(280_080.01, "fr", "deux cent quatre-vingt mille quatre-vingts euros et un "
                     "centime", id="fr-eighty-thousand"),
        # « million(s) » and « milliard(s) » are nouns: « d'euros » after them when they end
        # the number (review of 7 December 2026, finding 13; 0.2 wrote « un million euros »).
        pytest.param(1_000_000, "fr", "un million d'euros", id="fr-million-d-euros"),
        pytest.param(2_000_000, "fr", "deux millions d'euros", id="fr-millions-d-euros"),
        pytest.param(1_000_000_000, "fr", "un milliard d'euros", id="fr-milliard-d-euros"),
        pytest.param(1_000_000.5, "fr", "un million d'euros et cinquante centimes",
                     id="fr-million-d-euros-cents"),
        pytest.param(1_000_200, "fr", "un million deux cents euros",
                     id="fr-million-then-more-no-de"),
        # English: no comma after the thousands (0.2: « one thousand, two hundred … »).
        pytest.param(1234.5, "en", "one thousand two hundred and thirty-four euros and fifty "
                     "cents", id="en"),
        pytest.param(2925, "en", "two thousand nine hundred and twenty-five euros",
                     id="en-c7-no-comma"),
        # English « zero » takes the plural (the second legal review: « zero euro and fifty
        # cents »); « one euro » stays singular; French « zéro euro » is singular.
        pytest.param(0.5, "en", "zero euros and fifty cents", id="en-zero-euros"),
        pytest.param(0, "en", "zero euros", id="en-zero-euros-whole"),
        pytest.param(1.01, "en", "one euro and one cent", id="en-one-euro"),
        pytest.param(0.5, "fr", "zéro euro et cinquante centimes", id="fr-zero-euro"),
    ],
)  # fmt: skip
def test_amount_in_words(amount: float, language: str, words: str) -> None:
    assert amount_in_words(amount, "EUR", language) == words
