"""The client's address under a snake_case header (« client_adresse », as « client_nom » and
« client_email »), and an export's « None », « nan », « #N/A »… never printed as a line of it:
such a line is missing, and an address left incomplete holds the letter (the user's review,
finding 5)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.ledger import match_headers
from relance_xlsx.letters.postal import postal_address

D = dt.date
AS_OF = D(2026, 12, 7)
ARTEFACTS = ["None", "nan", "NaN", "NULL", "null", "N/A", "#N/A", "undefined", "-"]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        pytest.param("client_adresse", "address", id="client_adresse"),
        pytest.param("adresse_client", "address", id="adresse_client"),
        pytest.param("client_address", "address", id="client_address"),
        pytest.param("adresse client", "address", id="adresse-client"),
        pytest.param("Adresse du client", "address", id="adresse-du-client"),
        pytest.param("CustomerAddress", "address", id="CustomerAddress"),
        pytest.param("client_street", "street", id="client_street"),
        pytest.param("client_cp", "postcode", id="client_cp"),
        pytest.param("client_zip", "postcode", id="client_zip"),
        pytest.param("client_city", "city", id="client_city"),
        pytest.param("client_country", "country", id="client_country"),
    ],
)
def test_the_client_s_address_headers(header, field):
    headers = ["numero", "client_nom", header, "client_email", "montant"]
    found = match_headers(headers)
    assert found.get(field) == 2
    assert (found["client"], found["email"]) == (1, 3)


@pytest.mark.parametrize("artefact", ARTEFACTS)
@pytest.mark.parametrize(
    ("cell", "lines", "problem"),
    [
        pytest.param(
            "12 rue Haute\n{a}\n12690 Rouvres", ("12 rue Haute", "12690 ROUVRES"), None, id="a-line"
        ),
        pytest.param(
            "{a}\n12 rue Haute\n12690 Rouvres",
            ("12 rue Haute", "12690 ROUVRES"),
            None,
            id="first-line",
        ),
        pytest.param(
            "12 rue Haute, {a}, 12690 Rouvres",
            ("12 rue Haute", "12690 ROUVRES"),
            None,
            id="between-commas",
        ),
        pytest.param("{a}, 12690 Rouvres", None, "la rue", id="the-street-is-one"),
        pytest.param("{a}\n12690 Rouvres", None, "la rue", id="the-street-line-is-one"),
        pytest.param("12 rue Haute\n{a}", None, "code postal à 5 chiffres", id="the-town-is-one"),
    ],
)
def test_an_export_artefact_is_no_line_of_the_address(artefact, cell, lines, problem):
    found = postal_address(cell.format(a=artefact))
    assert not {artefact} & set(found.lines)
    if problem is None:
        assert (found.lines, found.problem) == (lines, None)
    else:
        assert found.problem is not None and problem in found.problem


HEADERS = ["numero", "date_emission", "client_nom", "client_adresse", "Complément d'adresse", "montant", "statut"]  # fmt: skip


def _rows(a: str) -> list[list]:
    return [
        # The artefact between the street and the town: the letter prints without it.
        ["20260121-001", D(2026, 1, 21), "FPC", f"3 rue Haute\n{a}\n12690 Rouvres", a, 50, "envoyée"],
        # The artefact stands for the street (« None, 12690 Rumont », as exported): held.
        ["20260121-002", D(2026, 1, 21), "Russell's American Mechanical", f"{a}, 12690 Rumont", None, 5650, "envoyée"],
        # The whole cell an artefact: no address at all.
        ["20260121-003", D(2026, 1, 21), "Garage Trois", a, None, 700, "envoyée"],
    ]  # fmt: skip


def _window(path: str, client: str) -> list[str]:
    """The debtor's block: the lines between the client's name and the place and date."""
    lines = [p.text for p in Document(path).paragraphs if p.text.strip()]
    start = lines.index(client)
    end = next(i for i, line in enumerate(lines) if line.startswith("Lyon, le"))
    return lines[start + 1 : end]


@pytest.mark.parametrize("artefact", ARTEFACTS)
def test_the_letter_never_prints_an_artefact_as_an_address_line(tmp_path, artefact):
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text("utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "factures.xlsx", _rows(artefact), HEADERS)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, write_workbook=False)
    (sent,) = result.letters
    assert _window(sent.path, "FPC") == ["3 rue Haute", "12690 ROUVRES"]
    held = {x.client: x.missing for x in result.to_complete}
    assert sorted(held) == ["Garage Trois", "Russell's American Mechanical"]
    assert "adresse du client incomplète : la rue" in held["Russell's American Mechanical"]
    assert "adresse du client" in held["Garage Trois"]
    for letter in [sent, *result.to_complete]:
        window = _window(letter.path, letter.client)
        assert artefact not in window and not any(artefact in line.split() for line in window)
    assert Path(sent.path).exists()
