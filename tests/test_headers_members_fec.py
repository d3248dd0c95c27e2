"""A member's or a debtor's header names the client (« Adhérent », « Membre », « Member »,
Django's « debtor name » and its « debtor street / city / country »), and a sales-only
extract with the FEC's column names is read: « CompAuxLib » the client, « PieceRef » the
number, « Debit » the amount, « Credit » what settled it (review-pubwb6 M3 and L1,
review-nextcase2 M9); a true FEC of the whole books stays refused."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.columns import match_headers

D = dt.date
AS_OF = D(2026, 12, 7)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param(["N° facture", "Adhérent", "Montant TTC"], {"client": 1}, id="adherent"),
        pytest.param(["N° facture", "Membre", "Montant TTC"], {"client": 1}, id="membre"),
        pytest.param(["Invoice no", "Member", "Amount"], {"client": 1}, id="member"),
        pytest.param(["Invoice number", "debtor name", "debtor street", "debtor city", "debtor country", "Amount"],
                     {"client": 1, "street": 2, "city": 3, "country": 4}, id="django-verbose"),
        pytest.param(["JournalCode", "PieceRef", "PieceDate", "CompAuxLib", "EcheanceDate", "Debit", "Credit", "EcritureLib"],
                     {"invoice": 1, "invoice_date": 2, "client": 3, "due_date": 4, "amount": 5}, id="fec-sales"),
        # A plain « Débit » without the FEC's own names stays unread.
        pytest.param(["N° facture", "Client", "Débit", "Crédit"], {"client": 1}, id="plain-debit"),
    ],
)  # fmt: skip
def test_the_header(headers, expected):
    mapping = match_headers(headers)
    assert {f: mapping.get(f) for f in expected} == expected
    if "Débit" in headers:
        assert "amount" not in mapping


FEC_SALES = ["JournalCode", "PieceRef", "PieceDate", "CompAuxLib", "EcheanceDate", "Debit", "Credit", "EcritureLib"]  # fmt: skip


def test_a_sales_only_fec_extract_is_read(tmp_path):
    """Its credit note (« Credit » 300, « Debit » 0) is an amount of -300, a credit note."""
    rows = [
        ["VE", "F-1", D(2026, 9, 1), "Alpha SARL", D(2026, 10, 1), 1200.0, 0.0, "Facture F-1"],
        ["VE", "F-2", D(2026, 9, 3), "Beta SAS", D(2026, 10, 3), 800.0, None, "Facture F-2"],
        ["VE", "AV-1", D(2026, 9, 5), "Alpha SARL", D(2026, 10, 5), 0.0, 300.0, "Avoir AV-1"],
    ]
    path = write_ledger(tmp_path / "ventes.xlsx", rows, FEC_SALES)
    read = read_ledger(path, complete_settings(), as_of=AS_OF)
    frame = read.frame.set_index("invoice")
    assert list(frame.index) == ["F-1", "F-2", "AV-1"]
    assert list(frame["client"]) == ["Alpha SARL", "Beta SAS", "Alpha SARL"]
    assert [float(a) for a in frame["amount"]] == [1200.0, 800.0, -300.0]
    assert [bool(c) for c in frame["is_credit"]] == [False, False, True]
    assert not read.problems


@pytest.mark.parametrize(
    ("debit", "credit", "amount"),
    [
        pytest.param("1200,00", 0.0, 1200.0, id="text-debit-number-credit"),
        pytest.param("1 200,00", 200.0, 1000.0, id="text-debit-less-credit"),
        pytest.param("1200,00", "0,00", 1200.0, id="both-text"),
    ],
)
def test_a_debit_typed_as_text_is_never_zero(tmp_path, debit, credit, amount):
    """review-attack-6 §7: « 1200,00 » as text beside a numeric credit of 0 became a 0 €
    invoice, written back « Réglée »."""
    rows = [["VE", "F-980", D(2026, 9, 1), "Alpha SARL", D(2026, 10, 1), debit, credit, "Facture"]]
    path = write_ledger(tmp_path / "ventes.xlsx", rows, FEC_SALES)
    frame = read_ledger(path, complete_settings(), as_of=AS_OF).frame
    assert float(frame["amount"].iloc[0]) == amount and not bool(frame["is_paid"].iloc[0])


def test_a_true_fec_stays_refused(tmp_path):
    headers = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
               "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
               "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise"]  # fmt: skip
    row = ["VE", "Ventes", "1", D(2026, 9, 1), "411000", "Clients", "ALPHA", "Alpha SARL", "F-1",
           D(2026, 9, 1), "Facture F-1", 1200.0, 0.0, None, None, D(2026, 9, 1), None, None]  # fmt: skip
    path = write_ledger(tmp_path / "fec.xlsx", [row], headers)
    with pytest.raises(RelanceError, match="est un FEC"):
        read_ledger(path, complete_settings(), as_of=AS_OF)


FREELANCE = ["Client", "Date", "Libellé", "Montant", "Échéance", "Payé"]
SUBSCRIBED = ["N° facture", "Souscripteur", "Date", "Montant TTC", "Échéance"]


@pytest.mark.parametrize(
    ("headers", "rows", "said"),
    [
        # No number at all: two invoices of one client on one date need one; add it.
        pytest.param(FREELANCE, [["Alpha SARL", D(2026, 9, 1), "Site vitrine", 1200.0, D(2026, 10, 1), "non"],
                                 ["Alpha SARL", D(2026, 9, 1), "Logo", 300.0, D(2026, 10, 1), "non"]],
                     "ajoutez au classeur une colonne « N° de facture »", id="no-number"),
        # The client's column under an unknown header: the exact [columns] line.
        pytest.param(SUBSCRIBED, [["F-1", "Alpha SARL", D(2026, 9, 1), 1200.0, D(2026, 10, 1)],
                                  ["F-2", "Beta SAS", D(2026, 9, 1), 300.0, D(2026, 10, 1)],
                                  ["F-3", "Alpha SARL", D(2026, 9, 2), 300.0, D(2026, 10, 2)]],
                     'client = "Souscripteur"', id="client-line"),
    ],
)  # fmt: skip
def test_a_missing_column_says_its_fix(tmp_path, headers, rows, said):
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "2000"})
    assert said in " ".join(result.output.split()), result.output


STATUS_HEADERS = ["Numéro", "Client", "Date", "Montant TTC", "Échéance", "Statut"]


@pytest.mark.parametrize(
    ("status", "paid_column", "held"),
    [
        # Axonaut: « Payée partiellement » beside « Montant payé »: the rest owed, chased.
        pytest.param("Payée partiellement", True, False, id="axonaut-part-paid"),
        # Without a paid column, Dolibarr's meaning stays: classed, its rest abandoned.
        pytest.param("Payée partiellement", False, True, id="dolibarr-part-paid"),
        # Pennylane's « À venir »: open, not yet due, no « statut non reconnu ».
        pytest.param("À venir", False, False, id="pennylane-a-venir"),
    ],
)  # fmt: skip
def test_the_status(tmp_path, status, paid_column, held):
    headers = STATUS_HEADERS + (["Montant payé"] if paid_column else [])
    row = ["F-1", "Alpha SARL", D(2026, 9, 1), 1200.0, D(2026, 10, 1), status]
    path = write_ledger(tmp_path / "l.xlsx", [row + ([400.0] if paid_column else [])], headers)
    read = read_ledger(path, complete_settings(), as_of=AS_OF)
    assert bool(read.frame["hold"].iloc[0]) is held
    if paid_column:
        assert float(read.frame["paid"].iloc[0]) == 400.0
    assert not any("non reconnu" in d.what for d in read.decisions)


def test_an_aged_balance_by_client_is_refused(tmp_path):
    headers = ["Compte", "Intitulé", "Non échu", "1 à 30 j", "31 à 60 j", "61 à 90 j", "Plus de 90 j", "Total"]  # fmt: skip
    rows = [["411ALPHA", "Alpha SARL", 0, 1200.0, 0, 0, 0, 1200.0],
            ["411BETA", "Beta SAS", 300.0, 0, 500.0, 0, 0, 800.0]]  # fmt: skip
    path = write_ledger(tmp_path / "balance.xlsx", rows, headers)
    with pytest.raises(RelanceError, match="balance âgée par client"):
        read_ledger(path, complete_settings(), as_of=AS_OF)


AMOUNT_HEADERS = ["N° facture", "Client", "Date", "Montant TTC", "Échéance"]


@pytest.mark.parametrize(
    ("amount", "nil"),
    [
        # « 0 » in « Montant TTC »: a row problem, never a silent invoice of 0 € (nextcase2 L2).
        pytest.param("0", True, id="zero-text"),
        pytest.param(0, True, id="zero-number"),
        pytest.param(900.0, False, id="priced"),
    ],
)  # fmt: skip
def test_a_nil_amount_is_said(tmp_path, amount, nil):
    rows = [["F-1", "Alpha SARL", D(2026, 9, 1), amount, D(2026, 10, 1)],
            ["F-2", "Beta SAS", D(2026, 9, 1), 300.0, D(2026, 10, 1)]]  # fmt: skip
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, AMOUNT_HEADERS), complete_settings(), as_of=AS_OF
    )
    said = [p for p in read.problems if p.row == 2 and "montant nul" in p.message]
    assert bool(said) is nil


def test_the_stage_of_an_early_date_is_its_column(tmp_path):
    """« à faire » in « Relance 2 » is no stage: the date in « Relance 1 » is the 1st reminder
    (nextcase2 L1: the early-reminder warning names « Relance 1 »)."""
    headers = [*AMOUNT_HEADERS, "Relance 1", "Relance 2", "Mise en demeure"]
    rows = [
        [
            "F-1",
            "Alpha SARL",
            D(2026, 10, 1),
            900.0,
            D(2026, 10, 31),
            D(2026, 10, 20),
            "à faire",
            "",
        ]
    ]
    read = read_ledger(
        write_ledger(tmp_path / "l.xlsx", rows, headers), complete_settings(), as_of=AS_OF
    )
    row = read.frame.iloc[0]
    assert (int(row["level"]), row["last_date"].date()) == (1, D(2026, 10, 20))


def test_suggest_config_writes_the_client_guessed(tmp_path):
    """A table read but with no client header: `check --suggest-config` writes the column
    its content shows as the client, and the ledger is then read (review-pubwb6 M3)."""
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    rows = [["F-1", "Alpha SARL", D(2026, 9, 1), 1200.0, D(2026, 10, 1)],
            ["F-2", "Beta SAS", D(2026, 9, 1), 300.0, D(2026, 10, 1)],
            ["F-3", "Alpha SARL", D(2026, 9, 2), 300.0, D(2026, 10, 2)]]  # fmt: skip
    path = write_ledger(tmp_path / "l.xlsx", rows, SUBSCRIBED)
    result = CliRunner().invoke(app, ["check", str(path), "--suggest-config"])
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert 'client = "Souscripteur"' in written, result.output


def test_a_salesperson_column_is_never_guessed_as_the_client(tmp_path):
    """review-attack-6 §15: « Commercial » (two names alternating) was guessed as the client
    beside « Souscripteur » (one name per client): three clients' debts in one letter."""
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    clients = ["Garage Bernard", "Menuiserie Roux", "Traiteur Chevalier", "Boulangerie Petit",
               "Plomberie Martin", "Imprimerie Fontaine"]  # fmt: skip
    rows = [
        [f"F-{2000 + i}", ["Julie Moreau", "Marc Lefèvre"][i % 2], name, D(2026, 9, 1), 500.0,
         D(2026, 10, 1)]
        for i, name in enumerate(clients)
    ]  # fmt: skip
    headers = ["N° facture", "Commercial", "Souscripteur", "Date", "Montant TTC", "Échéance"]
    path = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = CliRunner().invoke(app, ["check", str(path), "--suggest-config"])
    written = (
        (tmp_path / "relance.toml").read_text(encoding="utf-8")
        if (tmp_path / "relance.toml").exists()
        else ""
    )
    assert 'client = "Commercial"' not in written + result.output
