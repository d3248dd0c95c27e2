"""A client header that speaks of the client or the company (« Nom de la société ou du
client », facture.net), « Abonné », and a balance's « Intitulé » name the client; a
« Brouillon » / « Draft » oui/non column that says yes keeps the row out as a draft, said
(review-pubwb6 H4)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.columns import match_headers

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


@pytest.mark.parametrize(
    ("headers", "client"),
    [
        pytest.param(["Numéro de pièce", "Nom de la société ou du client", "Montant total TTC"], 1, id="facture.net"),
        pytest.param(["N° facture", "Nom du client", "Montant"], 1, id="nom du client"),
        pytest.param(["N° Facture", "Abonné", "Période", "Montant"], 1, id="abonne"),
        pytest.param(["Référence", "Société cliente", "Total TTC"], 1, id="societe cliente"),
        pytest.param(["Compte", "Intitulé", "Non échu", "Total"], 1, id="balance intitule"),
        # An invoice list's « Intitulé » is its subject, and « Code client » a number.
        pytest.param(["N° facture", "Intitulé", "Code client", "Montant"], 2, id="intitule-object"),
    ],
)  # fmt: skip
def test_the_client_header(headers, client):
    assert match_headers(headers)["client"] == client


CASES = [
    ("Brouillon", "Oui", True), ("Brouillon", "oui", True), ("Brouillon", "x", True),
    ("Draft", "true", True), ("Draft", True, True), ("Brouillon", "Non", False),
    ("Brouillon", None, False), ("Est un brouillon", "OUI", True),
]  # fmt: skip


@pytest.mark.parametrize(("header", "cell", "draft"), CASES)
def test_a_draft_column_keeps_the_row_out(tmp_path, header, cell, draft):
    headers = ["Numéro de pièce", "Nom de la société ou du client", "Date facture",
               "Date d'échéance", "Montant total TTC", "Adresse", header]  # fmt: skip
    rows = [
        [70, "Zeta SAS", D(2026, 9, 1), D(2026, 10, 1), 450.0, ADDRESS, cell],
        [71, "Eta SARL", D(2026, 9, 2), D(2026, 10, 2), 300.0, ADDRESS, "Non"],
    ]
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, headers), complete_settings(), as_of=AS_OF
    )
    assert ("70" in set(read.frame["invoice"])) is not draft
    assert set(read.frame["client"]) >= {"Eta SARL"}
    skipped = [s for s in read.skipped if s.row == 2]
    assert bool(skipped) is draft and all("brouillon" in s.reason for s in skipped)


ISSUERS = [
    "Société émettrice",
    "Société (émetteur)",
    "Notre société",
    "Fournisseur",
    "Vendeur",
    "Émetteur",
]


@pytest.mark.parametrize(
    ("headers", "client"),
    [pytest.param([h, "Client final", "N° facture", "Montant TTC"], 1, id=f"{h}-client final") for h in ISSUERS]
    + [pytest.param([h, "Raison sociale", "N° facture", "Montant TTC"], 1, id=f"{h}-raison sociale") for h in ISSUERS]
    + [
        pytest.param(["Client livré", "Client facturé", "N° facture", "Montant TTC"], 1, id="livré-facturé"),
        pytest.param(["Client facturé", "Client livré", "N° facture", "Montant TTC"], 0, id="facturé-livré"),
        pytest.param(["Client", "Client facturé", "N° facture", "Montant TTC"], 1, id="client-facturé"),
        pytest.param(["Code client", "Nom du client", "Société", "N° facture", "Montant"], 1, id="nom du client"),
    ],
)  # fmt: skip
def test_the_issuer_is_never_the_client(headers, client):
    # review-nextcase2 H5: « Société émettrice » is ourselves; the billed client wins.
    assert match_headers(headers)["client"] == client


def test_one_letter_per_real_client_beside_the_issuer_column(tmp_path):
    headers = [
        "Société émettrice",
        "Client final",
        "N° facture",
        "Date facture",
        "Échéance",
        "Montant TTC",
        "Adresse",
    ]
    rows = [
        [
            "Groupe Exemple Lyon",
            f"Client {i} SARL",
            f"F-{i}",
            D(2026, 8, 1),
            D(2026, 8, 31),
            500.0,
            ADDRESS,
        ]
        for i in range(3)
    ]
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, headers), complete_settings(), as_of=AS_OF
    )
    assert sorted(read.frame["client"]) == ["Client 0 SARL", "Client 1 SARL", "Client 2 SARL"]
