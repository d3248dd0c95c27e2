"""French typography, computed: spaces before « : ; ! ? » and inside « », references that
never break, dates as running text says them, list punctuation; English left English."""

from __future__ import annotations

import datetime as dt

import pytest

from relance_xlsx.wording import (
    NB_HYPHEN,
    NBSP,
    NNBSP,
    dates_phrase,
    day_long,
    list_items,
    plain,
    typeset,
    unbreakable,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("Objet : relance", "fr", f"Objet{NNBSP}: relance", id="colon"),
        pytest.param("un oubli ; merci", "fr", f"un oubli{NNBSP}; merci", id="semicolon"),
        pytest.param("Vraiment ? Oui !", "fr", f"Vraiment{NNBSP}? Oui{NNBSP}!", id="question"),
        pytest.param(f"Total{NBSP}: 12 €", "fr", f"Total{NNBSP}: 12 €", id="nbsp-becomes-narrow"),
        pytest.param("Total   :", "fr", f"Total{NNBSP}:", id="several-spaces"),
        pytest.param("« simple oubli »", "fr", f"«{NNBSP}simple oubli{NNBSP}»", id="guillemets"),
        pytest.param("«oubli»", "fr", f"«{NNBSP}oubli{NNBSP}»", id="guillemets-tight"),
        pytest.param("https://pay.example/x?a=1", "fr", "https://pay.example/x?a=1", id="url"),
        pytest.param("à 10:30", "fr", "à 10:30", id="time"),
        pytest.param("Subject : reminder ; thanks !", "en", "Subject: reminder; thanks!",
                     id="english-no-space"),
        pytest.param(f"Subject{NNBSP}: x", "en", "Subject: x", id="english-narrow-removed"),
    ],
)  # fmt: skip
def test_typeset(text, lang, expected):
    assert typeset(text, lang) == expected
    assert typeset(expected, lang) == expected  # done twice, the same


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param("F2026-015", f"F2026{NB_HYPHEN}015", id="hyphen"),
        pytest.param("FA-2026-00015", f"FA{NB_HYPHEN}2026{NB_HYPHEN}00015", id="two-hyphens"),
        pytest.param("FA 2026 015", f"FA{NBSP}2026{NBSP}015", id="spaces"),
        pytest.param("F2026‐015", f"F2026{NB_HYPHEN}015", id="unicode-hyphen"),
        pytest.param("12345", "12345", id="plain-number"),
    ],
)
def test_references_never_break(reference, expected):
    assert unbreakable(reference) == expected
    assert plain(unbreakable(reference)) == reference.replace("‐", "-")


@pytest.mark.parametrize(
    ("days", "lang", "article", "expected"),
    [
        pytest.param([D(2026, 11, 10)], "fr", "le", "le 10 novembre 2026", id="one"),
        pytest.param([D(2026, 11, 10), D(2026, 11, 17)], "fr", "le",
                     "les 10 et 17 novembre 2026", id="same-month"),
        pytest.param([D(2026, 11, 17), D(2026, 11, 10), D(2026, 11, 10)], "fr", "du",
                     "des 10 et 17 novembre 2026", id="unsorted-repeated-du"),
        pytest.param([D(2026, 10, 28), D(2026, 11, 17)], "fr", "le",
                     "les 28 octobre et 17 novembre 2026", id="two-months"),
        pytest.param([D(2025, 12, 30), D(2026, 1, 10)], "fr", "le",
                     "les 30 décembre 2025 et 10 janvier 2026", id="two-years"),
        pytest.param([D(2026, 10, 1), D(2026, 10, 8), D(2026, 11, 1)], "fr", "du",
                     "des 1er et 8 octobre et 1er novembre 2026", id="premier"),
        pytest.param([D(2026, 11, 22), D(2026, 11, 26), D(2026, 12, 3)], "fr", "du",
                     "des 22 et 26 novembre et 3 décembre 2026", id="two-days-then-another-month"),
        pytest.param([D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16), D(2026, 12, 3)], "en", "",
                     "2, 9 and 16 November and 3 December 2026", id="english-months"),
        pytest.param([D(2026, 12, 1)], "fr", "du", "du 1er décembre 2026", id="premier-alone"),
        pytest.param([D(2026, 11, 10), D(2026, 11, 17)], "fr", "",
                     "10 et 17 novembre 2026", id="no-article"),
        pytest.param([D(2026, 11, 10), D(2026, 11, 17)], "en", "le",
                     "10 and 17 November 2026", id="english"),
        pytest.param([], "fr", "le", "", id="none"),
    ],
)  # fmt: skip
def test_dates_in_running_text(days, lang, article, expected):
    assert dates_phrase(days, lang, article) == expected


def test_day_long_says_the_first_of_the_month_as_french_does():
    assert day_long(D(2026, 12, 1)) == "1er décembre 2026"
    assert day_long(D(2026, 12, 2)) == "2 décembre 2026"
    assert day_long(D(2026, 12, 1), "en") == "1 December 2026"


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        pytest.param(["par virement ;", "par chèque ;"], "fr",
                     [f"par virement{NNBSP};", "par chèque."], id="last-ends-with-a-stop"),
        pytest.param(["en ligne"], "fr", ["en ligne."], id="one"),
        pytest.param(["by transfer", "by cheque;"], "en", ["by transfer;", "by cheque."],
                     id="english"),
        pytest.param([], "fr", [], id="none"),
    ],
)  # fmt: skip
def test_list_punctuation(items, lang, expected):
    assert list_items(items, lang) == expected
