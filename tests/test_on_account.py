"""A payment received and not applied (« Acompte », « Règlement », « Escompte » in an aged
balance, review-pubwb5 M1, M2): never called an « avoir » in the letter, shown as received
money, its amount positive, not deducted and said so; typed unsigned, never chased."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx.ledger import read_ledger

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Type", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]


def _text(path) -> str:
    doc = Document(path)
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


@pytest.mark.parametrize(
    ("kind", "amount"),
    [
        pytest.param("Acompte", -250.0, id="acompte-signed"),
        pytest.param("Acompte", 250.0, id="acompte-unsigned"),
        pytest.param("Règlement", -250.0, id="reglement"),
        pytest.param("Escompte", -250.0, id="escompte"),
    ],
)
def test_a_payment_on_account_is_no_credit_note_and_never_chased(tmp_path, kind, amount):
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), amount, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    assert letter.invoices == ["F-1"]
    text = _text(letter.path)
    assert (
        "Règlements reçus, non encore imputés sur une facture, non déduits de la somme demandée"
        in text
    )
    assert "1700001 | 20/09/2026 | – | 250,00 €" in text
    assert (
        "Avoirs disponibles" not in text
        and "avoir" not in text.lower().split("règlements reçus")[1][:200]
    )
    assert "Total restant dû : 1 000,00 €" in text
    ws = load_workbook(ledger).active
    statuses = {r[0].value: r[-1].value for r in ws.iter_rows(min_row=2)}
    assert statuses["1700001"] == "Règlement reçu non imputé : signalé au client, non déduit"


@pytest.mark.parametrize(
    ("kind", "chased"),
    [
        pytest.param("Facture d'acompte", True, id="facture-d-acompte"),
        pytest.param("Acompte", False, id="acompte"),
        pytest.param("Avoir", False, id="avoir"),
    ],
)
def test_only_an_invoice_of_a_deposit_is_chased(tmp_path, kind, chased):
    rows = [["A-1", kind, "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 400.0, ADDRESS]]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False, dry_run=True
    )
    assert bool(result.letters) is chased
    if kind == "Acompte":
        assert any("règlement reçu" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        pytest.param("Acompte", "les règlements reçus non imputés du client", id="acompte"),
        pytest.param("Avoir", "les avoirs disponibles du client", id="avoir"),
    ],
)
def test_the_control_names_what_covers_the_sum(tmp_path, kind, said):
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 200.0, ADDRESS],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS],
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [held] = result.to_complete
    assert held.missing[0].startswith(f"refusée au contrôle : {said} (250,00\xa0€) couvrent")


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        pytest.param("Acompte", "Règlement reçu non imputé 1700001", id="acompte"),
        pytest.param("Avoir", "Avoir 1700001", id="avoir"),
    ],
)
def test_the_statement_of_a_formal_notice_names_a_payment_received(tmp_path, kind, label):
    headers = [*HEADERS, "Niveau de relance", "Date de relance"]
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 6, 1), D(2026, 7, 1), 1000.0, ADDRESS, "Relance 2", D(2026, 10, 1)],
        ["1700001", kind, "Beta SAS", D(2026, 9, 20), D(2026, 9, 20), -250.0, ADDRESS, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    assert letter.kind == "mise_en_demeure"
    lines = [
        line
        for line in _text(letter.path).splitlines()
        if " 1700001 | 20/09/2026 | –" in line  # the statement's line: a label first, no due day
    ]
    assert [line.split(" | ")[0] for line in lines] == [label]


@pytest.mark.parametrize(
    ("number", "kind", "due", "advance"),
    [
        pytest.param(
            "F-2", "Acompte", D(2026, 10, 31), True, id="facac3-acompte-own-number-and-due"
        ),
        pytest.param("F-2", "Acompte 30 %", D(2026, 10, 31), True, id="facac2-acompte-30"),
        pytest.param("1700001", "Acompte", D(2026, 10, 31), False, id="other-numbering-received"),
        pytest.param("F-2", "Acompte", D(2026, 10, 1), False, id="due-on-its-date-received"),
        pytest.param("F-2", "Acompte reçu", D(2026, 10, 31), False, id="acompte-recu"),
    ],
)
def test_an_advance_invoice_typed_acompte_is_chased(tmp_path, number, kind, due, advance):
    """review-nextcase H3: « Acompte » with its own invoice number and due date is an advance
    invoice to chase, never money the client is told he paid."""
    rows = [
        ["F-1", "Facture", "Beta SAS", D(2026, 9, 1), D(2026, 10, 1), 1000.0, ADDRESS],
        [number, kind, "Beta SAS", D(2026, 10, 1), due, 300.0, ADDRESS],
    ]
    ledger = read_ledger(
        write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS), complete_settings(), as_of=AS_OF
    )
    frame = ledger.frame
    row = frame[frame["invoice"] == number].iloc[0]
    assert (bool(row["on_account"]), bool(row["is_credit"])) == (not advance, not advance)
    assert float(row["outstanding"]) == (300.0 if advance else -300.0)
    said = [p for p in ledger.problems if "facture d'acompte" in p.message]
    assert [p.row for p in said] == ([3] if advance else [])
