"""The grammar helpers, on the cases that went wrong in letters typed by hand."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest

from relance_xlsx.wording import (
    acknowledgement,
    de,
    invoices_phrase,
    invoices_title,
    join_list,
    of_invoices,
    previous_notices,
    previous_reminders,
    these_invoices,
)

D = dt.date

MANY = [f"F-{i:02}" for i in range(1, 37)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("Atelier Durand SARL", "d'Atelier Durand SARL", id="vowel"),
        pytest.param("Écoles réunies", "d'Écoles réunies", id="accented-capital"),
        pytest.param("Hôtel des Célestins", "d'Hôtel des Célestins", id="h-muet"),
        pytest.param("huissier", "d'huissier", id="h-muet-lower"),
        pytest.param("Harbour & Sons Ltd", "de Harbour & Sons Ltd", id="h-aspire-english"),
        pytest.param("Hollande Transports", "de Hollande Transports", id="h-aspire"),
        pytest.param("Garage Bernard", "de Garage Bernard", id="consonant"),
        pytest.param("Yves Martin", "d'Yves Martin", id="y-before-consonant"),
        pytest.param("Yaourts du Jura", "de Yaourts du Jura", id="y-before-vowel"),
        pytest.param("« Oasis » SARL", "d'« Oasis » SARL", id="quoted-vowel"),
        pytest.param("R&D <Sud>", "de R&D <Sud>", id="markup-is-text"),
    ],
)
def test_de_elides_where_french_does(word, expected):
    assert de(word) == expected


@pytest.mark.parametrize(
    ("numbers", "lang", "expected"),
    [
        pytest.param(["A"], "fr", "de la facture n° A", id="fr-one"),
        pytest.param(["A", "B"], "fr", "des factures n° A et B", id="fr-two-never-de-les"),
        pytest.param(["A", "B", "C"], "fr", "des factures n° A, B et C", id="fr-three"),
        pytest.param(MANY, "fr", "des 36 factures", id="fr-summarised"),
        pytest.param(["A"], "en", "of invoice A", id="en-one"),
        pytest.param(["A", "B", "C"], "en", "of invoices A, B and C", id="en-three"),
    ],
)
def test_of_invoices(numbers, lang, expected):
    assert of_invoices(numbers, lang) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(lambda: invoices_phrase(["A"]), "la facture n° A", id="subject-one"),
        pytest.param(lambda: invoices_phrase(["A", "B"]), "les factures n° A et B", id="subject-two"),
        pytest.param(lambda: invoices_title(["A"]), "facture n° A", id="title-one"),
        pytest.param(lambda: invoices_title(MANY), "36 factures, voir le détail", id="title-many"),
        pytest.param(lambda: invoices_title(MANY, "en"), "36 invoices, see the details", id="title-many-en"),
        pytest.param(lambda: invoices_title(MANY, detail=False), "36 factures", id="title-many-subject"),
        pytest.param(lambda: invoices_title(MANY, "en", detail=False), "36 invoices", id="title-many-subject-en"),
        pytest.param(lambda: join_list([]), "", id="list-empty"),
        pytest.param(lambda: join_list(["A"]), "A", id="list-one"),
        pytest.param(lambda: join_list(["A", "B"], "en"), "A and B", id="list-two-en"),
        pytest.param(lambda: these_invoices(1), "cette facture", id="this-one"),
        pytest.param(lambda: these_invoices(2), "ces factures", id="these"),
        pytest.param(lambda: these_invoices(1, "en"), "this invoice", id="this-one-en"),
        pytest.param(lambda: previous_reminders([]), "nos précédents courriers", id="no-date"),
        pytest.param(lambda: previous_reminders(["29/10/2026"]), "notre relance du 29/10/2026", id="one-date"),
        pytest.param(
            lambda: previous_reminders(["29/10/2026", "05/11/2026", "29/10/2026"]),
            "nos relances des 29/10/2026 et 05/11/2026",
            id="dates-once-each",
        ),
        pytest.param(lambda: previous_reminders(["29 October 2026"], "en"), "our reminder of 29 October 2026", id="one-date-en"),
        pytest.param(
            lambda: previous_reminders([D(2026, 11, 10), D(2026, 11, 17)]),
            "nos relances des 10 et 17 novembre 2026",
            id="days-running-text",
        ),
        pytest.param(
            lambda: previous_reminders([D(2026, 10, 28), D(2026, 11, 17)], complete=False),
            "nos relances, dont celles des 28 octobre et 17 novembre 2026",
            id="days-two-months-incomplete",
        ),
        pytest.param(lambda: previous_reminders([D(2026, 12, 1)]), "notre relance du 1er décembre 2026", id="first-of-month"),
        pytest.param(
            lambda: previous_notices([D(2025, 12, 30), D(2026, 1, 10)]),
            "nos mises en demeure des 30 décembre 2025 et 10 janvier 2026",
            id="notices-two-years",
        ),
        pytest.param(
            lambda: previous_reminders([D(2026, 11, 10), D(2026, 11, 17)], "en"),
            "our reminders of 10 and 17 November 2026",
            id="days-running-text-en",
        ),
        pytest.param(lambda: acknowledgement([]), "", id="nothing-to-acknowledge"),
        pytest.param(
            lambda: acknowledgement(["A", "B"]),
            "Nous avons bien reçu le règlement des factures n° A et B et vous en remercions.",
            id="acknowledge-two",
        ),
    ],
)  # fmt: skip
def test_phrases(call, expected):
    assert call() == expected
