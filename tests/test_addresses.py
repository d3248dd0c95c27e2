"""A complete postal address or no letter: columns composed in La Poste's order (NF Z10-011),
a French address without its postcode and town, or a foreign one without its country, held
in a_completer/ with the reason."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx.letters.postal import postal_address

D = dt.date
AS_OF = D(2026, 11, 22)


@pytest.mark.parametrize(
    ("cell", "lines", "problem"),
    [
        pytest.param(
            "12 rue Oberkampf\n75011 Paris",
            ("12 rue Oberkampf", "75011 PARIS"),
            None,
            id="two-lines",
        ),
        pytest.param(
            "12 rue Oberkampf, 75011 Paris",
            ("12 rue Oberkampf", "75011 PARIS"),
            None,
            id="one-line-postcode-inside",
        ),
        pytest.param(
            "BP 12\n75011 Paris Cedex 11", ("BP 12", "75011 PARIS CEDEX 11"), None, id="cedex"
        ),
        pytest.param(
            "1 rue A\n01000 Bourg-en-Bresse\nFrance",
            ("1 rue A", "01000 BOURG-EN-BRESSE"),
            None,
            id="no-country-line-in-france",
        ),
        pytest.param(
            "Rue de la Loi 16\n1000 Bruxelles\nBelgique",
            ("Rue de la Loi 16", "1000 Bruxelles", "BELGIQUE"),
            None,
            id="abroad-country-last",
        ),
        pytest.param(
            "14 Dock Street\nBristol BS1 4RB\nUnited Kingdom",
            ("14 Dock Street", "Bristol BS1 4RB", "ROYAUME-UNI"),
            None,
            id="country-in-french-capitals",
        ),
        pytest.param(
            "1 place de l'Église\n42340 Saint-Romain-le-Puy et Sainte-Agathe",
            ("1 place de l'Église", "42340 ST-ROMAIN-LE-PUY ET STE-AGATHE"),
            None,
            id="long-town-abbreviated",
        ),
        pytest.param("12 rue Oberkampf", None, "code postal à 5 chiffres", id="no-postcode"),
        pytest.param(
            "12 rue Oberkampf\nParis", None, "code postal à 5 chiffres", id="town-without-postcode"
        ),
        pytest.param("75011 Paris", None, "la rue", id="no-street"),
        pytest.param(
            "Rue de la Loi 16\n1000 Bruxelles",
            None,
            "code postal à 5 chiffres",
            id="abroad-without-country",
        ),
        pytest.param("Belgique", None, "code postal", id="country-alone"),
        pytest.param("a\nb\nc\nd\ne\n75001 Paris", None, "6 au plus", id="seven-lines"),
    ],
)
def test_la_poste_order_or_the_reason_it_cannot_go(cell, lines, problem):
    found = postal_address(cell)
    if problem is None:
        assert (found.lines, found.problem) == (lines, None)
        assert all(len(line) <= 38 for line in found.lines[:-1])
    else:
        assert found.problem is not None and problem in found.problem


def test_a_long_street_line_is_cut_between_words_at_38_characters():
    found = postal_address(
        "Résidence des Lilas, bâtiment B, escalier 4, porte 12\n3 impasse des Lilas\n69100 Villeurbanne"
    )
    assert found.problem is None
    assert found.lines == (
        "Résidence des Lilas, bâtiment B",
        "escalier 4, porte 12",
        "3 impasse des Lilas",
        "69100 VILLEURBANNE",
    )


HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse", "Complément d'adresse", "CP", "Ville", "Pays"]  # fmt: skip
ROWS = [
    # Complete, in columns: the street, the complement, the postcode (a number in Excel) and town.
    ["F-1", "Atelier Un", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "12 rue Oberkampf", "Bâtiment B", 75011, "Paris", None],
    # 01000 typed as a number reads 1000: the Ain's leading zero is put back.
    ["F-2", "Boulangerie Deux", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "1 rue A", None, 1000, "Bourg-en-Bresse", "France"],
    # Abroad: the country is the last line, in capitals.
    ["F-3", "Brasserie Trois", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "Rue de la Loi 16", None, "1000", "Bruxelles", "Belgique"],
    # The address cell already holds the town: usable as it is, not doubled.
    ["F-4", "Café Quatre", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "5 quai Voltaire\n75007 Paris", None, None, None, None],
    # No postcode, no town: held, with the reason.
    ["F-5", "Droguerie Cinq", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "3 rue B", None, None, None, None],
    # A foreign town without its country: held too.
    ["F-6", "Épicerie Six", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, "Hauptstrasse 3", None, "8001", "Zürich", None],
]  # fmt: skip


def _office(tmp_path: Path, rows=ROWS, headers=HEADERS, extra=None) -> Path:
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    return write_ledger(tmp_path / "ledger.xlsx", rows, headers, extra=extra)


def _window(path: str) -> list[str]:
    """The debtor's block: the lines between the client's name and the place and date."""
    lines = [p.text for p in Document(path).paragraphs if p.text.strip()]
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(("Atelier Un", "Boulangerie", "Brasserie", "Café"))
    )
    end = next(i for i, line in enumerate(lines) if line.startswith("Lyon, le"))
    return lines[start + 1 : end]


def test_separate_postcode_and_town_columns_print_and_a_row_without_them_is_held(tmp_path):
    ledger = _office(tmp_path)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF)
    sent = {x.client: x for x in result.letters}
    assert _window(sent["Atelier Un"].path) == ["12 rue Oberkampf", "Bâtiment B", "75011 PARIS"]
    assert _window(sent["Boulangerie Deux"].path) == ["1 rue A", "01000 BOURG-EN-BRESSE"]
    assert _window(sent["Brasserie Trois"].path) == [
        "Rue de la Loi 16",
        "1000 Bruxelles",
        "BELGIQUE",
    ]
    assert _window(sent["Café Quatre"].path) == ["5 quai Voltaire", "75007 PARIS"]
    held = {x.client: x for x in result.to_complete}
    assert sorted(held) == ["Droguerie Cinq", "Épicerie Six"]
    assert "code postal à 5 chiffres suivi de la ville" in held["Droguerie Cinq"].missing[0]
    assert "/a_completer/" in held["Droguerie Cinq"].path.replace("\\", "/")
    listing = (Path(result.out_dir) / "a_completer" / "A_COMPLETER.txt").read_text("utf-8")
    assert "Droguerie Cinq" in listing and "code postal" in listing
    # A held letter is never recorded as sent: its invoice keeps its level, its status says why.
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    level, status = header.index("Niveau de relance"), header.index("Statut relance")
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["F-5"][level] is None and "code postal" in rows["F-5"][status]
    assert rows["F-1"][level] == "Relance 1"
    problems = [p.message for p in result.problems if p.value == "Droguerie Cinq"]
    assert problems and "a_completer" in problems[0]


def test_the_clients_sheet_gives_the_postcode_and_town(tmp_path):
    """A clients sheet with « Code postal » and « Localité » completes the invoices' address."""

    def clients(wb):
        sheet = wb.create_sheet("Clients")
        sheet.append(["Client", "Adresse 1", "Adresse 2", "Code postal", "Localité", "Pays"])
        sheet.append(["Atelier Un", "12 rue Oberkampf", "Bât. B", "75011", "Paris", "France"])
        sheet.append(["Brasserie Trois", "Rue de la Loi 16", None, "1000", "Bruxelles", "BE"])

    rows = [r[:6] for r in ROWS[:1]] + [ROWS[2][:6]]
    ledger = _office(tmp_path, rows, HEADERS[:6], extra=clients)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, write_workbook=False)
    sent = {x.client: x for x in result.letters}
    assert result.to_complete == []
    assert _window(sent["Atelier Un"].path) == ["12 rue Oberkampf", "Bât. B", "75011 PARIS"]
    assert _window(sent["Brasserie Trois"].path) == [
        "Rue de la Loi 16",
        "1000 Bruxelles",
        "BELGIQUE",
    ]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        pytest.param("Code postal", "postcode", id="code-postal"),
        pytest.param("CP", "postcode", id="cp"),
        pytest.param("Zip", "postcode", id="zip"),
        pytest.param("Postcode", "postcode", id="postcode"),
        pytest.param("Ville", "city", id="ville"),
        pytest.param("Localité", "city", id="localite"),
        pytest.param("Town", "city", id="town"),
        pytest.param("City", "city", id="city"),
        pytest.param("Pays", "country", id="pays"),
        pytest.param("Country", "country", id="country"),
        pytest.param("Complément d'adresse", "complement", id="complement"),
        pytest.param("Adresse 2", "complement", id="adresse-2"),
        pytest.param("Address line 2", "complement", id="address-line-2"),
        pytest.param("Adresse", "address", id="adresse"),
        pytest.param("Courriel client", "email", id="an-e-mail-is-no-postal-address"),
    ],
)
def test_address_headers_french_and_english(header, field):
    from relance_xlsx.ledger import match_headers

    assert match_headers(["N° facture", "Client", "Montant", header]).get(field) == 3
